// `npm run bench:render`: how a page holding `<lk-participants>` copes with 16 video publishers.
//
// Starts a LiveKit server on loopback (scripts/livekit-server.mjs), joins 16 simulated video
// publishers with the backend publisher (tools/publisher: VP8 simulcast, three layers, pre-encoded:
// they cost the machine almost nothing), opens a viewer page in headless Chromium (puppeteer-core, Debian's
// /usr/bin/chromium) and measures it twice, with and without `adaptive-stream`: main-thread busy
// time per second, JS heap, total received bitrate, and decoded frames per tile (is every tile
// still rendering?). Prints a table and a JSON line.
//
// Network: on Linux it runs inside a private network namespace, like `npm test`. The publisher's
// WebRTC stack (pion) never offers loopback ICE candidates, so the namespace also holds one bridge with no ports
// and the address 10.203.0.1/32: pion offers that, and the kernel delivers everything sent to it
// locally, through `lo` (`ip route get 10.203.0.1` → `local … dev lo`). Nothing can leave.
//
// Bounded: the publisher by its --duration, each wait by a deadline, the whole run by a watchdog.
// The publisher is built once and its media encoded once (scripts/publisher.mjs). Options (environment):
// BENCH_PUBLISHERS (16), BENCH_WARMUP_S (10), BENCH_WINDOW_S (20), BENCH_WIDTH × BENCH_HEIGHT
// (1280 × 800, the viewer's viewport); BENCH_DEBUG=1 shows the page's console and Chromium's log.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findServerBinary, startServer } from '../scripts/livekit-server.mjs';
import { handleTokenRequest } from '../scripts/token-endpoint.mjs';
import { canUnshare, rerunInNamespace } from '../scripts/netns.mjs';
import { ensurePublisher, startPublisher } from '../scripts/publisher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

const PUBLISHERS = Number(process.env.BENCH_PUBLISHERS || 16);
const WARMUP_S = Number(process.env.BENCH_WARMUP_S || 10);
const WINDOW_S = Number(process.env.BENCH_WINDOW_S || 20);
const VIEWPORT = { width: Number(process.env.BENCH_WIDTH || 1280), height: Number(process.env.BENCH_HEIGHT || 800) };
const WATCHDOG_MS = 8 * 60_000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Headless Debian Chromium. Peer connections over loopback; plain host candidates (no mDNS names, which nothing resolves here). */
async function launch() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    dumpio: !!process.env.BENCH_DEBUG,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run',
      '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required'],
  });
}

const bundle = path.join(root, 'dist', 'livekit-elements.js');

/** Builds dist/livekit-elements.js, the one-file bundle the viewer page loads, from the source as it is. */
function buildBundle() {
  console.error('Building dist/livekit-elements.js…');
  const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build', '--mode', 'bundle', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0 || !existsSync(bundle)) throw new Error('vite build --mode bundle failed.');
}

function viewerPage(room, adaptive) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>bench</title>
<style>html, body { margin: 0; height: 100%; } lk-participants { height: 100vh; }</style>
<script type="module" src="/livekit-elements.js"></script></head>
<body>
<lk-room token-endpoint="/api/token" room-name="${room}" participant-identity="viewer" adaptive-stream="${adaptive}" connect>
  <lk-participants filter="remote"></lk-participants>
</lk-room>
<script type="module">
  // What the bench reads: per tile the decoded frames and size; for the room the bytes received.
  globalThis.benchSample = async () => {
    const room = document.querySelector('lk-room').livekitRoom;
    const tiles = [...document.querySelectorAll('lk-participant-tile')].map((tile) => {
      const video = tile.shadowRoot?.querySelector('lk-track-view')?.mediaElement;
      return {
        identity: tile.participant?.identity,
        frames: video?.getVideoPlaybackQuality?.().totalVideoFrames ?? 0,
        videoWidth: video?.videoWidth ?? 0,
        tileWidth: video?.clientWidth ?? 0,
        tileHeight: video?.clientHeight ?? 0,
      };
    });
    let bytes = 0;
    const widths = [];
    for (const participant of room.remoteParticipants.values()) {
      for (const publication of participant.trackPublications.values()) {
        const receiver = publication.track?.receiver;
        if (!receiver) continue;
        (await receiver.getStats()).forEach((s) => {
          if (s.type !== 'inbound-rtp') return;
          bytes += s.bytesReceived ?? 0;
          if (s.kind === 'video' && s.frameWidth) widths.push(s.frameWidth);
        });
      }
    }
    return { time: performance.now(), tiles, bytes, widths, remote: room.remoteParticipants.size };
  };
</script>
</body></html>`;
}

function startPageServer(server, bundle) {
  const pages = new Map();
  const http = createServer((req, res) => {
    handleTokenRequest(server, req, res).then((handled) => {
      if (handled) return;
      const url = new URL(req.url, 'http://localhost');
      if (url.pathname === '/livekit-elements.js') {
        res.writeHead(200, { 'content-type': 'text/javascript' }).end(readFileSync(bundle));
      } else if (pages.has(url.pathname)) {
        res.writeHead(200, { 'content-type': 'text/html' }).end(pages.get(url.pathname));
      } else {
        res.writeHead(404).end();
      }
    });
  });
  return new Promise((resolve) => {
    http.listen(0, '127.0.0.1', () => resolve({ http, pages, origin: `http://127.0.0.1:${http.address().port}` }));
  });
}

async function waitFor(condition, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await sleep(500);
  }
}

const metric = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? 0;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length ? sorted[Math.floor(sorted.length / 2)] : 0;
};

/** One measured run of the viewer page. */
async function measure(browser, site, room, adaptive) {
  const pathname = `/viewer-${adaptive ? 'adaptive' : 'full'}.html`;
  site.pages.set(pathname, viewerPage(room, adaptive));
  const page = await browser.newPage();
  await page.setViewport(VIEWPORT);
  page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
  page.on('error', (err) => console.error(`page crashed: ${err.message}`));
  if (process.env.BENCH_DEBUG) page.on('console', (message) => console.error(`console.${message.type()}: ${message.text()}`));
  const cdp = await page.createCDPSession();
  await cdp.send('Performance.enable');
  await page.goto(`${site.origin}${pathname}`);
  let last;
  await waitFor(
    async () => {
      last = await page.evaluate(() => globalThis.benchSample?.());
      return last && last.tiles.length >= PUBLISHERS && last.tiles.every((t) => t.videoWidth > 0);
    },
    `${PUBLISHERS} tiles with decoded video`,
    90_000,
  ).catch((err) => {
    const decoded = last?.tiles.filter((t) => t.videoWidth > 0).length;
    throw new Error(`${err.message}: ${last?.remote ?? 0} remote participants, ${last?.tiles.length ?? 0} tiles, ${decoded ?? 0} decoding`);
  });
  await sleep(WARMUP_S * 1000);
  const before = { metrics: (await cdp.send('Performance.getMetrics')).metrics, sample: await page.evaluate(() => globalThis.benchSample()), wall: Date.now() };
  await sleep(WINDOW_S * 1000);
  const after = { metrics: (await cdp.send('Performance.getMetrics')).metrics, sample: await page.evaluate(() => globalThis.benchSample()), wall: Date.now() };
  await page.close();

  const seconds = (after.wall - before.wall) / 1000;
  const framesBefore = new Map(before.sample.tiles.map((t) => [t.identity, t.frames]));
  const fps = after.sample.tiles.map((t) => (t.frames - (framesBefore.get(t.identity) ?? t.frames)) / seconds);
  return {
    adaptiveStream: adaptive,
    tiles: after.sample.tiles.length,
    tilesRendering: fps.filter((f) => f > 1).length,
    fpsMin: +Math.min(...fps).toFixed(1),
    fpsMedian: +median(fps).toFixed(1),
    tileSize: `${after.sample.tiles[0]?.tileWidth}×${after.sample.tiles[0]?.tileHeight}`,
    receivedFrameWidthMedian: median(after.sample.widths),
    mainThreadBusyMsPerS: Math.round(((metric(after.metrics, 'TaskDuration') - metric(before.metrics, 'TaskDuration')) / seconds) * 1000),
    scriptMsPerS: Math.round(((metric(after.metrics, 'ScriptDuration') - metric(before.metrics, 'ScriptDuration')) / seconds) * 1000),
    jsHeapUsedMB: +(metric(after.metrics, 'JSHeapUsedSize') / 1e6).toFixed(1),
    receivedKbps: Math.round(((after.sample.bytes - before.sample.bytes) * 8) / seconds / 1000),
  };
}

async function run() {
  if (!existsSync(bundle)) buildBundle();
  const { bin, mediaDir } = await ensurePublisher();
  const server = await startServer();
  const cleanups = [() => server.stop()];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve(fn()).catch(() => {});
  };
  const watchdog = setTimeout(() => {
    console.error(`bench: gave up after ${WATCHDOG_MS / 60_000} minutes.`);
    void cleanup().then(() => process.exit(1));
  }, WATCHDOG_MS);
  try {
    const room = `bench-${randomBytes(4).toString('hex')}`;
    const site = await startPageServer(server, bundle);
    cleanups.push(() => new Promise((resolve) => site.http.close(resolve)));

    const duration = WARMUP_S * 2 + WINDOW_S * 2 + 150;
    const publisher = startPublisher({
      bin, mediaDir, url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret, room,
      count: PUBLISHERS, audio: false, speaking: 'none', identityPrefix: 'pub', joinRate: 4, duration: `${duration}s`,
    });
    cleanups.push(() => publisher.stop());
    await publisher.ready;

    const browser = await launch();
    cleanups.push(() => browser.close());

    const results = [];
    for (const adaptive of [true, false]) {
      results.push(await measure(browser, site, room, adaptive).catch((err) => Promise.reject(new Error(`${err.message}\n--- publisher ---\n${publisher.log()}`))));
    }
    const os = await import('node:os');
    const cores = os.cpus().length;
    const load = os.loadavg()[0].toFixed(1);
    const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
    console.log(`\n${PUBLISHERS} video publishers (tools/publisher, VP8 simulcast), viewer ${VIEWPORT.width}×${VIEWPORT.height}, ` +
      `${WARMUP_S} s warm-up, ${WINDOW_S} s window; ${cores} cores, load average ${load}; ${chromium}\n`);
    console.table(results);
    console.log(`RESULT ${JSON.stringify({ publishers: PUBLISHERS, viewport: VIEWPORT, windowS: WINDOW_S, cores, load: Number(load), results })}`);
    const stalled = results.filter((r) => r.tilesRendering < PUBLISHERS);
    if (stalled.length) console.error(`bench: not every tile kept rendering: ${JSON.stringify(stalled)}`);
    return stalled.length ? 1 : 0;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Outside the namespace: check what needs the network, then run again inside a loopback-only one. */
async function main() {
  if (process.platform === 'linux' && !process.env.LKE_IN_NETNS && !process.env.LIVEKIT_URL) {
    findServerBinary();
    await ensurePublisher();
    buildBundle();
    if (canUnshare()) return rerunInNamespace(fileURLToPath(import.meta.url));
    console.error('unshare is not permitted here: the bench runs in the normal network namespace.');
  }
  return run();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(String(err?.stack ?? err));
    process.exit(1);
  },
);
