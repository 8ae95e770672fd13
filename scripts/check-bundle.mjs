// `npm run check:bundle` (after `npm run build`): loads dist/livekit-elements.js in headless
// Chromium the way an embed does (`<script type="module">`, no bundler, no import map) and checks
// that every element in custom-elements.json is defined and that Lit's reactive properties
// survived the build: the `connect` attribute must set the `connect` property, and no class field may
// shadow a reactive property's accessor. An element in a `lang="de"` block must speak German, from
// the `livekit-elements.locale-de.js` the build wrote beside the bundle.
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpDom } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = readFileSync(path.join(root, 'dist', 'livekit-elements.js'));
const manifest = JSON.parse(readFileSync(path.join(root, 'custom-elements.json'), 'utf8'));
const tags = manifest.modules.flatMap((m) => m.declarations ?? []).flatMap((d) => (d.tagName ? [d.tagName] : []));

const page = `<!doctype html>
<html><body><pre id="out">did not run</pre>
<script type="module">
const out = document.getElementById('out');
try {
  await import('/livekit-elements.js');
  const report = { undefinedTags: ${JSON.stringify(tags)}.filter((tag) => !customElements.get(tag)) };
  const room = document.createElement('lk-room');
  room.setAttribute('connect', '');
  report.connect = room.connect;
  report.connectDefault = document.createElement("lk-room").connect;
  // With useDefineForClassFields the field would be an own property hiding Lit's accessor.
  report.shadowedFields = ['connect', 'audio', 'video', 'connectionState'].filter((name) =>
    Object.prototype.hasOwnProperty.call(room, name),
  );
  const state = document.createElement('lk-connection-state');
  document.body.append(state);
  await state.updateComplete;
  report.stateText = state.shadowRoot?.textContent.trim();
  const german = document.createElement('div');
  german.lang = 'de';
  german.append(document.createElement('lk-connection-state'));
  document.body.append(german);
  for (let i = 0; i < 100 && german.firstChild.shadowRoot?.textContent.trim() !== 'Getrennt'; i++) await new Promise((resolve) => setTimeout(resolve, 50));
  report.germanText = german.firstChild.shadowRoot?.textContent.trim();
  out.textContent = 'RESULT ' + JSON.stringify(report);
} catch (err) {
  out.textContent = 'ERROR ' + (err?.stack ?? err);
}
</script></body></html>`;

const server = createServer((req, res) => {
  const locale = /^\/(livekit-elements\.locale-[a-z]{2}\.js)$/.exec(req.url ?? '')?.[1];
  if (req.url === '/livekit-elements.js') {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(bundle);
  } else if (locale && existsSync(path.join(root, 'dist', locale))) {
    res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(path.join(root, 'dist', locale)));
  } else if (req.url === '/') {
    res.writeHead(200, { 'content-type': 'text/html' }).end(page);
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address();

const dom = await dumpDom(`http://127.0.0.1:${port}/`);
server.close();

const text = /<pre id="out">([^<]*)<\/pre>/.exec(dom)?.[1] ?? '';
const result = text.startsWith('RESULT ') ? JSON.parse(text.slice('RESULT '.length).replaceAll('&amp;', '&')) : undefined;
const failures = [];
if (!result) failures.push(`the page did not finish: ${text || 'no output from Chromium'}`);
else {
  if (tags.length === 0) failures.push('custom-elements.json names no tags (run `npm run analyze`)');
  if (result.undefinedTags.length) failures.push(`not defined: ${result.undefinedTags.join(', ')}`);
  if (result.connect !== true) failures.push(`connect attribute gave connect = ${result.connect}`);
  if (result.connectDefault !== false) failures.push(`connect defaults to ${result.connectDefault}`);
  if (result.shadowedFields.length) failures.push(`class fields shadow reactive properties: ${result.shadowedFields.join(', ')}`);
  if (!result.stateText) failures.push('<lk-connection-state> rendered nothing');
  if (result.germanText !== 'Getrennt') failures.push(`<lk-connection-state> in a lang="de" block said ${JSON.stringify(result.germanText)}, not "Getrennt" (dist/livekit-elements.locale-de.js beside the bundle)`);
}
if (failures.length) {
  console.error(`check:bundle: dist/livekit-elements.js failed:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`check:bundle: ${tags.join(', ')} defined; reactive properties intact (${JSON.stringify(result)}).`);
