/**
 * Where the background effects come from, for the ES modules: `@livekit/track-processors` by its
 * package name (the page's bundler makes it a chunk of its own, loaded on first use), and the
 * assets (MediaPipe's wasm files and the selfie segmenter model) from `dist/effects/`, beside the
 * kit's modules. The one-file bundle replaces this module with effect-assets.bundle.ts.
 */

export type Processors = typeof import('@livekit/track-processors');

/** `@livekit/track-processors`. */
export function importProcessors(): Promise<Processors> {
  return import('@livekit/track-processors');
}

/** The default assets folder, as a URL. */
export function defaultEffectAssets(): string {
  return new URL(/* @vite-ignore */ '../effects/', import.meta.url).href;
}
