import { html, type PropertyDeclarations } from 'lit';
import { ConnectionQuality, ParticipantEvent } from 'livekit-client';
import type { ParticipantEventName } from '../../controllers/participant-events.js';
import { qualityBars, toLkQuality, type LkQuality } from '../../core/connection-quality.js';
import { LkParticipantElement } from '../participant-element.js';
import { barsStyles } from './bars.js';
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
export class LkConnectionQuality extends LkParticipantElement {
  static override properties: PropertyDeclarations = {
    quality: { reflect: true },
    excellentLabel: { attribute: 'excellent-label' },
    goodLabel: { attribute: 'good-label' },
    poorLabel: { attribute: 'poor-label' },
    lostLabel: { attribute: 'lost-label' },
    unknownLabel: { attribute: 'unknown-label' },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['quality'];

  static override styles = [LkParticipantElement.styles, barsStyles, styles];

  /** @internal */
  protected static override readonly participantEvents: readonly ParticipantEventName[] = [ParticipantEvent.ConnectionQualityChanged];

  /** `excellent`, `good`, `poor`, `lost` or `unknown`. Reflected for CSS. Read-only. @readonly */
  quality: LkQuality = 'unknown';

  /** Text for an excellent connection. Default: "Excellent connection" in the page's language. */
  excellentLabel?: string;

  /** Text for a good connection. Default: "Good connection" in the page's language. */
  goodLabel?: string;

  /** Text for a poor connection. Default: "Poor connection" in the page's language. */
  poorLabel?: string;

  /** Text for a lost connection. Default: "Connection lost" in the page's language. */
  lostLabel?: string;

  /** Text while the quality is not known yet. Default: "Connection quality unknown" in the page's language. */
  unknownLabel?: string;


  protected override willUpdate(): void {
    this.quality = toLkQuality(this.livekitParticipant?.connectionQuality ?? ConnectionQuality.Unknown);
  }

  protected override render() {
    const labels: Record<LkQuality, string> = {
      excellent: this.excellentLabel ?? this.i18n.t('qualityExcellent'),
      good: this.goodLabel ?? this.i18n.t('qualityGood'),
      poor: this.poorLabel ?? this.i18n.t('qualityPoor'),
      lost: this.lostLabel ?? this.i18n.t('qualityLost'),
      unknown: this.unknownLabel ?? this.i18n.t('qualityUnknown'),
    };
    return html`<svg part="icon" class="q${qualityBars(this.quality)}" viewBox="0 0 16 16" aria-hidden="true"
      ><rect x="1" y="10" width="4" height="5" rx="1"/><rect x="6" y="6" width="4" height="9" rx="1"/><rect x="11" y="2" width="4" height="13" rx="1"
    /></svg><span part="label" .textContent=${labels[this.quality]}></span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-connection-quality': LkConnectionQuality;
  }
}
