/**
 * Where the background effects come from, for the one-file bundle: `livekit-elements.effects.js`
 * (`@livekit/track-processors` and MediaPipe's tasks-vision, built beside the bundle by
 * vite.config.ts) and the assets in `effects/` beside the bundle.
 */
import type { Processors } from './effect-assets.js';

/** `@livekit/track-processors`, from the file beside the bundle. */
export function importProcessors(): Promise<Processors> {
  const url = new URL(/* @vite-ignore */ './livekit-elements.effects.js', import.meta.url).href;
  return import(/* @vite-ignore */ url) as Promise<Processors>;
}

/** The default assets folder, as a URL. */
export function defaultEffectAssets(): string {
  return new URL(/* @vite-ignore */ './effects/', import.meta.url).href;
}
