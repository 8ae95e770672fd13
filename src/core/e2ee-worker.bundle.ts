/**
 * livekit-client's E2EE worker for the one-file bundle: `livekit-client.e2ee.worker.mjs`, which the
 * bundle build copies beside `livekit-elements.js`, loaded from beside the bundle wherever it is served.
 */

/** A worker from `url`, else the worker file beside the bundle. */
export function createE2EEWorker(url?: string): Worker {
  return new Worker(url ?? new URL(/* @vite-ignore */ './livekit-client.e2ee.worker.mjs', import.meta.url), { type: 'module' });
}
