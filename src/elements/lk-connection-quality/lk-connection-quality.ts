import { html, svg, type PropertyDeclarations } from 'lit';
import { ConnectionQuality } from 'livekit-client';
import { qualityBars, toLkQuality, type LkQuality } from '../../core/connection-quality.js';
import { LkParticipantElement } from '../participant-element.js';
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

  static override styles = [LkParticipantElement.styles, styles];

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


  protected override willUpdate(): void {
    this.quality = toLkQuality(this.livekitParticipant?.connectionQuality ?? ConnectionQuality.Unknown);
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
