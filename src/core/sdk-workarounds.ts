/**
 * Where livekit-client 2.23 needs help, in one place (see docs/known-issues.md):
 * - Every `Room` registers in `Room.cleanupRegistry`, a `FinalizationRegistry` whose held cleanup
 *   closure keeps the `Room` reachable, so no `Room` is ever collected. Rooms the kit builds
 *   register in a `WeakMap` instead (which does not keep them alive), and the kit runs their
 *   cleanup itself when it lets a `Room` go. Rooms the page builds keep the SDK's registry.
 * - A `connect()` that fails or is cancelled before the server's join response leaves the
 *   publisher peer connection it made open (the engine's `close()` returns early while it counts as
 *   closed), and work of the cancelled attempt may still run later against the same `Room`. The kit
 *   records every engine a `Room` uses, closes their peer connections after a failed attempt (and
 *   once more a few seconds later), and never connects that `Room` again.
 * - A camera or microphone whose publishing is under way when the room disconnects stays live until
 *   livekit-client's publish timeout (15 s): the kit stops the tracks still waiting to be published.
 * - With adaptive stream, a remote video that no element ever shows keeps flowing: the SDK pauses
 *   it when the server reports the stream active, and a report that comes before the track is on
 *   its publication is dropped. The kit re-applies the track's stream state a moment after
 *   subscribing, which makes the SDK look at its elements: none, so it asks the server to pause it.
 */
import { ConnectionState, RemoteVideoTrack, Room, Track, type RemoteTrack, type RoomOptions } from 'livekit-client';

/** How long after subscribing a remote video may go unshown before it is paused, in ms. */
export const UNSHOWN_VIDEO_DELAY_MS = 1000;

/** Pauses an adaptive-stream remote video that no element shows (see above); a later `attach()` resumes it. */
export function pauseUnshownVideo(track: RemoteTrack): void {
  if (!(track instanceof RemoteVideoTrack) || !track.isAdaptiveStream || track.attachedElements.length > 0) return;
  if (track.streamState === Track.StreamState.Active) track.setStreamState(Track.StreamState.Active);
}

type Registry = { register(target: object, held: unknown, token?: object): void; unregister?(token: object): boolean };
type RoomStatics = { cleanupRegistry?: Registry | false };

const cleanups = new WeakMap<object, () => void>();
let building = false;
let installed = false;

/** Routes the registrations of rooms built by `buildRoom()` to `cleanups`, the others to the SDK's registry. */
function install(): void {
  if (installed) return;
  installed = true;
  const statics = Room as unknown as RoomStatics;
  const original = statics.cleanupRegistry;
  if (!original) return;
  statics.cleanupRegistry = {
    register(target, held, token) {
      if (building && typeof held === 'function') cleanups.set(target, held as () => void);
      else original.register(target, held, token);
    },
    unregister: (token) => original.unregister?.(token) ?? false,
  };
}

interface EngineInternals {
  pcManager?: unknown;
  cleanupPeerConnections?: () => Promise<void>;
  cleanupLossyDataStats?: () => void;
}

/** Every engine each kit-built `Room` has used (livekit-client replaces `room.engine` on reconnection). */
const engines = new WeakMap<Room, Set<EngineInternals>>();

/** How long after a failed attempt its late work may still make a peer connection (the SDK's validate fetch takes up to 3 s). */
const LATE_CLEANUP_MS = 4000;

/** A new `Room` that the kit can let go of with `releaseRoom()`. */
export function buildRoom(options: RoomOptions): Room {
  install();
  building = true;
  let room: Room;
  try {
    room = new Room(options);
  } finally {
    building = false;
  }
  const seen = new Set<EngineInternals>();
  const holder = room as unknown as { engine?: EngineInternals };
  let current = holder.engine;
  if (current) seen.add(current);
  Object.defineProperty(room, 'engine', {
    configurable: true,
    enumerable: true,
    get: () => current,
    set: (engine: EngineInternals | undefined) => {
      current = engine;
      if (engine) seen.add(engine);
    },
  });
  engines.set(room, seen);
  return room;
}

/**
 * Lets `room` go for good: runs the cleanup livekit-client registered for it (its `devicechange`
 * listener), and a few seconds later makes sure that no late work of a cut-short attempt connected
 * it again behind the kit's back (which would leave `window` listeners and timers holding it).
 */
export function releaseRoom(room: Room): void {
  cleanups.get(room)?.();
  cleanups.delete(room);
  for (const delay of RELEASE_CHECKS_MS) setTimeout(() => settleReleased(room), delay);
}

/** When the kit checks that a released `Room` stayed disconnected. */
export const RELEASE_CHECKS_MS = [1000, LATE_CLEANUP_MS, 2 * LATE_CLEANUP_MS];

function settleReleased(room: Room): void {
  if (room.state !== ConnectionState.Disconnected) {
    void room.disconnect().finally(() => closeLeftoverTransports(room, false));
    return;
  }
  closeLeftoverTransports(room, false);
}

/**
 * Closes the peer connections that engines of `room` still hold while not in use, and, once it is
 * disconnected, stops the local tracks still waiting to be published; again a little later.
 */
export function closeLeftoverTransports(room: Room, again = true): void {
  const current = (room as unknown as { engine?: EngineInternals }).engine;
  for (const engine of engines.get(room) ?? []) {
    if (engine === current && room.state !== ConnectionState.Disconnected) continue;
    // join() starts the lossy channel's 1 s threshold-tuning interval before the join response;
    // close() only stops it once joined, and the interval keeps the engine (and its Room) alive.
    engine.cleanupLossyDataStats?.();
    if (engine.pcManager && engine.cleanupPeerConnections) void engine.cleanupPeerConnections().catch(() => {});
  }
  if (room.state === ConnectionState.Disconnected) {
    const pending = (room.localParticipant as unknown as { pendingPublishPromises?: Map<{ stop(): void }, unknown> }).pendingPublishPromises;
    for (const track of pending?.keys() ?? []) track.stop();
  }
  if (again) setTimeout(() => closeLeftoverTransports(room, false), LATE_CLEANUP_MS);
}
