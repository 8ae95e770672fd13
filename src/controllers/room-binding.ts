import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Room } from 'livekit-client';
import { ContextConsumer, roomContext } from '../context.js';

/** Fired on `document` by `<lk-room>` whenever its `Room` is created or replaced, or it enters the DOM. */
export const ROOM_ANNOUNCE_EVENT = 'lk-room-announce';

export type RoomBindingHost = ReactiveControllerHost & HTMLElement & { roomId?: string | null };

/** Anything that holds a room: an `<lk-room>`. */
interface RoomHolder extends Element {
  room?: Room;
}

/** The element `id` names, in the host's own root (document or shadow root) first, then the document. */
export function findRoomElement(host: Element, id: string): RoomHolder | null {
  const root = host.getRootNode() as Partial<DocumentOrShadowRoot> & { getElementById?: (id: string) => Element | null };
  return root.getElementById?.(id) ?? document.getElementById(id);
}

/**
 * Binds an element to a `Room`: the one named by its `room="id"` attribute when set (looked up in
 * the element's root node, then the document), otherwise the one provided by the nearest `<lk-room>`
 * through context. Follows changes of either; calls `onChange` and requests an update on each.
 */
export class RoomBindingController implements ReactiveController {
  #fromContext?: Room;
  #room?: Room;
  #boundId?: string | null;
  #abort?: AbortController;

  constructor(
    private readonly host: RoomBindingHost,
    private readonly onChange?: (room: Room | undefined) => void,
  ) {
    host.addController(this);
    new ContextConsumer(host, roomContext, (room) => {
      this.#fromContext = room;
      this.#resolve();
    });
  }

  /** The bound room, if any. */
  get room(): Room | undefined {
    return this.#room;
  }

  hostConnected(): void {
    this.#bindId();
  }

  hostUpdate(): void {
    // `room="id"` changed: re-bind.
    if ((this.host.roomId ?? null) !== this.#boundId) this.#bindId();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#boundId = undefined;
  }

  #bindId(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#boundId = this.host.roomId ?? null;
    if (this.#boundId) {
      this.#abort = new AbortController();
      // A named <lk-room> may appear, upgrade or swap its Room later: it announces each of these.
      document.addEventListener(ROOM_ANNOUNCE_EVENT, () => this.#resolve(), { signal: this.#abort.signal });
    }
    this.#resolve();
  }

  #resolve(): void {
    const id = this.#boundId;
    const room = id ? findRoomElement(this.host, id)?.room : this.#fromContext;
    if (room === this.#room) return;
    this.#room = room;
    this.onChange?.(room);
    this.host.requestUpdate();
  }
}
