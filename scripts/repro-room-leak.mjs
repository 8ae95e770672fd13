// A minimal reproduction of livekit-client 2.23 keeping every `Room` alive, with nothing of the kit
// in it: a page that imports livekit-client's ES module, builds N `Room`s, disconnects and drops
// them; the script then forces garbage collection through the Chrome DevTools Protocol
// (`HeapProfiler.collectGarbage`) and counts the `Room`s still alive (`Runtime.queryObjects` on
// `Room.prototype`) and the JS heap in use (`Runtime.getHeapUsage`). See docs/known-issues.md.
//
//   node scripts/repro-room-leak.mjs                       every mode, 500 rooms each (after 10 warm-up rooms)
//   node scripts/repro-room-leak.mjs --rooms 1000 --mode sdk,workaround
//   node scripts/repro-room-leak.mjs --retainers           also: the path that keeps one Room alive
//   node scripts/repro-room-leak.mjs --diff                also: what grew between heap snapshots
//   node scripts/repro-room-leak.mjs --connect --rooms 100 --warmup 30
//        rooms that connect to a local LiveKit server and turn camera and microphone on before
//        they disconnect; runs in a loopback-only network namespace like `npm test`, with the
//        server of scripts/livekit-server.mjs (about 0.5 s a room)
//   node scripts/repro-room-leak.mjs --abort now --rooms 20 --mode workaround
//        rooms disconnected while they are still connecting (implies --connect), as a page does
//        when it leaves early; `--abort after-connect` lets the attempt settle before disconnecting
//
// It prints one JSON line a mode: live Rooms (and LocalParticipants) before and after, the heap
// before and after, and its growth per room. The warm-up rooms keep code that V8 compiles or
// optimises once (several hundred kB with --connect) out of the per-room figure.
//
// Modes (how the page treats `Room.cleanupRegistry` before it builds rooms):
//   sdk            livekit-client as it is
//   no-registry    `Room.cleanupRegistry = false` (the SDK's path for browsers without WeakRef)
//   registry-only  a registry that keeps each cleanup in a WeakMap keyed by its room; never called
//   workaround     the same registry, and the cleanup called once the room is disconnected
//
// Only 127.0.0.1 is used: a tiny HTTP server serves the page and livekit-client's own ES module
// (node_modules/livekit-client/dist/livekit-client.esm.mjs, which imports nothing).
/* global window */
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { CHROMIUM, MEDIA_FLAGS, QUIET_FLAGS } from './chromium.mjs';
import { collectGarbage, countLive } from './heap-plugin.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MODES = ['sdk', 'no-registry', 'registry-only', 'workaround'];

const { values: opts } = parseArgs({
  options: {
    rooms: { type: 'string', default: '500' },
    mode: { type: 'string', default: MODES.join(',') },
    retainers: { type: 'boolean', default: false },
    connect: { type: 'boolean', default: false },
    diff: { type: 'boolean', default: false },
    warmup: { type: 'string', default: '10' },
    abort: { type: 'string' },
  },
});
const ROOMS = Number(opts.rooms);
const modes = opts.mode.split(',');
for (const mode of modes) if (!MODES.includes(mode)) throw new Error(`unknown mode ${mode}; modes: ${MODES.join(', ')}`);
if (opts.abort && !['now', 'after-connect'].includes(opts.abort)) throw new Error('--abort takes now or after-connect');
if (opts.abort) opts.connect = true;

// The page. `window.cycle(i)` builds one Room, (connects it,) disconnects it and drops it.
const PAGE = `<!doctype html><meta charset="utf-8"><title>Room leak</title>
<script type="module">
import { Room, LocalParticipant } from '/livekit-client.mjs';
const mode = new URLSearchParams(location.search).get('mode');
const connect = new URLSearchParams(location.search).has('connect');
const abort = new URLSearchParams(location.search).get('abort');

// Every RTCPeerConnection the page makes, to count those never closed.
const peerConnections = [];
const NativePC = window.RTCPeerConnection;
window.RTCPeerConnection = class extends NativePC {
  constructor(...args) {
    super(...args);
    peerConnections.push(this);
  }
};
window.peerConnections = () => ({
  created: peerConnections.length,
  open: peerConnections.filter((pc) => pc.signalingState !== 'closed').length,
});

// The workaround: a registry that does not keep the room alive. A WeakMap is an ephemeron table:
// the cleanup (whose closure does reach the room) lives only as long as the room itself.
const cleanups = new WeakMap();
if (mode === 'registry-only' || mode === 'workaround') {
  Room.cleanupRegistry = {
    register(room, cleanup) { cleanups.set(room, cleanup); },
    unregister() { return false; },
  };
} else if (mode === 'no-registry') {
  Room.cleanupRegistry = false;
}

window.Room = Room;
window.LocalParticipant = LocalParticipant;
window.cycle = async (i) => {
  const room = new Room();
  if (connect) {
    const res = await fetch('/api/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ room_name: 'leak-' + i, participant_identity: 'p' + i }),
    });
    const { server_url, participant_token } = await res.json();
    if (abort === 'now') {
      // Disconnect while the connection attempt is under way, as a page does when it leaves early.
      const connecting = room.connect(server_url, participant_token).catch(() => {});
      await room.disconnect();
      await connecting;
    } else if (abort === 'after-connect') {
      // The same page, but the disconnection waits until the attempt has settled.
      const connecting = room.connect(server_url, participant_token).catch(() => {});
      await connecting;
      await room.disconnect();
    } else {
      await room.connect(server_url, participant_token);
      await Promise.all([room.localParticipant.setCameraEnabled(true), room.localParticipant.setMicrophoneEnabled(true)]);
    }
  }
  await room.disconnect();
  if (mode === 'workaround') {
    cleanups.get(room)?.();
    cleanups.delete(room);
  }
};
window.ready = true;
</script>`;

/** The page's own server on 127.0.0.1: the page, livekit-client's ES module, and tokens with --connect. */
async function startHttp(livekit) {
  const { handleTokenRequest } = await import('./token-endpoint.mjs');
  const lib = readFileSync(path.join(root, 'node_modules/livekit-client/dist/livekit-client.esm.mjs'));
  const server = http.createServer(async (req, res) => {
    if (livekit && (await handleTokenRequest(livekit, req, res))) return;
    if (req.url.startsWith('/livekit-client.mjs')) {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(lib);
    } else if (req.url === '/' || req.url.startsWith('/?')) {
      res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}

async function measure(cdp) {
  await collectGarbage(cdp);
  const rooms = await countLive(cdp, 'Room.prototype');
  const participants = await countLive(cdp, 'LocalParticipant.prototype');
  await collectGarbage(cdp, 1);
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return { used: usedSize, rooms, participants };
}

/** A heap snapshot through the protocol, parsed. */
async function heapSnapshot(cdp) {
  const chunks = [];
  const onChunk = ({ chunk }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false, captureNumericValue: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return JSON.parse(chunks.join(''));
}

/**
 * The shortest strong path from the snapshot's root to one object named `Room`, as DevTools'
 * "Retainers" would show it (weak edges skipped), and every direct retainer of that Room.
 */
function retainerPath(snapshot) {
  const { meta } = snapshot.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const nodeTypes = meta.node_types[0];
  const edgeTypes = meta.edge_types[0];
  const { nodes, edges, strings } = snapshot;
  const [nType, nName, nEdges] = ['type', 'name', 'edge_count'].map((f) => meta.node_fields.indexOf(f));
  const [eType, eName, eTo] = ['type', 'name_or_index', 'to_node'].map((f) => meta.edge_fields.indexOf(f));
  const count = nodes.length / nf;
  const firstEdge = new Uint32Array(count + 1);
  for (let i = 0; i < count; i++) firstEdge[i + 1] = firstEdge[i] + nodes[i * nf + nEdges] * ef;
  const describeNode = (i) => `${nodeTypes[nodes[i * nf + nType]]} ${strings[nodes[i * nf + nName]].slice(0, 80)}`;
  const describeEdge = (e) => {
    const type = edgeTypes[edges[e + eType]];
    const name = type === 'element' || type === 'hidden' ? `[${edges[e + eName]}]` : strings[edges[e + eName]];
    return `${type}:${name}`;
  };
  const parentEdge = new Int32Array(count).fill(-1);
  const parent = new Int32Array(count).fill(-1);
  const seen = new Uint8Array(count);
  const queue = [0];
  seen[0] = 1;
  let target = -1;
  for (let q = 0; q < queue.length && target < 0; q++) {
    const from = queue[q];
    for (let e = firstEdge[from]; e < firstEdge[from + 1]; e += ef) {
      // Weak references, and WeakMap entries (ephemerons: an entry lives only as long as its key).
      if (edgeTypes[edges[e + eType]] === 'weak' || strings[edges[e + eName]]?.includes?.('part of key')) continue;
      const to = edges[e + eTo] / nf;
      if (seen[to]) continue;
      seen[to] = 1;
      parent[to] = from;
      parentEdge[to] = e;
      if (nodeTypes[nodes[to * nf + nType]] === 'object' && strings[nodes[to * nf + nName]] === 'Room') {
        target = to;
        break;
      }
      queue.push(to);
    }
  }
  if (target < 0) return null;
  const steps = [];
  for (let n = target; parent[n] >= 0; n = parent[n]) steps.unshift(`  --${describeEdge(parentEdge[n])}--> ${describeNode(n)}`);
  const direct = [];
  for (let from = 0; from < count; from++) {
    for (let e = firstEdge[from]; e < firstEdge[from + 1]; e += ef) {
      if (edges[e + eTo] / nf === target) direct.push(`  ${describeNode(from)} --${describeEdge(e)}-->`);
    }
  }
  return { path: [describeNode(0), ...steps].join('\n'), direct: direct.join('\n') };
}

/** Objects by kind and constructor name: how many, and their own size in bytes. */
function summarize(snapshot) {
  const { meta } = snapshot.snapshot;
  const nf = meta.node_fields.length;
  const [nType, nName, nSize] = ['type', 'name', 'self_size'].map((f) => meta.node_fields.indexOf(f));
  const summary = new Map();
  for (let i = 0; i < snapshot.nodes.length; i += nf) {
    const type = meta.node_types[0][snapshot.nodes[i + nType]];
    let name = snapshot.strings[snapshot.nodes[i + nName]];
    if (type === 'string' || type === 'concatenated string' || type === 'sliced string') name = '';
    if (type === 'closure' || type === 'code') name = name.slice(0, 60);
    const key = `${type} ${name.slice(0, 80)}`;
    const entry = summary.get(key) ?? { count: 0, size: 0 };
    entry.count++;
    entry.size += snapshot.nodes[i + nSize];
    summary.set(key, entry);
  }
  return summary;
}

/** The kinds of object that grew the most between two summaries. */
function growth(before, after, top = 25) {
  const rows = [];
  for (const [key, { count, size }] of after) {
    const old = before.get(key) ?? { count: 0, size: 0 };
    if (size - old.size > 0) rows.push({ key, count: count - old.count, size: size - old.size });
  }
  rows.sort((a, b) => b.size - a.size);
  return rows.slice(0, top).map((r) => `  ${String(r.size).padStart(9)} B ${String(r.count).padStart(6)}×  ${r.key}`).join('\n');
}

async function runMode(browser, base, mode) {
  const page = await browser.newPage();
  page.on('pageerror', (err) => console.error(`[${mode}] page error: ${err.message}`));
  let consoleMessages = 0;
  page.on('console', () => consoleMessages++);
  await page.goto(`${base}/?mode=${mode}${opts.connect ? '&connect' : ''}${opts.abort ? `&abort=${opts.abort}` : ''}`);
  await page.waitForFunction(() => window.ready === true, { timeout: 30_000 });
  const cdp = await page.createCDPSession();
  // A few rooms first, so that code compiled lazily or optimised once hot is not counted.
  for (let i = 1; i <= Number(opts.warmup); i++) await page.evaluate((n) => window.cycle(n), -i);
  const before = await measure(cdp);
  const summaryBefore = opts.diff ? summarize(await heapSnapshot(cdp)) : null;
  const started = performance.now();
  for (let i = 0; i < ROOMS; i++) await page.evaluate((n) => window.cycle(n), i);
  const elapsed = performance.now() - started;
  const after = await measure(cdp);
  const result = {
    mode,
    rooms: ROOMS,
    liveRoomsBefore: before.rooms,
    liveRoomsAfter: after.rooms,
    liveLocalParticipantsAfter: after.participants,
    heapBefore: before.used,
    heapAfter: after.used,
    bytesPerRoom: Math.round((after.used - before.used) / ROOMS),
    msPerRoom: +(elapsed / ROOMS).toFixed(1),
    consoleMessages,
    peerConnections: await page.evaluate(() => window.peerConnections()),
  };
  console.log(JSON.stringify(result));
  if (summaryBefore) {
    console.log(`[${mode}] what grew between the snapshots before and after the rooms (own size, count):\n${growth(summaryBefore, summarize(await heapSnapshot(cdp)))}`);
  }
  if (opts.retainers) {
    const found = after.rooms > 0 ? retainerPath(await heapSnapshot(cdp)) : null;
    console.log(found ? `[${mode}] what keeps a Room alive (shortest path from the GC root):\n${found.path}\n[${mode}] its direct retainers:\n${found.direct}` : `[${mode}] no Room left in the heap`);
  }
  await page.close();
  return result;
}

async function main() {
  let livekit = null;
  if (opts.connect) {
    const { startServer } = await import('./livekit-server.mjs');
    livekit = await startServer();
  }
  const site = await startHttp(livekit);
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...QUIET_FLAGS, ...MEDIA_FLAGS],
  });
  try {
    for (const mode of modes) await runMode(browser, site.url, mode);
  } finally {
    await browser.close();
    site.close();
    await livekit?.stop();
  }
}

// With --connect, like `npm test`: the server and the browser in a network namespace holding only
// loopback (Linux), the server binary found or built before entering it.
if (opts.connect && process.platform === 'linux' && !process.env.LKE_IN_NETNS && !process.env.LIVEKIT_URL) {
  const { findServerBinary } = await import('./livekit-server.mjs');
  findServerBinary();
  const flags = process.getuid?.() === 0 ? ['-n'] : ['-rn'];
  const inner = `ip link set lo up && exec "${process.execPath}" "${fileURLToPath(import.meta.url)}" "$@"`;
  if (spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore' }).status === 0) {
    const child = spawn('unshare', [...flags, 'sh', '-c', inner, 'sh', ...process.argv.slice(2)], {
      stdio: 'inherit',
      env: { ...process.env, LKE_IN_NETNS: '1' },
    });
    child.on('exit', (code) => process.exit(code ?? 1));
  } else {
    console.error('unshare is not permitted here: running in the normal network namespace.');
    await main();
  }
} else {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
