// Build (1) of `npm run bench:size`: a conference page with livekit-elements. The markup is in
// elements.html; this is the page's whole script. bench/size.mjs first builds the package's npm
// modules (vite.config.ts) and resolves `livekit-elements/lk-*.js` to that dist/lk-*.js.
// (page-options.ts is empty in that build; `npm run bench:runtime` builds it with the room and
// publishing taken from the page's address.)
import './page-options.js';
import 'livekit-elements/lk-conference.js';
