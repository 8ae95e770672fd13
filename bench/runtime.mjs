// `npm run bench:runtime`: what the three conference pages of bench/size/ cost the browser while
// they show N remote cameras: livekit-client alone attaching every camera to a <video> in a grid
// (bare), LiveKit's React `VideoConference` (react), and `<lk-conference>` (ours). A benchmark,
// not a test: it fails when a run cannot be made (a publisher or the server fails, a wait runs out
// of time), never on the numbers; a page that does not decode all its tiles within 90 s is
// measured anyway and named at the end.
//
// The pages are the builds of `npm run bench:size` (bench/size.mjs's `buildPage`), in their runtime
// variant: each reads `?room=` and `?publish=0` (bench/size/page-options.ts), so the viewer joins
// the bench's room and publishes nothing. All three turn adaptive stream and dynacast on.
// Publishers: scripts/publisher.mjs (Go, pion; pre-encoded VP8 simulcast 320×180/640×360/1280×720
// and Opus, one speaker at a time), in the room before the page opens.
//
// For each N (BENCH_NS, default 16,25,49) and each of BENCH_RUNS runs (default 3), the pages one
// after another (bare, react, ours, bare, react, ours, …), each in a fresh headless Chromium at
// 1280×800:
//   - time from navigation until every tile the page shows decodes video (videoWidth > 0);
//   - after a warm-up, over a fixed window: main-thread busy (Performance.getMetrics TaskDuration),
//     script (ScriptDuration), style + layout (RecalcStyleDuration + LayoutDuration), JS time from
//     the V8 sampling profiler (samples outside (idle), (program) and (garbage collector); it sees
//     the JS of promise callbacks that ScriptDuration misses), and the CPU time of the page's
//     renderer process (SystemInfo.getProcessInfo: every thread, video decoding included); the
//     bytes received (inbound-rtp bytesReceived of every RTCPeerConnection the page made) and the
//     frames each <video> decoded;
//   - then the JS heap after a forced GC (HeapProfiler.collectGarbage, Runtime.getHeapUsage), the
//     DOM (Memory.getDOMCounters nodes and JS event listeners; the nodes of the document counted
//     through every shadow root; the median nodes of one tile, its shadow roots included).
// After the steady runs of BENCH_CHURN_N (the first N), BENCH_RUNS churn runs per page in the same
// room: during the window, every 4 s two more publishers join and leave again (busy, script,
// style, layout, profiler JS, renderer CPU). At the end, per page, the first remote frame latency
// (BENCH_LATENCY_SAMPLES, default 7, in an empty room: one publisher joins; the time from its
// `joined` event to the page's first decoded frame of it; then it leaves).
//
// Prints a table with the ratios ours / bare and ours / React, the same as Markdown, and a RESULT
// JSON line. BENCH_QUICK=1: N = 4, one run, short windows, 2 latency samples (checks the harness).
// Other options: BENCH_WARMUP_S, BENCH_WINDOW_S, BENCH_CHURN_S, BENCH_PHASES (steady,churn,latency),
// BENCH_TILES_DEADLINE_S, BENCH_DEBUG=1 (the pages' console and Chromium's log).
//
// Network: like bench/render.mjs, it runs inside a loopback-only network namespace holding one
// bridge (10.203.0.1/32, no ports) for pion's ICE candidates. Bounded: every wait by a deadline,
// the publishers by their duration, the whole run by a watchdog.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MEDIA_FLAGS, QUIET_FLAGS, CHROMIUM } from '../scripts/chromium.mjs';
import { findServerBinary, startServer } from '../scripts/livekit-server.mjs';
import { canUnshare, rerunInNamespace } from '../scripts/netns.mjs';
import { ensurePublisher, startPublisher } from '../scripts/publisher.mjs';
import { handleTokenRequest } from '../scripts/token-endpoint.mjs';
import { buildPackage, buildPage, removePackage, typecheckPages } from './size.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const env = (name, fallback) => (process.env[name] ? process.env[name] : String(fallback));
const NS = env('BENCH_NS', QUICK ? '4' : '16,25,49').split(',').map(Number);
const RUNS = Number(env('BENCH_RUNS', QUICK ? 1 : 3));
const WARMUP_S = Number(env('BENCH_WARMUP_S', QUICK ? 3 : 10));
const WINDOW_S = Number(env('BENCH_WINDOW_S', QUICK ? 5 : 20));
const LATENCY_SAMPLES = Number(env('BENCH_LATENCY_SAMPLES', QUICK ? 2 : 7));
const CHURN_S = Number(env('BENCH_CHURN_S', QUICK ? 8 : 24));
const CHURN_N = Number(env('BENCH_CHURN_N', NS[0]));
const PHASES = env('BENCH_PHASES', 'steady,churn,latency').split(',');
const VIEWPORT = { width: 1280, height: 800 };
const TILES_DEADLINE_MS = Number(env('BENCH_TILES_DEADLINE_S', 90)) * 1000;
const DEBUG = !!process.env.BENCH_DEBUG;

// LiveKit's GridLayout (components-core GRID_LAYOUTS) shows at most 5 × 5 tiles on a page at this
// width, the viewer's own tile among them: React's page shows 24 remote cameras at most.
const REACT_PAGE_TILES = 24;

const PAGES = [
  { name: 'bare', label: 'livekit-client alone', tile: 'video', shows: (n) => n },
  { name: 'react', label: 'React VideoConference', tile: '.lk-participant-tile', shows: (n) => Math.min(n, REACT_PAGE_TILES) },
  { name: 'elements', label: '<lk-conference>', tile: 'lk-participant-tile', shows: (n) => n },
];

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (!sorted.length) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Resolves `promise`, or rejects after `ms` with `what`. */
function within(promise, ms, what) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms / 1000} s: ${what}`)), ms))),
  ]);
}

/** Polls `condition` every `everyMs` until it answers truthy; rejects after `timeoutMs`. */
async function poll(condition, what, timeoutMs, everyMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(everyMs);
  }
}

// ---------------------------------------------------------------------------------------------
// In the page (added before any of its scripts): the peer connections it makes, its videos
// through every shadow root, when all its tiles first decode, and first frames of new tracks.

/* global window, document, RTCPeerConnection */
export function probe({ expected, tileSelector }) {
  const connections = [];
  const Native = RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args) {
      super(...args);
      connections.push(this);
    }
  };
  const deepAll = (root, selector, out = []) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.matches(selector)) out.push(el);
      if (el.shadowRoot) deepAll(el.shadowRoot, selector, out);
    }
    return out;
  };
  const countNodes = (root) => {
    let count = 0;
    const walker = document.createTreeWalker(root, 0xffffffff);
    for (let node = walker.currentNode; node; node = walker.nextNode()) {
      count++;
      if (node.shadowRoot) count += countNodes(node.shadowRoot);
    }
    return count;
  };
  const videos = () => deepAll(document, 'video');
  const trackId = (video) => video.srcObject?.getVideoTracks?.()[0]?.id ?? null;
  // Until stopped (before a measuring window): every 20 ms, the videos that decoded their first
  // frame (once per element and stream: the SFU reuses transceivers, so a track id can come back
  // for the next participant) and when every expected tile first had one.
  const state = { allTilesAt: null, firstFrames: [] };
  const seen = new WeakMap();
  const timer = setInterval(() => {
    let decoded = 0;
    for (const video of videos()) {
      if (!(video.videoWidth > 0)) continue;
      decoded++;
      if (video.srcObject && seen.get(video) !== video.srcObject) {
        seen.set(video, video.srcObject);
        state.firstFrames.push({ id: trackId(video), at: Date.now(), sinceNavigation: performance.now() });
      }
    }
    if (expected > 0 && state.allTilesAt === null && decoded >= expected) state.allTilesAt = performance.now();
  }, 20);
  window.__bench = {
    state,
    stopWatching: () => clearInterval(timer),
    async received() {
      let bytes = 0;
      for (const pc of connections) {
        if (pc.connectionState === 'closed') continue;
        try {
          (await pc.getStats()).forEach((s) => {
            if (s.type === 'inbound-rtp') bytes += s.bytesReceived ?? 0;
          });
        } catch {
          // a connection closing now
        }
      }
      return bytes;
    },
    videos: () =>
      videos().map((v) => ({
        id: trackId(v),
        width: v.videoWidth,
        shownWidth: v.clientWidth,
        shownHeight: v.clientHeight,
        frames: v.getVideoPlaybackQuality?.().totalVideoFrames ?? 0,
      })),
    decoded: () => videos().filter((v) => v.videoWidth > 0).length,
    dom() {
      const videoOf = (tile) => (tile.localName === 'video' ? tile : (deepAll(tile, 'video')[0] ?? (tile.shadowRoot && deepAll(tile.shadowRoot, 'video')[0])));
      const tiles = deepAll(document, tileSelector).filter((tile) => videoOf(tile)?.videoWidth > 0);
      const perTile = tiles.map((tile) => countNodes(tile)).sort((a, b) => a - b);
      return { treeNodes: countNodes(document), tiles: tiles.length, nodesPerTile: perTile.length ? perTile[Math.floor(perTile.length / 2)] : 0 };
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Chromium and the measurements

async function launch() {
  const { default: puppeteer } = await import('puppeteer-core');
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    dumpio: DEBUG,
    protocolTimeout: 60_000,
    args: [...QUIET_FLAGS, ...MEDIA_FLAGS, '--disable-features=WebRtcHideLocalIpsWithMdns', `--window-size=${VIEWPORT.width},${VIEWPORT.height}`],
  });
}

/** Closes the browser, or kills it after 10 s. */
async function closeBrowser(browser) {
  await within(browser.close(), 10_000, 'closing Chromium').catch(() => browser.process()?.kill('SIGKILL'));
}

/** A fresh Chromium with the page open on `room`; `expected` tiles to wait for. */
async function openPage(site, page, room, expected) {
  const browser = await launch();
  try {
    const tab = await browser.newPage();
    await tab.setViewport(VIEWPORT);
    tab.on('pageerror', (err) => console.error(`${page.name}: page error: ${err.message}`));
    if (DEBUG) tab.on('console', (message) => console.error(`${page.name} console.${message.type()}: ${message.text()}`));
    await tab.evaluateOnNewDocument(probe, { expected, tileSelector: page.tile });
    const cdp = await tab.createCDPSession();
    const browserCdp = await browser.target().createCDPSession();
    await cdp.send('Performance.enable');
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
    await tab.goto(`${site.origins[page.name]}/${page.name}.html?room=${encodeURIComponent(room)}&publish=0`, { waitUntil: 'load', timeout: 30_000 });
    return { browser, tab, cdp, browserCdp };
  } catch (err) {
    await closeBrowser(browser);
    throw err;
  }
}

const metricOf = (metrics, name) => metrics.find((m) => m.name === name)?.value ?? 0;

/** CPU seconds so far of the renderer processes and of the whole browser. */
async function processCpu(browserCdp) {
  const { processInfo } = await browserCdp.send('SystemInfo.getProcessInfo');
  let renderer = 0;
  let total = 0;
  for (const p of processInfo) {
    total += p.cpuTime;
    if (p.type === 'renderer') renderer += p.cpuTime;
  }
  return { renderer, total };
}

/** Milliseconds of samples per category of a V8 CPU profile, and the functions with the most self time. */
function profileTimes(profile) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node.callFrame]));
  const times = { js: 0, gc: 0, program: 0, idle: 0 };
  const self = new Map();
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const frame = byId.get(id);
    const name = frame?.functionName;
    if (name === '(idle)') times.idle += ms;
    else if (name === '(program)' || name === '(root)') times.program += ms;
    else if (name === '(garbage collector)') times.gc += ms;
    else {
      times.js += ms;
      const key = `${name || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}:${frame.columnNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + ms);
    }
  });
  times.top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([fn, ms]) => `${Math.round(ms)} ms ${fn}`);
  return times;
}

/** Everything measured over one window (the caller does what happens during it). */
async function windowStart(session) {
  const { tab, cdp, browserCdp } = session;
  await cdp.send('Profiler.start');
  return {
    metrics: (await cdp.send('Performance.getMetrics')).metrics,
    cpu: await processCpu(browserCdp),
    bytes: await tab.evaluate(() => window.__bench.received()),
    videos: await tab.evaluate(() => window.__bench.videos()),
    wall: performance.now(),
  };
}

async function windowEnd(session, before) {
  const { tab, cdp, browserCdp } = session;
  const after = {
    metrics: (await cdp.send('Performance.getMetrics')).metrics,
    cpu: await processCpu(browserCdp),
    bytes: await tab.evaluate(() => window.__bench.received()),
    videos: await tab.evaluate(() => window.__bench.videos()),
    wall: performance.now(),
  };
  const { profile } = await cdp.send('Profiler.stop');
  const seconds = (after.wall - before.wall) / 1000;
  const perS = (name) => (metricOf(after.metrics, name) - metricOf(before.metrics, name)) * 1000 / seconds;
  const prof = profileTimes(profile);
  const framesBefore = new Map(before.videos.map((v) => [v.id, v.frames]));
  const decoding = after.videos.filter((v) => v.width > 0);
  const fps = decoding.filter((v) => framesBefore.has(v.id)).map((v) => (v.frames - framesBefore.get(v.id)) / seconds);
  return {
    seconds,
    busyMsPerS: perS('TaskDuration'),
    scriptMsPerS: perS('ScriptDuration'),
    styleMsPerS: perS('RecalcStyleDuration'),
    layoutMsPerS: perS('LayoutDuration'),
    profilerJsMsPerS: prof.js / seconds,
    profilerGcMsPerS: prof.gc / seconds,
    profilerTop: prof.top,
    rendererCpuMsPerS: ((after.cpu.renderer - before.cpu.renderer) * 1000) / seconds,
    browserCpuMsPerS: ((after.cpu.total - before.cpu.total) * 1000) / seconds,
    receivedKbps: ((after.bytes - before.bytes) * 8) / seconds / 1000,
    fpsMedian: median(fps),
    tilesDecoding: fps.filter((f) => f > 1).length,
    frameWidthMedian: median(decoding.map((v) => v.width)),
    tileSize: decoding.length ? `${decoding[0].shownWidth}×${decoding[0].shownHeight}` : '',
  };
}

async function heapAndDom(session) {
  const { tab, cdp } = session;
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  const dom = await tab.evaluate(() => window.__bench.dom());
  return {
    heapMB: heap.usedSize / 1e6,
    domNodes: counters.nodes,
    listeners: counters.jsEventListeners,
    treeNodes: dom.treeNodes,
    nodesPerTile: dom.nodesPerTile,
  };
}

/** One steady run: the page with `n` publishers in `room`. */
async function steadyRun(site, page, n, room) {
  const expected = page.shows(n);
  const session = await openPage(site, page, room, expected);
  try {
    let allTilesMs = null;
    try {
      allTilesMs = await poll(() => session.tab.evaluate(() => window.__bench.state.allTilesAt), `${expected} decoded videos`, TILES_DEADLINE_MS, 200);
    } catch {
      const decoded = await session.tab.evaluate(() => window.__bench.decoded());
      console.error(`  ${page.name} N=${n}: only ${decoded} of ${expected} videos decoded after ${TILES_DEADLINE_MS / 1000} s; measuring anyway`);
    }
    const firstFrames = await session.tab.evaluate(() => {
      window.__bench.stopWatching();
      return window.__bench.state.firstFrames.map((f) => f.sinceNavigation);
    });
    const shown = await session.tab.evaluate(() => window.__bench.decoded());
    await sleep(WARMUP_S * 1000);
    const before = await windowStart(session);
    await sleep(WINDOW_S * 1000);
    const window = await windowEnd(session, before);
    return { allTilesMs, firstTileMs: firstFrames.length ? Math.min(...firstFrames) : null, expected, shown, ...window, ...(await heapAndDom(session)) };
  } finally {
    await closeBrowser(session.browser);
  }
}

/** First remote frame latency: publishers join an empty room one at a time. */
async function latencyRun(site, page, server, publisher) {
  const room = `latency-${page.name}-${randomBytes(3).toString('hex')}`;
  const session = await openPage(site, page, room, 0);
  const samples = [];
  try {
    await sleep(3000); // connected
    for (let i = 1; i <= LATENCY_SAMPLES; i++) {
      const started = Date.now();
      const pub = startPublisher({ ...publisherOptions(server, publisher, room), count: 1, audio: false, speaking: 'none', identityPrefix: `late${i}`, duration: '60s' });
      try {
        // When each event reaches this process (both waited for before they can arrive).
        const joined = pub.waitFor((e) => e.event === 'joined', 30_000).then(() => Date.now());
        const published = pub.waitFor((e) => e.event === 'published' && e.kind === 'video', 30_000).then(() => Date.now());
        const [joinedAt, publishedAt] = await Promise.all([joined, published]);
        const frame = await poll(
          () => session.tab.evaluate((since) => window.__bench.state.firstFrames.find((f) => f.at >= since), started),
          'the first frame of a publisher that joined',
          30_000,
          50,
        ).catch(() => null);
        if (frame) {
          samples.push({ fromJoined: frame.at - joinedAt, fromPublished: frame.at - publishedAt });
          if (DEBUG) console.error(`  ${page.name}: joined +${joinedAt - started} ms, published +${publishedAt - started} ms, first frame +${frame.at - started} ms`);
        } else {
          console.error(`  ${page.name}: no frame of publisher ${i} within 30 s (a sample lost); publisher events: ${JSON.stringify(pub.events)}`);
        }
      } finally {
        await within(pub.stop(), 15_000, 'stopping a publisher').catch((err) => console.error(String(err.message)));
      }
      await poll(async () => (await session.tab.evaluate(() => window.__bench.decoded())) === 0, 'the tile of a publisher that left to go', 20_000).catch(() => {});
      await sleep(500);
    }
  } finally {
    await closeBrowser(session.browser);
  }
  return samples;
}

/** Churn: `room` holds CHURN_N publishers; during the window waves of publishers join and leave. */
async function churnRun(site, page, server, publisher, room, wave) {
  const session = await openPage(site, page, room, page.shows(CHURN_N));
  const waves = [];
  try {
    await poll(() => session.tab.evaluate(() => window.__bench.state.allTilesAt), `${page.shows(CHURN_N)} decoded videos`, TILES_DEADLINE_MS, 200).catch(() => {});
    await session.tab.evaluate(() => window.__bench.stopWatching());
    await sleep(WARMUP_S * 1000);
    const before = await windowStart(session);
    // A wave every 4 s: 2 publishers (camera only) join, stay 4 s, and leave 1 s apart.
    const end = Date.now() + CHURN_S * 1000;
    let k = 0;
    while (Date.now() + 4000 <= end) {
      waves.push(
        startPublisher({
          ...publisherOptions(server, publisher, room),
          count: 2,
          joinRate: 4,
          audio: false,
          speaking: 'none',
          identityPrefix: `churn${wave}-${++k}`,
          leaveAfter: '4s',
          leaveWave: 1,
          leaveInterval: '1s',
          duration: '15s',
        }),
      );
      await sleep(4000);
    }
    await sleep(Math.max(0, end - Date.now()));
    const window = await windowEnd(session, before);
    return { waves: waves.length, ...window };
  } finally {
    await Promise.all(waves.map((pub) => within(pub.stop(), 15_000, 'stopping a publisher').catch(() => {})));
    await closeBrowser(session.browser);
  }
}

// ---------------------------------------------------------------------------------------------
// Publishers and the page servers

function publisherOptions(server, publisher, room) {
  return { bin: publisher.bin, mediaDir: publisher.mediaDir, url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret, room };
}

/** One origin per page (their builds all use /assets/…), each with the token endpoint. */
async function startSites(server, buildDir) {
  const origins = {};
  const servers = [];
  for (const page of PAGES) {
    const dir = path.join(buildDir, page.name);
    const http = createServer((req, res) => {
      handleTokenRequest(server, req, res).then((handled) => {
        if (handled) return;
        const url = new URL(req.url, 'http://localhost').pathname;
        const file = path.join(dir, path.normalize(url));
        if (!file.startsWith(dir) || !existsSync(file) || url === '/') return res.writeHead(404).end();
        const type = url.endsWith('.js') ? 'text/javascript' : url.endsWith('.css') ? 'text/css' : url.endsWith('.html') ? 'text/html' : 'application/octet-stream';
        res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
      });
    });
    await new Promise((resolve) => http.listen(0, '127.0.0.1', resolve));
    origins[page.name] = `http://127.0.0.1:${http.address().port}`;
    servers.push(http);
  }
  return { origins, close: () => Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve)))) };
}

// ---------------------------------------------------------------------------------------------
// Report

const STEADY_METRICS = [
  ['firstTileMs', 'time until the first tile decodes, ms from navigation', 0],
  ['allTilesMs', 'time until every tile decodes, ms from navigation', 0],
  ['shown', 'remote videos shown', 0],
  ['busyMsPerS', 'main-thread busy, ms/s (TaskDuration)', 1],
  ['scriptMsPerS', 'script, ms/s (ScriptDuration)', 1],
  ['profilerJsMsPerS', 'JS, ms/s (V8 profiler samples)', 1],
  ['styleMsPerS', 'style recalc, ms/s', 1],
  ['layoutMsPerS', 'layout, ms/s', 1],
  ['rendererCpuMsPerS', 'renderer process CPU, ms/s (all threads)', 0],
  ['heapMB', 'JS heap after GC, MB', 2],
  ['domNodes', 'DOM nodes (Memory.getDOMCounters)', 0],
  ['treeNodes', 'nodes in the document, shadow roots included', 0],
  ['nodesPerTile', 'nodes per tile, shadow roots included', 0],
  ['listeners', 'JS event listeners', 0],
  ['receivedKbps', 'received, kbit/s', 0],
  ['frameWidthMedian', 'received frame width (median)', 0],
  ['fpsMedian', 'decoded frames/s per tile (median)', 1],
];
const CHURN_METRICS = [
  ['busyMsPerS', 'main-thread busy, ms/s', 1],
  ['scriptMsPerS', 'script, ms/s', 1],
  ['profilerJsMsPerS', 'JS, ms/s (V8 profiler)', 1],
  ['styleMsPerS', 'style recalc, ms/s', 1],
  ['layoutMsPerS', 'layout, ms/s', 1],
  ['rendererCpuMsPerS', 'renderer process CPU, ms/s', 0],
];

const fmtNum = (v, digits) => (v === null || v === undefined ? '—' : Number(v).toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }));
const ratio = (a, b) => (typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : '—');

/** Rows [what, N, bare, react, ours, ours/bare, ours/react] of medians. */
function rows(results, metrics) {
  const out = [];
  for (const [key, label, digits] of metrics) {
    for (const [n, perPage] of results) {
      const m = Object.fromEntries(PAGES.map((p) => [p.name, median((perPage[p.name] ?? []).map((r) => r[key]))]));
      out.push([label, n, fmtNum(m.bare, digits), fmtNum(m.react, digits), fmtNum(m.elements, digits), ratio(m.elements, m.bare), ratio(m.elements, m.react)]);
    }
  }
  return out;
}

function printTable(title, head, body) {
  const widths = head.map((h, i) => Math.max(String(h).length, ...body.map((r) => String(r[i]).length)));
  console.log(`\n${title}`);
  const line = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  body.forEach((r) => console.log(line(r)));
}

function markdown(head, body) {
  return [`| ${head.join(' | ')} |`, `|${head.map((_, i) => (i === 0 ? '---' : '---:')).join('|')}|`, ...body.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

// ---------------------------------------------------------------------------------------------

async function run() {
  const started = Date.now();
  const buildDir = process.env.BENCH_RUNTIME_BUILD;
  const publisher = JSON.parse(process.env.BENCH_RUNTIME_PUBLISHER);
  const perN = (n) => RUNS * PAGES.length * (WARMUP_S + WINDOW_S + 60 + n);
  const churnS = RUNS * PAGES.length * (WARMUP_S + CHURN_S + 60 + CHURN_N);
  const latencyS = PAGES.length * LATENCY_SAMPLES * 40;
  const watchdogMs = (NS.reduce((sum, n) => sum + perN(n) + 120, 0) + churnS + latencyS + 300) * 1000;
  const cleanups = [];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  };
  const watchdog = setTimeout(() => {
    console.error(`bench:runtime: gave up after ${Math.round(watchdogMs / 60_000)} minutes (watchdog).`);
    void cleanup().then(() => process.exit(1));
  }, watchdogMs);
  console.error(`bench:runtime: N = ${NS.join(', ')}, ${RUNS} run(s) each, warm-up ${WARMUP_S} s, window ${WINDOW_S} s; watchdog ${Math.round(watchdogMs / 60_000)} min`);
  const loadAverages = [];
  const sampleLoad = () => loadAverages.push(os.loadavg()[0]);
  try {
    const server = await startServer();
    cleanups.push(() => server.stop());
    const site = await startSites(server, buildDir);
    cleanups.push(() => site.close());

    const steady = new Map();
    const churn = Object.fromEntries(PAGES.map((p) => [p.name, []]));
    const churnRuns = async (room) => {
      let wave = 0;
      for (let r = 1; r <= RUNS; r++) {
        for (const page of PAGES) {
          sampleLoad();
          const result = await churnRun(site, page, server, publisher, room, ++wave);
          churn[page.name].push(result);
          console.error(`  churn run ${r} ${page.name}: ${result.waves} waves, busy ${result.busyMsPerS.toFixed(1)} ms/s, style ${result.styleMsPerS.toFixed(1)}, layout ${result.layoutMsPerS.toFixed(1)}, JS ${result.profilerJsMsPerS.toFixed(1)} ms/s`);
        }
      }
    };
    // One room per N, its publishers stopped before the next N; the churn runs in the room of
    // CHURN_N publishers (its own when CHURN_N is not measured steady).
    const ns = PHASES.includes('steady') ? NS : [];
    const withChurn = PHASES.includes('churn');
    for (const n of withChurn && !ns.includes(CHURN_N) ? [...ns, CHURN_N] : ns) {
      const steadyHere = ns.includes(n);
      const churnHere = withChurn && n === CHURN_N;
      const room = `runtime-${n}-${randomBytes(3).toString('hex')}`;
      console.error(`N = ${n}: starting ${n} publishers in ${room}…`);
      const pubs = startPublisher({ ...publisherOptions(server, publisher, room), count: n, video: true, audio: true, speaking: 'rotate', identityPrefix: 'pub', joinRate: 8, duration: `${(steadyHere ? perN(n) : 0) + (churnHere ? churnS : 0) + 120}s` });
      cleanups.push(() => pubs.stop());
      await within(pubs.ready, 60_000 + n * 2000, `${n} publishers ready`);
      if (steadyHere) {
        const perPage = Object.fromEntries(PAGES.map((p) => [p.name, []]));
        steady.set(n, perPage);
        for (let r = 1; r <= RUNS; r++) {
          for (const page of PAGES) {
            sampleLoad();
            const t = Date.now();
            const result = await steadyRun(site, page, n, room);
            perPage[page.name].push(result);
            console.error(`  N=${n} run ${r} ${page.name}: tiles ${result.allTilesMs === null ? 'not all' : `${Math.round(result.allTilesMs)} ms`}, busy ${result.busyMsPerS.toFixed(1)} ms/s, JS ${result.profilerJsMsPerS.toFixed(1)} ms/s, renderer ${Math.round(result.rendererCpuMsPerS)} ms/s, heap ${result.heapMB.toFixed(1)} MB, ${result.domNodes} nodes, ${Math.round(result.receivedKbps)} kbit/s (${Math.round((Date.now() - t) / 1000)} s; load ${os.loadavg()[0].toFixed(1)})`);
          }
        }
      }
      if (churnHere) await churnRuns(room);
      await within(pubs.stop(), 20_000, 'stopping the publishers').catch((err) => console.error(err.message));
    }

    const latency = Object.fromEntries(PAGES.map((p) => [p.name, []]));
    for (const page of PHASES.includes('latency') ? PAGES : []) {
      sampleLoad();
      latency[page.name] = await latencyRun(site, page, server, publisher);
      console.error(`  first frame ${page.name}: ${latency[page.name].map((x) => Math.round(x.fromJoined)).join(', ')} ms after joining`);
    }

    // Report
    const chromium = spawnSync(CHROMIUM, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const versions = Object.fromEntries(['livekit-client', 'lit', 'react', '@livekit/components-react'].map((pkg) => [pkg, JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version]));
    const machine = { cores: os.cpus().length, cpu: os.cpus()[0]?.model, memGB: Math.round(os.totalmem() / 2 ** 30), loadAverage: { min: Math.min(...loadAverages), median: median(loadAverages), max: Math.max(...loadAverages) }, chromium, node: process.versions.node };
    const minutes = (Date.now() - started) / 60_000;
    console.log(`\nRuntime of three conference pages (bare livekit-client, React VideoConference, <lk-conference>), viewer ${VIEWPORT.width}×${VIEWPORT.height} publishing nothing,`);
    console.log(`medians of ${RUNS} run(s) per page and N, pages alternated; warm-up ${WARMUP_S} s, window ${WINDOW_S} s. ${machine.cores} cores (${machine.cpu}), load average ${machine.loadAverage.min.toFixed(1)}–${machine.loadAverage.max.toFixed(1)} (median ${machine.loadAverage.median.toFixed(1)}); ${chromium}; ${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')}. Took ${minutes.toFixed(1)} min.`);
    const head = ['metric', 'N', 'bare', 'React', 'ours', 'ours/bare', 'ours/React'];
    const steadyRows = rows([...steady], STEADY_METRICS);
    printTable('Steady state', head, steadyRows);
    const churnRows = rows([[CHURN_N, churn]], CHURN_METRICS);
    printTable(`Churn: ${CHURN_N} publishers, and every 4 s 2 more (camera only) join, and leave 4 and 5 s later (${CHURN_S} s window)`, head, churnRows);
    const latencyRow = [
      ['fromJoined', 'first remote frame, ms after the publisher joined (median)'],
      ['fromPublished', 'first remote frame, ms after it published its camera (median)'],
    ].map(([key, label]) => {
      const m = Object.fromEntries(PAGES.map((p) => [p.name, median(latency[p.name].map((x) => x[key]))]));
      return [label, 1, fmtNum(m.bare, 0), fmtNum(m.react, 0), fmtNum(m.elements, 0), ratio(m.elements, m.bare), ratio(m.elements, m.react)];
    });
    printTable(`First remote frame after a publisher joins (${LATENCY_SAMPLES} samples per page)`, head, latencyRow);
    console.log('\nMarkdown:\n');
    console.log(markdown(head, [...steadyRows, ...churnRows.map((r) => [`churn: ${r[0]}`, ...r.slice(1)]), ...latencyRow]));
    console.log(`\nRESULT ${JSON.stringify({ ns: NS, runs: RUNS, warmupS: WARMUP_S, windowS: WINDOW_S, churnS: CHURN_S, churnN: CHURN_N, viewport: VIEWPORT, machine, versions, minutes, steady: Object.fromEntries(steady), churn, latency })}`);
    const incomplete = [...steady].flatMap(([n, perPage]) => PAGES.flatMap((p) => perPage[p.name].filter((r) => r.allTilesMs === null).map(() => `${p.name} N=${n}`)));
    if (incomplete.length) console.error(`bench:runtime: not every tile decoded in: ${incomplete.join(', ')}`);
    return 0;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Outside the namespace: build the pages and the publisher, then run again inside a loopback-only one. */
async function main() {
  if (process.env.LKE_IN_NETNS) return run();
  findServerBinary();
  const publisher = await ensurePublisher();
  const buildDir = mkdtempSync(path.join(os.tmpdir(), 'livekit-elements-bench-runtime-'));
  try {
    console.error('Type-checking and building the pages (bench/size/, runtime variant)…');
    typecheckPages();
    await buildPackage();
    try {
      for (const page of PAGES) await buildPage(page, path.join(buildDir, page.name), { runtime: true });
    } finally {
      removePackage();
    }
    if (!canUnshare()) throw new Error('bench:runtime needs a private network namespace (unshare -n) for its publishers.');
    return rerunInNamespace(fileURLToPath(import.meta.url), [], { BENCH_RUNTIME_BUILD: buildDir, BENCH_RUNTIME_PUBLISHER: JSON.stringify(publisher) });
  } finally {
    rmSync(buildDir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (err) => {
      console.error(String(err?.stack ?? err));
      process.exit(1);
    },
  );
}
