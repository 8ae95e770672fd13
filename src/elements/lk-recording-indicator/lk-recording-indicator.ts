import { html, nothing, type PropertyDeclarations } from 'lit';
import { parseFlag } from '../../core/grammar.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-recording-indicator.styles.js';

/**
 * Says that the room is being recorded: a dot and a label while the server reports a recording
 * (livekit-client's `Room.isRecording`), nothing visible otherwise. The label sits in a polite live
 * region that is there from the start, so a screen reader announces it when a recording starts.
 * `recording` is reflected for CSS.
 *
 * @summary A notice shown while the room is being recorded.
 * @tag lk-recording-indicator
 *
 * @csspart badge - The live region (`role="status"`): the dot and the label while recording, empty otherwise.
 * @csspart dot - The dot.
 * @csspart label - The text.
 * @cssprop [--lk-recording-indicator-bg=var(--lk-bg3)] - The badge's background.
 * @cssprop [--lk-recording-indicator-fg=var(--lk-fg)] - The text colour.
 * @cssprop [--lk-recording-indicator-dot=var(--lk-danger)] - The dot's colour.
 */
export class LkRecordingIndicatorElement extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    recording: { reflect: true, converter: { fromAttribute: parseFlag, toAttribute: (value: boolean) => (value ? '' : null) } },
    label: {},
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['recording'];

  static override styles = [LkElement.styles, styles];

  /** Whether the room is being recorded now, reflected for CSS. Read-only. @readonly */
  recording = false;

  /** The text shown (and announced) while recording. Default: "Recording" in the page's language. */
  label?: string;

  protected override willUpdate(): void {
    this.recording = this.session?.recording ?? false;
  }

  protected override render() {
    return html`<span part="badge" role="status"
      >${this.recording ? html`<span part="dot" aria-hidden="true"></span><span part="label">${this.label ?? this.i18n.t('recording')}</span>` : nothing}</span
    >`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-recording-indicator': LkRecordingIndicatorElement;
  }
}
