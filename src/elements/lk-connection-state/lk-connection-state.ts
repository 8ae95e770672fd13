import { html, type PropertyDeclarations } from 'lit';
import type { LkConnectionState } from '../../core/connection-state.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-connection-state.styles.js';

/**
 * Shows the connection state of its room as text, and reflects it as `state` for CSS. In a browser
 * without WebRTC, which cannot join, it says so instead (the state stays `disconnected`).
 *
 * @summary The room's connection state, as text.
 * @tag lk-connection-state
 *
 * @csspart label - The text.
 */
export class LkConnectionStateElement extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    state: { reflect: true },
    disconnectedLabel: { attribute: 'disconnected-label' },
    connectingLabel: { attribute: 'connecting-label' },
    connectedLabel: { attribute: 'connected-label' },
    reconnectingLabel: { attribute: 'reconnecting-label' },
    unsupportedLabel: { attribute: 'unsupported-label' },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['state'];

  static override styles = [LkElement.styles, styles];


  /** The state of the room, reflected for CSS. Read-only. @readonly */
  state: LkConnectionState = 'disconnected';

  /** Text while disconnected. Default: "Disconnected" in the page's language. */
  disconnectedLabel?: string;

  /** Text while connecting. Default: "Connecting…" in the page's language. */
  connectingLabel?: string;

  /** Text while connected. Default: "Connected" in the page's language. */
  connectedLabel?: string;

  /** Text while reconnecting. Default: "Reconnecting…" in the page's language. */
  reconnectingLabel?: string;

  /** Text in a browser without WebRTC. Default: "This browser cannot join video calls: it has no WebRTC (RTCPeerConnection)." in the page's language. */
  unsupportedLabel?: string;

  protected override willUpdate(): void {
    // The room's own state, retries included (`connecting`, `reconnecting`).
    this.state = this.binding.state;
  }


  protected override render() {
    const labels: Record<LkConnectionState, string> = {
      disconnected: this.disconnectedLabel ?? this.i18n.t('disconnected'),
      connecting: this.connectingLabel ?? this.i18n.t('connecting'),
      connected: this.connectedLabel ?? this.i18n.t('connected'),
      reconnecting: this.reconnectingLabel ?? this.i18n.t('reconnecting'),
    };
    const text = this.unsupported ? (this.unsupportedLabel ?? this.i18n.t('noWebRTC')) : labels[this.state];
    return html`<span part="label" role="status">${text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-connection-state': LkConnectionStateElement;
  }
}
