// Build (1) of `npm run bench:size`: a conference page with livekit-elements. The markup is in
// elements.html; this is the page's whole script. bench/size.mjs first builds the package's npm
// modules (vite.config.ts) and resolves `livekit-elements/lk-*.js` to that dist/lk-*.js.
import 'livekit-elements/lk-conference.js';
