import { html, type PropertyDeclarations } from 'lit';
import { RoomEvent, type ConnectionState, type Room } from 'livekit-client';
import { RoomBindingController } from '../../controllers/room-binding.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { toLkConnectionState, type LkConnectionState } from '../../core/connection-state.js';
import { LkElement } from '../base.js';
import { styles } from './lk-connection-state.styles.js';

/**
 * Shows the connection state of its room as text, and reflects it as `state` for CSS.
 *
 * @summary The room's connection state, as text.
 * @tag lk-connection-state
 *
 * @csspart label - The text.
 */
export class LkConnectionStateElement extends LkElement {
  static override properties: PropertyDeclarations = {
    roomId: { attribute: 'room' },
    state: { reflect: true },
    disconnectedLabel: { attribute: 'disconnected-label' },
    connectingLabel: { attribute: 'connecting-label' },
    connectedLabel: { attribute: 'connected-label' },
    reconnectingLabel: { attribute: 'reconnecting-label' },
  };

  static override styles = [LkElement.styles, styles];

  /** The id of an `<lk-room>` to follow instead of the enclosing one. */
  roomId?: string;

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

  #events = new RoomEventsController(this, {
    [RoomEvent.ConnectionStateChanged]: (state: ConnectionState) => (this.state = toLkConnectionState(state)),
  });

  #binding = new RoomBindingController(this, (room) => {
    this.#events.room = room;
    this.state = toLkConnectionState((room?.state ?? 'disconnected') as ConnectionState);
  });

  /** The room this element follows. */
  get room(): Room | undefined {
    return this.#binding.room;
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
