import type { PropertyDeclarations } from 'lit';
import type { Room, Track } from 'livekit-client';
import { RoomBindingController } from '../controllers/room-binding.js';
import type { RoomSession } from '../core/room-session.js';
import { blockedReason, frameBlocks, sourceFeature, type FrameScope } from '../core/embedding.js';
import { missingWebRTC } from '../core/support.js';
import { LkElement } from './base.js';

/**
 * The base of every element that works on a room: which room (the enclosing `<lk-room>` or
 * `<lk-conference>`, or the one `room="id"` names), its `Room` as `livekitRoom`, and its session.
 */
export class LkRoomBoundElement extends LkElement {
  static override properties: PropertyDeclarations = {
    room: { noAccessor: true },
  };

  #roomId?: string;

  /** @internal */
  protected readonly binding = new RoomBindingController(this, (room) => this.roomChanged(room));

  /** The id of an `<lk-room>` (or `<lk-conference>`) to use instead of the enclosing one. */
  get room(): string | undefined {
    return this.#roomId;
  }

  set room(id: string | undefined) {
    const old = this.#roomId;
    this.#roomId = id ?? undefined;
    // Bind now, so that this very update renders the new room.
    if (old !== this.#roomId) this.binding.rebind();
    this.requestUpdate('room', old);
  }

  /** The livekit-client `Room` this element uses, once its room has one. Read-only. @readonly */
  get livekitRoom(): Room | undefined {
    return this.binding.room;
  }

  /** The session of the bound room. @internal */
  protected get session(): RoomSession | undefined {
    return this.binding.session;
  }

  /**
   * Why this browser cannot join a call (it has no WebRTC), shown on the controls it disables in
   * the page's language; `undefined` where it can. @internal
   */
  protected get unsupported(): string | undefined {
    return missingWebRTC(globalThis) === undefined ? undefined : this.i18n.t('noWebRTC');
  }

  /**
   * Why the frame's Permissions Policy (the embedding page's `<iframe allow>`) keeps `source` from
   * being captured here, shown on the controls it disables; `undefined` where it does not. @internal
   */
  protected blockedReason(source: Track.Source): string | undefined {
    const feature = sourceFeature(source);
    if (!feature || !frameBlocks(globalThis as FrameScope)?.includes(feature)) return undefined;
    const { key, allow } = blockedReason(feature);
    return this.i18n.t(key, { allow });
  }

  /** Called when the bound `Room` changes (a new room, a new `Room`, or none). @internal */
  protected roomChanged(room: Room | undefined): void {
    void room;
  }
}
