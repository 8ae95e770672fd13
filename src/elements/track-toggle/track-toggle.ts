import { html, LitElement, nothing, type PropertyValues, type SVGTemplateResult, type PropertyDeclarations } from 'lit';
import type { Room, Track } from 'livekit-client';
import { AttributeErrorReporter } from '../../controllers/attribute-options.js';
import { LocalTrackController } from '../../controllers/local-track.js';
import type { AttributeError } from '../../core/attributes.js';
import { captureErrorClassifier, type FrameScope } from '../../core/embedding.js';
import type { MessageKey } from '../../core/i18n.js';
import { classifyMediaError } from '../../core/errors.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { buttonStyles } from './button.styles.js';

/**
 * What the camera, microphone and screen-share toggles share: a native button with `aria-pressed`,
 * `pressed` and `pending` reflected, disabled while the room is not connected or the token may not
 * publish the source, in a browser without WebRTC, and in a frame whose embedding page's `<iframe>`
 * does not allow the source (`allow="camera"`, `microphone`, `display-capture`); the reason is then
 * its `title` and its accessible description. While a
 * change is in flight it is `aria-disabled` and `aria-busy` and ignores clicks, but keeps keyboard
 * focus; `lk-toggle` after a user's change, `lk-error` on failure. Each subclass names its source,
 * its override attributes, and the SDK call.
 *
 * @slot - The label (default: an icon and the source's name, in the page's language).
 * @slot icon - Replaces the default icon.
 * @csspart button - The native button.
 * @csspart icon - The default icon.
 * @csspart label - The default text.
 * @fires lk-toggle - `{source, enabled}` after the user turned the source on or off.
 * @fires lk-error - `permission-denied`, `blocked-by-embedder` (a capture refused by the frame's policy where the browser cannot tell beforehand), `device-not-found`, `device-in-use`, `publish-failed`, `unsupported`, or `invalid-attribute` for an override.
 */
export abstract class LkTrackToggle extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    label: {},
    pressed: { type: Boolean, reflect: true },
    pending: { type: Boolean, reflect: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['pressed', 'pending'];

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [LkElement.styles, buttonStyles];


  /** Replaces the default text of the button (the source's name in the page's language). */
  label?: string;

  /** The source is on (published and not muted). Reflected; read-only. @readonly */
  pressed = false;

  /** A change is in flight. Reflected; read-only. @readonly */
  pending = false;

  protected readonly local: LocalTrackController;
  readonly #errors = new AttributeErrorReporter(this);

  constructor(source: Track.Source) {
    super();
    this.local = new LocalTrackController(this, source, () => (this.pressed = this.local.enabled));
    this.local.room = this.livekitRoom;
  }

  protected override roomChanged(room: Room | undefined): void {
    // Called from the base's binding, possibly before this constructor has made `local`.
    if (this.local) this.local.room = room;
  }


  /** The message that names the source: the default text. */
  protected abstract readonly labelKey: MessageKey;

  protected abstract icon(on: boolean): SVGTemplateResult;

  /** Reads the override attributes; returns their errors. */
  protected abstract readOverrides(): readonly AttributeError[];

  /** Turns the source on or off with the overrides. */
  protected abstract setEnabled(room: Room, enabled: boolean): Promise<unknown>;

  /** The names of the override attributes, observed in addition to the Lit properties. */
  protected static overrideAttributes: readonly string[] = [];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...this.overrideAttributes];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (old !== value && (this.constructor as typeof LkTrackToggle).overrideAttributes.includes(name)) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.#errors.report(this.readOverrides());
  }

  protected override render() {
    const on = this.local.enabled;
    // Why the control cannot be used at all: no WebRTC, or the embedding page's <iframe> blocks the source.
    const reason = this.unsupported ?? this.blockedReason(this.local.source);
    return html`<button
        part="button"
        type="button"
        title=${reason ?? nothing}
        aria-describedby=${reason ? 'reason' : nothing}
        aria-pressed=${on ? 'true' : 'false'}
        aria-busy=${this.pending ? 'true' : nothing}
        aria-disabled=${this.pending ? 'true' : nothing}
        ?disabled=${!this.local.available || !!reason}
        @click=${this.#onClick}
      >
        <slot name="icon">${this.icon(on)}</slot>
        <slot><span part="label">${this.label ?? this.i18n.t(this.labelKey)}</span></slot>
      </button>
      ${reason ? html`<span id="reason" class="reason">${reason}</span>` : nothing}`;
  }

  #onClick = async (): Promise<void> => {
    const room = this.local.room;
    if (!room || this.pending) return;
    const enable = !this.local.enabled;
    this.pending = true;
    try {
      await this.setEnabled(room, enable);
      this.local.sync();
      this.emit('lk-toggle', { source: this.local.source, enabled: this.local.enabled });
    } catch (err) {
      const what = this.local.source.replace('_', ' ');
      this.reportError(enable ? await captureErrorClassifier(globalThis as FrameScope, this.local.source)(err, what) : classifyMediaError(err, what));
    } finally {
      this.pending = false;
      this.local.sync();
    }
  };
}
