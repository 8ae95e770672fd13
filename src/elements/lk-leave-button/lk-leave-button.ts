import { css, html, LitElement, type PropertyDeclarations } from 'lit';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { RoomBindingController } from '../../controllers/room-binding.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { LkElement } from '../base.js';
import { leaveIcon } from '../track-toggle/icons.js';
import { buttonStyles } from '../track-toggle/button.styles.js';

/**
 * Leaves the room: disconnects it (the room's `lk-disconnected` reports a client-initiated reason).
 * Disabled while the room is not connected.
 *
 * @summary A button that leaves the room.
 * @tag lk-leave-button
 *
 * @slot - The label (default: an icon and "Leave").
 * @slot icon - Replaces the default icon.
 * @csspart button - The native button.
 * @csspart icon - The default icon.
 * @csspart label - The default text.
 * @cssprop [--lk-leave-button-bg=#c81e1e] - The button's background.
 * @cssprop [--lk-leave-button-fg=#fff] - The button's text colour.
 * @cssprop [--lk-leave-button-hover-bg=#a51818] - The background under the pointer.
 */
export class LkLeaveButton extends LkElement {
  static override properties: PropertyDeclarations = {
    roomId: { attribute: 'room' },
    label: {},
  };

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    LkElement.styles,
    buttonStyles,
    css`
      button:not(:disabled) {
        background: var(--lk-leave-button-bg, #c81e1e);
        color: var(--lk-leave-button-fg, #fff);
        border-color: transparent;
      }
      button:hover:not(:disabled) {
        background: var(--lk-leave-button-hover-bg, #a51818);
      }
    `,
  ];

  /** The id of an `<lk-room>` to leave instead of the enclosing one. */
  roomId?: string;

  /** Replaces the default text. */
  label?: string;

  #events = new RoomEventsController(this, { [RoomEvent.ConnectionStateChanged]: () => this.requestUpdate() });
  #binding = new RoomBindingController(this, (room) => (this.#events.room = room));

  /** The room this button leaves. */
  get room(): Room | undefined {
    return this.#binding.room;
  }

  protected override render() {
    const connected = this.room?.state === ConnectionState.Connected || this.room?.state === ConnectionState.Reconnecting;
    return html`<button part="button" type="button" ?disabled=${!connected} @click=${this.#leave}>
      <slot name="icon">${leaveIcon()}</slot>
      <slot><span part="label">${this.label ?? 'Leave'}</span></slot>
    </button>`;
  }

  #leave = async (): Promise<void> => {
    await this.room?.disconnect();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-leave-button': LkLeaveButton;
  }
}
