import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Room, RoomEvent } from 'livekit-client';

type Callback = () => void;

/** One listener on a Room for one event, and the callbacks it hands the event to. */
interface Relay {
  listener: Callback;
  callbacks: Set<Callback>;
}

/** Per Room, per event: the relay shared by every subscriber. */
const relays = new WeakMap<Room, Map<RoomEvent, Relay>>();

/**
 * Calls `callback` after each of `events` on `room`, through one listener per Room and event
 * however many subscribe: the Room's listener count stays the same with one subscriber or a
 * thousand. Returns the unsubscribe function; the last subscriber to leave removes the listener.
 */
export function subscribeShared(room: Room, events: readonly RoomEvent[], callback: Callback): () => void {
  let byEvent = relays.get(room);
  if (!byEvent) relays.set(room, (byEvent = new Map<RoomEvent, Relay>()));
  const map = byEvent;
  for (const event of events) {
    let relay = map.get(event);
    if (!relay) {
      const callbacks = new Set<Callback>();
      // A copy: a callback may subscribe or unsubscribe others while the event is handed out.
      relay = { callbacks, listener: () => [...callbacks].forEach((cb) => cb()) };
      map.set(event, relay);
      room.on(event, relay.listener);
    }
    relay.callbacks.add(callback);
  }
  return () => {
    for (const event of events) {
      const relay = map.get(event);
      if (!relay?.callbacks.delete(callback) || relay.callbacks.size > 0) continue;
      room.off(event, relay.listener);
      map.delete(event);
    }
    if (map.size === 0) relays.delete(room);
  };
}

/**
 * Follows some of a `Room`'s events while the host is connected and `room` is set, through the
 * Room's shared listeners (`subscribeShared`): for what many elements of a page each want to know,
 * such as who joined. Unsubscribes when the room changes and when the host leaves the DOM.
 */
export class SharedRoomEventsController implements ReactiveController {
  #room?: Room;
  #connected = false;
  #unsubscribe?: () => void;

  constructor(
    host: ReactiveControllerHost,
    private readonly events: readonly RoomEvent[],
    private readonly callback: Callback,
  ) {
    host.addController(this);
  }

  get room(): Room | undefined {
    return this.#room;
  }

  /** The Room to follow, or `undefined` for none. */
  set room(room: Room | undefined) {
    if (room === this.#room) return;
    this.#stop();
    this.#room = room;
    this.#start();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#start();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  #start(): void {
    if (this.#room && this.#connected && !this.#unsubscribe) this.#unsubscribe = subscribeShared(this.#room, this.events, this.callback);
  }

  #stop(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }
}
