import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Room, RoomEvent } from 'livekit-client';

type RoomHandlers = Partial<Record<RoomEvent, (...args: never[]) => void>>;

/**
 * Listens to a `Room`'s events while the host is connected and a room is set. Every listener it
 * adds, it removes: when the room changes and when the host leaves the DOM.
 */
export class RoomEventsController implements ReactiveController {
  #room?: Room;
  #hostConnected = false;
  #subscribed = false;

  constructor(host: ReactiveControllerHost, private readonly handlers: RoomHandlers) {
    host.addController(this);
  }

  get room(): Room | undefined {
    return this.#room;
  }

  set room(room: Room | undefined) {
    if (room === this.#room) return;
    this.#unsubscribe();
    this.#room = room;
    this.#subscribe();
  }

  hostConnected(): void {
    this.#hostConnected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#hostConnected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    if (!this.#room || !this.#hostConnected || this.#subscribed) return;
    for (const [event, handler] of Object.entries(this.handlers)) this.#room.on(event as RoomEvent, handler);
    this.#subscribed = true;
  }

  #unsubscribe(): void {
    if (!this.#room || !this.#subscribed) return;
    for (const [event, handler] of Object.entries(this.handlers)) this.#room.off(event as RoomEvent, handler);
    this.#subscribed = false;
  }
}
