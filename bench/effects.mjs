// `node bench/effects.mjs`: what a camera background blur costs the browser. A benchmark, not a
// test: it fails when a run cannot be made, never on the numbers.
//
// One headless Chromium (the fake camera, SwiftShader WebGL with --enable-unsafe-swiftshader), one
// page served from 127.0.0.1 that imports livekit-client and @livekit/track-processors from
// node_modules. For each run and each mode (none, blur), one after another in the same page: a
// LocalVideoTrack of the fake camera at 1280×720, with `setProcessor(BackgroundProcessor({mode:
// 'background-blur'}))` for blur (the call the kit makes), sent over a loopback RTCPeerConnection
// pair (VP8); after a warm-up, over a fixed window:
//   - main-thread long tasks (PerformanceObserver 'longtask'): their count and summed duration, ms/s;
//   - encode time per frame: outbound-rtp totalEncodeTime / framesEncoded over the window, and fps.
// Prints a table and blur / none ratios, and a RESULT JSON line.
//
// The model: no npm package carries MediaPipe's selfie_segmenter.tflite (docs/effects.md), so the
// bench needs EFFECTS_MODEL=/path/to/selfie_segmenter.tflite; without it, it says so and stops.
// Options: EFFECTS_RUNS (default 3), EFFECTS_WARMUP_S (3), EFFECTS_WINDOW_S (10).
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, MEDIA_FLAGS, QUIET_FLAGS } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODEL = process.env.EFFECTS_MODEL;
const RUNS = Number(process.env.EFFECTS_RUNS) || 3;
const WARMUP_S = Number(process.env.EFFECTS_WARMUP_S) || 3;
const WINDOW_S = Number(process.env.EFFECTS_WINDOW_S) || 10;

if (!MODEL || !existsSync(MODEL)) {
  console.error('bench/effects.mjs needs EFFECTS_MODEL=/path/to/selfie_segmenter.tflite (MediaPipe\'s selfie segmenter; no npm package carries it: docs/effects.md).');
  process.exit(2);
}

const PAGE = `<!doctype html><html><body>
<script type="importmap">{"imports": {
  "livekit-client": "/node_modules/livekit-client/dist/livekit-client.esm.mjs",
  "@livekit/track-processors": "/node_modules/@livekit/track-processors/dist/index.mjs",
  "@mediapipe/tasks-vision": "/node_modules/@mediapipe/tasks-vision/vision_bundle.mjs"
}}</script>
<script type="module">
import { createLocalVideoTrack } from 'livekit-client';
import { BackgroundProcessor, supportsBackgroundProcessors } from '@livekit/track-processors';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const longTasks = [];
new PerformanceObserver((list) => longTasks.push(...list.getEntries())).observe({ type: 'longtask', buffered: true });
async function outbound(pc) {
  let s;
  (await pc.getStats()).forEach((r) => { if (r.type === 'outbound-rtp' && r.kind === 'video') s = r; });
  return { time: s?.totalEncodeTime ?? 0, frames: s?.framesEncoded ?? 0 };
}
window.measure = async (mode, warmupS, windowS) => {
  const track = await createLocalVideoTrack({ resolution: { width: 1280, height: 720, frameRate: 30 } });
  if (mode === 'blur') {
    if (!supportsBackgroundProcessors()) throw new Error('supportsBackgroundProcessors() is false');
    await track.setProcessor(BackgroundProcessor({ mode: 'background-blur', blurRadius: 10, assetPaths: { tasksVisionFileSet: '/node_modules/@mediapipe/tasks-vision/wasm', modelAssetPath: '/model.tflite' } }));
  }
  const a = new RTCPeerConnection(), b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && a.addIceCandidate(e.candidate);
  const sender = a.addTransceiver(track.mediaStreamTrack, { direction: 'sendonly' });
  sender.setCodecPreferences(RTCRtpSender.getCapabilities('video').codecs.filter((c) => /VP8|rtx/.test(c.mimeType)));
  await a.setLocalDescription(); await b.setRemoteDescription(a.localDescription);
  await b.setLocalDescription(); await a.setRemoteDescription(b.localDescription);
  await sleep(warmupS * 1000);
  const start = await outbound(a), t0 = performance.now(), from = longTasks.length;
  await sleep(windowS * 1000);
  const end = await outbound(a), seconds = (performance.now() - t0) / 1000;
  const tasks = longTasks.slice(from);
  const result = {
    mode,
    longTasks: tasks.length,
    longTaskMsPerS: tasks.reduce((sum, t) => sum + t.duration, 0) / seconds,
    encodeMsPerFrame: ((end.time - start.time) * 1000) / Math.max(1, end.frames - start.frames),
    fps: (end.frames - start.frames) / seconds,
  };
  a.close(); b.close();
  await track.stopProcessor?.();
  track.stop();
  return result;
};
window.ready = true;
</script></body></html>`;

const types = { '.mjs': 'text/javascript', '.js': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x').pathname;
  if (url === '/') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
  const file = url === '/model.tflite' ? MODEL : path.join(root, path.normalize(url).replace(/^(\.\.[/\\])+/, ''));
  if (!file.startsWith(root) && file !== MODEL) return res.writeHead(403).end();
  if (!existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const { default: puppeteer } = await import('puppeteer-core');
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  args: [...QUIET_FLAGS, ...MEDIA_FLAGS, '--enable-unsafe-swiftshader'],
});
const results = [];
try {
  const page = await browser.newPage();
  page.setDefaultTimeout((WARMUP_S + WINDOW_S + 60) * 1000);
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => globalThis.ready === true, { timeout: 30_000 });
  for (let run = 0; run < RUNS; run++) {
    for (const mode of ['none', 'blur']) {
      const result = await page.evaluate((m, w, s) => globalThis.measure(m, w, s), mode, WARMUP_S, WINDOW_S);
      results.push(result);
      console.log(JSON.stringify(result));
    }
  }
} finally {
  await browser.close();
  server.close();
}

const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
const of = (mode, key) => median(results.filter((r) => r.mode === mode).map((r) => r[key]));
const rows = ['longTaskMsPerS', 'longTasks', 'encodeMsPerFrame', 'fps'].map((key) => ({ key, none: of('none', key), blur: of('blur', key) }));
console.log('\n| median of ' + RUNS + ' runs | none | blur | blur / none |\n|---|---:|---:|---:|');
for (const { key, none, blur } of rows) console.log(`| ${key} | ${none.toFixed(2)} | ${blur.toFixed(2)} | ${none ? (blur / none).toFixed(2) : '–'} |`);
console.log(`RESULT ${JSON.stringify({ runs: RUNS, windowS: WINDOW_S, results, medians: Object.fromEntries(rows.map((r) => [r.key, { none: r.none, blur: r.blur }])) })}`);
