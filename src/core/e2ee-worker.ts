/**
 * livekit-client's E2EE worker. The built ES modules name it by its package export,
 * `new URL('livekit-client/e2ee-worker', import.meta.url)`, so that the page's bundler (webpack,
 * Vite) finds it and ships it; vite.config.ts writes that literal into the output (left as a
 * constant here, Vite would bundle the worker into the kit's own build). The one-file bundle
 * replaces this module with e2ee-worker.bundle.ts, which loads the copy beside the bundle.
 */

/** The worker's package export. */
export const E2EE_WORKER = 'livekit-client/e2ee-worker';

/** A worker from `url`, else livekit-client's `livekit-client/e2ee-worker`. */
export function createE2EEWorker(url?: string): Worker {
  if (url) return new Worker(url, { type: 'module' });
  return new Worker(new URL(E2EE_WORKER, import.meta.url), { type: 'module' });
}
