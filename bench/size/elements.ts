// Build (1) of `npm run bench:size`: a conference page with livekit-elements. The markup is in
// elements.html; this is the page's whole script. bench/size.mjs resolves
// `livekit-elements/lk-*.js` to src/lk-*.ts, the source of the published dist/lk-*.js.
import 'livekit-elements/lk-conference.js';
