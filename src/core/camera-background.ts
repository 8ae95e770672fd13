/**
 * The background effect of one room session's camera: the room's (`background` on `<lk-room>`),
 * over it the one chosen before joining (`<lk-prejoin background>`), over that a camera toggle's
 * own. Applied to the published camera track whenever one is published and whenever the effect
 * changes. What cannot run is reported once per reason as `effect-unsupported`, and the camera
 * publishes plain video.
 */
import { RoomEvent, Track, type LocalTrackPublication, type LocalVideoTrack, type Participant, type Room, type TrackPublication } from 'livekit-client';
import { NO_BACKGROUND_EFFECT, type BackgroundEffect, type EffectAssets } from './background.js';
import { EffectUnsupported, applyBackground } from './background-processor.js';
import type { LkErrorDetail } from './errors.js';

export interface EffectOwner {
  reportError(detail: LkErrorDetail): void;
}

/** `effect-unsupported` for a failure of `applyBackground`. */
export function effectError(err: unknown): LkErrorDetail {
  const why = err instanceof Error ? err.message : String(err);
  return { code: 'effect-unsupported', message: `The camera background effect cannot run: ${why}; the camera publishes plain video.`, cause: err };
}

export class CameraBackground {
  #room?: Room;
  #effect: BackgroundEffect = NO_BACKGROUND_EFFECT;
  #assets?: EffectAssets;
  #choice?: BackgroundEffect;
  #control?: BackgroundEffect;
  #reported = new Set<string>();
  #abort?: AbortController;

  constructor(private readonly owner: EffectOwner) {}

  /** The effect in force: a control's, else the pre-join choice, else the room's. */
  get effect(): BackgroundEffect {
    return this.#control ?? this.#choice ?? this.#effect;
  }

  /** Follows `room`'s camera (or none). */
  attach(room: Room | undefined): void {
    if (room === this.#room) return;
    this.#abort?.abort();
    this.#room = room;
    if (!room) return;
    const abort = new AbortController();
    this.#abort = abort;
    const onPublished = (publication: LocalTrackPublication) => {
      if (publication.source === Track.Source.Camera) this.#apply();
    };
    // A camera turned off is muted and its source stopped: the effect waits for it to be back on.
    const onUnmuted = (publication: TrackPublication, participant: Participant) => {
      if (participant === room.localParticipant && publication.source === Track.Source.Camera) this.#apply();
    };
    room.on(RoomEvent.LocalTrackPublished, onPublished);
    room.on(RoomEvent.TrackUnmuted, onUnmuted);
    abort.signal.addEventListener('abort', () => {
      room.off(RoomEvent.LocalTrackPublished, onPublished);
      room.off(RoomEvent.TrackUnmuted, onUnmuted);
    });
    this.#apply();
  }

  /** The room's effect and assets (from its attributes). */
  configure(effect: BackgroundEffect, assets: EffectAssets): void {
    const same = JSON.stringify([effect, assets]) === JSON.stringify([this.#effect, this.#assets]);
    this.#effect = effect;
    this.#assets = assets;
    if (!same) this.#apply();
  }

  /** The effect chosen before joining; `undefined`: the room's. */
  set choice(effect: BackgroundEffect | undefined) {
    this.#choice = effect;
    this.#apply();
  }

  /** A camera control's own effect; `undefined`: the choice's or the room's. */
  set control(effect: BackgroundEffect | undefined) {
    this.#control = effect;
    this.#apply();
  }

  /** Applies the effect in force to the published camera track, if any and on. Resolves once done. */
  apply(): Promise<void> {
    const track = this.#room?.localParticipant.getTrackPublication(Track.Source.Camera)?.track as LocalVideoTrack | undefined;
    if (!track || track.isMuted || !this.#assets) return Promise.resolve();
    return applyBackground(track, this.effect, this.#assets).catch((err: unknown) => this.report(err));
  }

  #apply(): void {
    void this.apply();
  }

  /** Reports a failure once per reason. */
  report(err: unknown): void {
    const detail = effectError(err);
    const reason = err instanceof EffectUnsupported ? err.message : detail.message;
    if (this.#reported.has(reason)) return;
    this.#reported.add(reason);
    this.owner.reportError(detail);
  }

  dispose(): void {
    this.attach(undefined);
  }
}
