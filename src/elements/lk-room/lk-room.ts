import { html } from 'lit';
import { LkElement } from '../base.js';
import { LkRoomHost } from '../room-host.js';
import { styles } from './lk-room.styles.js';

/**
 * Connects to a LiveKit room, keeps it connected while `connect` is set, and provides it to every
 * `lk-*` element inside it (or naming it with `room="id"`). Attributes choose capture settings, publish encodings, simulcast and dynacast;
 * room events come out as `lk-*` DOM events.
 *
 * @summary One LiveKit room: connection, options, and the context for the elements inside.
 * @tag lk-room
 *
 * @slot - The room's content: participants, controls, anything.
 *
 * @cssprop [--lk-room-display=contents] - How the host box takes part in layout.
 */
export class LkRoom extends LkRoomHost {
  static override styles = [LkElement.styles, styles];

  protected override render() {
    return html`<slot></slot>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-room': LkRoom;
  }
}
