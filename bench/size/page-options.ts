// What the pages of bench/size/ take from their address, for `npm run bench:runtime`.
//
// bench/runtime.mjs builds the pages with `__LK_BENCH_RUNTIME__` defined as `true`: each then joins
// the room named by `?room=` and, with `?publish=0`, publishes nothing (no camera, no microphone).
// `npm run bench:size` builds them with `false`: the minifier folds this module to the constants
// below (`'standup'`, publishing) and drops the rest, so the sizes it measures do not include it.
declare const __LK_BENCH_RUNTIME__: boolean;

const query = __LK_BENCH_RUNTIME__ ? new URLSearchParams(location.search) : undefined;

/** The room to join. */
export const roomName = (__LK_BENCH_RUNTIME__ && query?.get('room')) || 'standup';
/** Whether the page publishes its camera and microphone. */
export const publish = !__LK_BENCH_RUNTIME__ || query?.get('publish') !== '0';

// <lk-conference> reads its markup: set it before the element is defined (elements.ts imports
// this module first; a module script runs after the document is parsed).
if (__LK_BENCH_RUNTIME__) {
  const conference = document.querySelector('lk-conference');
  conference?.setAttribute('room-name', roomName);
  if (!publish) {
    conference?.removeAttribute('video');
    conference?.removeAttribute('audio');
  }
}
