import { LitElement, html, type PropertyDeclarations } from 'lit';
import { RoomEvent, type Room } from 'livekit-client';
import { RoomEventsController } from '../../controllers/room-events.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-start-audio.styles.js';

/**
 * A button that is there only while the browser blocks audio playback (autoplay policy: no user
 * gesture yet). A click calls the room's `startAudio()`, which starts every remote audio element,
 * and the button goes away.
 *
 * @summary "Start audio": shown only while the browser blocks playback.
 * @tag lk-start-audio
 *
 * @slot - The button's label (default: the `label` attribute).
 *
 * @csspart button - The native `<button>`.
 *
 * @cssprop [--lk-accent-bg] - Button background (the theme's accent).
 * @cssprop [--lk-accent-fg] - Button text.
 */
export class LkStartAudio extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    label: {},
    blocked: { type: Boolean, reflect: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['blocked'];

  static override styles = [LkElement.styles, styles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };


  /** The button's text. Default: "Start audio" in the page's language. */
  label?: string;

  /** The browser blocks playback: the element is shown. Reflected for CSS. Read-only. @readonly */
  blocked = false;

  #events = new RoomEventsController(this, {
    [RoomEvent.AudioPlaybackStatusChanged]: () => this.requestUpdate(),
    [RoomEvent.ConnectionStateChanged]: () => this.requestUpdate(),
  });
  protected override roomChanged(room: Room | undefined): void {
    this.#events.room = room;
  }


  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page: the room may have changed meanwhile.
    this.requestUpdate();
  }

  protected override willUpdate(): void {
    this.blocked = !!this.livekitRoom && !this.livekitRoom.canPlaybackAudio;
  }

  protected override render() {
    return html`<button part="button" type="button" @click=${this.#start}><slot>${this.label ?? this.i18n.t('startAudio')}</slot></button>`;
  }

  #start(): void {
    // Called within the click, so the browser counts it as the user's gesture.
    this.livekitRoom?.startAudio().catch((err: unknown) => {
      this.warn(`the browser still blocks audio: ${err instanceof Error ? err.message : String(err)}`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-start-audio': LkStartAudio;
  }
}
