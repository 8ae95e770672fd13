import { html, type PropertyDeclarations } from 'lit';
import type { LkConnectionState } from '../../core/connection-state.js';
import { LkElement, readOnly } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-connection-state.styles.js';

/**
 * Shows the connection state of its room as text, and reflects it as `state` for CSS.
 *
 * @summary The room's connection state, as text.
 * @tag lk-connection-state
 *
 * @csspart label - The text.
 */
export class LkConnectionStateElement extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    state: readOnly(),
    disconnectedLabel: { attribute: 'disconnected-label' },
    connectingLabel: { attribute: 'connecting-label' },
    connectedLabel: { attribute: 'connected-label' },
    reconnectingLabel: { attribute: 'reconnecting-label' },
  };

  static override styles = [LkElement.styles, styles];


  /** The state of the room, reflected for CSS. Read-only. @readonly */
  state: LkConnectionState = 'disconnected';

  /** Text while disconnected. */
  disconnectedLabel = 'Disconnected';

  /** Text while connecting. */
  connectingLabel = 'Connecting…';

  /** Text while connected. */
  connectedLabel = 'Connected';

  /** Text while reconnecting. */
  reconnectingLabel = 'Reconnecting…';

  protected override willUpdate(): void {
    // The room's own state, retries included (`connecting`, `reconnecting`).
    this.state = this.binding.state;
  }


  protected override render() {
    const labels: Record<LkConnectionState, string> = {
      disconnected: this.disconnectedLabel,
      connecting: this.connectingLabel,
      connected: this.connectedLabel,
      reconnecting: this.reconnectingLabel,
    };
    return html`<span part="label" role="status">${labels[this.state]}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-connection-state': LkConnectionStateElement;
  }
}
