import { html, svg, type PropertyDeclarations } from 'lit';
import { ConnectionQuality, type Participant, type Room } from 'livekit-client';
import { ParticipantBindingController } from '../../controllers/participant-binding.js';
import { qualityBars, toLkQuality, type LkQuality } from '../../core/connection-quality.js';
import { LkElement } from '../base.js';
import { styles } from './lk-connection-quality.styles.js';

/**
 * A participant's connection quality, as the server measures it: three bars and a text label, and
 * reflected as `quality` for CSS.
 *
 * Which participant: the `participant` property, else `participant="identity|local"` in its room,
 * else the participant of the enclosing `<lk-participant-tile>` or `<lk-participants>` item.
 *
 * @summary A participant's connection quality.
 * @tag lk-connection-quality
 *
 * @csspart icon - The bars.
 * @csspart label - The text.
 *
 * @cssprop [--lk-connection-excellent=#06db4d] - Bars for an excellent connection.
 * @cssprop [--lk-connection-good=#f9b11f] - Bars for a good connection.
 * @cssprop [--lk-connection-poor=#f91f31] - Bars for a poor or lost connection.
 * @cssprop [--lk-connection-quality-off] - Bars that are off.
 * @cssprop [--lk-connection-quality-size=1em] - Size of the icon.
 */
export class LkConnectionQuality extends LkElement {
  static override properties: PropertyDeclarations = {
    roomId: { attribute: 'room' },
    participantIdentity: { attribute: 'participant' },
    quality: { reflect: true },
    excellentLabel: { attribute: 'excellent-label' },
    goodLabel: { attribute: 'good-label' },
    poorLabel: { attribute: 'poor-label' },
    lostLabel: { attribute: 'lost-label' },
    unknownLabel: { attribute: 'unknown-label' },
  };

  static override styles = [LkElement.styles, styles];

  /** The id of an `<lk-room>` to use instead of the enclosing one. */
  roomId?: string;

  /** The identity of the participant, or `local`. Without it: the participant of the enclosing tile. */
  participantIdentity?: string;

  /** `excellent`, `good`, `poor`, `lost` or `unknown`. Reflected for CSS. Read-only. @readonly */
  quality: LkQuality = 'unknown';

  /** Text for an excellent connection. */
  excellentLabel = 'Excellent connection';

  /** Text for a good connection. */
  goodLabel = 'Good connection';

  /** Text for a poor connection. */
  poorLabel = 'Poor connection';

  /** Text for a lost connection. */
  lostLabel = 'Connection lost';

  /** Text while the quality is not known yet. */
  unknownLabel = 'Connection quality unknown';

  #binding = new ParticipantBindingController(this);

  /** The participant shown. Setting it pins one, over the attribute and the context. */
  get participant(): Participant | undefined {
    return this.#binding.participant;
  }

  set participant(participant: Participant | undefined) {
    this.#binding.explicit = participant;
  }

  /** The room this element uses. */
  get room(): Room | undefined {
    return this.#binding.room;
  }

  protected override willUpdate(): void {
    this.quality = toLkQuality(this.participant?.connectionQuality ?? ConnectionQuality.Unknown);
  }

  protected override render() {
    const labels: Record<LkQuality, string> = {
      excellent: this.excellentLabel,
      good: this.goodLabel,
      poor: this.poorLabel,
      lost: this.lostLabel,
      unknown: this.unknownLabel,
    };
    const on = qualityBars(this.quality);
    const bars = [0, 1, 2].map((i) => svg`<rect class=${i < on ? 'on' : ''} x=${1 + i * 5} y=${10 - i * 4} width="4" height=${5 + i * 4} rx="1"></rect>`);
    return html`<svg part="icon" viewBox="0 0 16 16" aria-hidden="true">${bars}</svg><span part="label">${labels[this.quality]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-connection-quality': LkConnectionQuality;
  }
}
