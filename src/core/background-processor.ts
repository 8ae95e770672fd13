/**
 * Runs a background effect on a local camera track with LiveKit's `@livekit/track-processors`
 * (MediaPipe's selfie segmenter, WebGL2 compositing), loaded on first use: a page that never asks
 * for an effect does not load it. A browser or an asset that cannot run it leaves the track plain
 * and says why (`EffectUnsupported`).
 */
import type { LocalVideoTrack } from 'livekit-client';
import { backgroundKey, type BackgroundEffect, type EffectAssets } from './background.js';
import { importProcessors, type Processors } from './effect-assets.js';

/** The effect could not run; the track publishes plain video. `message` says why. */
export class EffectUnsupported extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EffectUnsupported';
  }
}

/** Why `supportsBackgroundProcessors()` is false, in words. */
export const NO_FRAME_PROCESSING =
  'this browser cannot process camera frames (background effects need WebGL2, OffscreenCanvas, VideoFrame, and MediaStreamTrackProcessor or canvas capture)';

let loading: Promise<Processors> | undefined;

/** `@livekit/track-processors`, imported once. */
export function loadProcessors(): Promise<Processors> {
  return (loading ??= importProcessors());
}

/** What each track runs: the effect and assets key, and the queue its changes go through. */
const state = new WeakMap<LocalVideoTrack, { key: string; assets: string; queue: Promise<void> }>();

function assetsKey(assets: EffectAssets): string {
  return `${assets.tasksVisionFileSet}|${assets.modelAssetPath}`;
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Puts `effect` on `track` (`none` takes any effect off). Changes to one track run one after another.
 * Rejects with `EffectUnsupported` when the browser cannot run it or it fails to start; the track is
 * then plain.
 */
export function applyBackground(track: LocalVideoTrack, effect: BackgroundEffect, assets: EffectAssets): Promise<void> {
  const entry = state.get(track) ?? { key: 'none', assets: '', queue: Promise.resolve() };
  state.set(track, entry);
  const run = entry.queue.then(() => apply(track, effect, assets, entry));
  entry.queue = run.catch(() => undefined);
  return run;
}

async function apply(track: LocalVideoTrack, effect: BackgroundEffect, assets: EffectAssets, entry: { key: string; assets: string }): Promise<void> {
  const key = backgroundKey(effect);
  const where = assetsKey(assets);
  if (entry.key === key && (key === 'none' || entry.assets === where)) return;
  if (effect.kind === 'none') {
    entry.key = 'none';
    if (track.getProcessor()) await track.stopProcessor();
    return;
  }
  const lib = await loadProcessors();
  const current = track.getProcessor();
  if (!lib.supportsBackgroundProcessors()) {
    entry.key = 'none';
    if (current) await track.stopProcessor();
    throw new EffectUnsupported(NO_FRAME_PROCESSING);
  }
  const mode =
    effect.kind === 'blur' ? ({ mode: 'background-blur', blurRadius: effect.radius } as const) : ({ mode: 'virtual-background', imagePath: effect.url } as const);
  if (current instanceof lib.BackgroundProcessorWrapper && entry.key !== 'none' && entry.assets === where) {
    await current.switchTo(mode);
    entry.key = key;
    return;
  }
  const processor = lib.BackgroundProcessor({ ...mode, assetPaths: assets });
  try {
    await track.setProcessor(processor);
    entry.key = key;
    entry.assets = where;
  } catch (err) {
    await processor.destroy().catch(() => undefined);
    entry.key = 'none';
    if (track.getProcessor()) await track.stopProcessor().catch(() => undefined);
    throw new EffectUnsupported(`the background effect could not start (${messageOf(err)})`, { cause: err });
  }
}
