import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Room } from 'livekit-client';
import { ContextConsumer, sessionContext } from '../context.js';
import type { LkConnectionState } from '../core/connection-state.js';
import type { RoomSession } from '../core/room-session.js';

/** An element that binds to a room: `room` is the id of an `<lk-room>` to use instead of the enclosing one. */
export type RoomBindingHost = ReactiveControllerHost & HTMLElement & { room?: string | null };

/**
 * Binds an element to a room session: the one of the `<lk-room>` its `room="id"` attribute names
 * (looked up in the element's root node, then the document), otherwise the one of the nearest
 * enclosing `<lk-room>` or `<lk-conference>`. Both through the same context request. Follows a new
 * name, a session's new `Room`, its state and its pinned tile; calls `onChange` when the `Room`
 * changes and requests an update of the host on every change.
 */
export class RoomBindingController implements ReactiveController {
  #session?: RoomSession;
  #room?: Room;
  #boundId?: string | null;
  #listening?: AbortController;
  readonly #consumer: ContextConsumer<RoomSession | undefined>;

  constructor(
    private readonly host: RoomBindingHost,
    private readonly onChange?: (room: Room | undefined) => void,
  ) {
    host.addController(this);
    this.#consumer = new ContextConsumer(host, sessionContext, (session) => this.#setSession(session), () => host.room);
  }

  /** The session of the bound room, if any. */
  get session(): RoomSession | undefined {
    return this.#session;
  }

  /** The bound room's `Room`, once it has one. */
  get room(): Room | undefined {
    return this.#room;
  }

  /** The bound room's connection state (`disconnected` while unbound). */
  get state(): LkConnectionState {
    return this.#session?.state ?? 'disconnected';
  }

  hostConnected(): void {
    this.#boundId = this.host.room ?? null;
    this.#listen();
    // The session may have a new `Room` since (a preview made again when its room came back).
    if (this.#session && this.#session.room !== this.#room) this.#resolve();
  }

  /** `room="id"` changed: ask again. */
  rebind(): void {
    if ((this.host.room ?? null) === this.#boundId || !this.host.isConnected) return;
    this.#boundId = this.host.room ?? null;
    this.#consumer.refresh();
  }

  hostDisconnected(): void {
    this.#listening?.abort();
    this.#listening = undefined;
  }

  #setSession(session: RoomSession | undefined): void {
    if (session === this.#session) return;
    this.#listening?.abort();
    this.#session = session;
    this.#listen();
    this.#resolve();
    this.host.requestUpdate();
  }

  #listen(): void {
    this.#listening?.abort();
    this.#listening = undefined;
    if (!this.#session || !this.host.isConnected) return;
    this.#listening = new AbortController();
    this.#session.addEventListener('change', () => this.#resolve(), { signal: this.#listening.signal });
    // The pinned tile is the room's: every element of it shows the same (a rare change).
    this.#session.pins.addEventListener('change', () => this.host.requestUpdate(), { signal: this.#listening.signal });
  }

  #resolve(): void {
    this.host.requestUpdate();
    const room = this.#session?.room;
    if (room === this.#room) return;
    this.#room = room;
    this.onChange?.(room);
  }
}
