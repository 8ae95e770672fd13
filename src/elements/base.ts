import { LitElement, css, type CSSResultGroup } from 'lit';
import type { LkEventDetails, LkEventName } from '../events.js';

/** The base of every `lk-*` element: a typed `emit()` and the shared host styles. */
export class LkElement extends LitElement {
  static override styles: CSSResultGroup = css`
    :host([hidden]) {
      display: none !important;
    }
  `;

  /** Dispatches an `lk-*` event that bubbles and crosses shadow roots. */
  emit<K extends LkEventName>(name: K, detail: LkEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }
}
