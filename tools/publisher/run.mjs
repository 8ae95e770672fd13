// `npm run publisher`: the backend publisher, end to end, with a check that it works.
//
// Builds the publisher and its media (scripts/publisher.mjs), then inside a loopback-only network
// namespace starts a LiveKit server, joins the publishers, and opens a viewer page in headless
// Chromium that subscribes to everyone (livekit-client). It passes when every publisher's video
// decodes in the page, every publisher's audio arrives, the server names more than one active
// speaker over the run (the speaker rotates), and the stdin commands (mute, unmute, leave, an
// unknown one, quit) and a removal by the server show as they should. Prints a summary; exits
// non-zero otherwise. See docs/publisher.md.
//
// Options (flags or environment): --count N / PUBLISHER_COUNT (4), --duration S /
// PUBLISHER_DURATION_S (seconds the viewer watches after everyone decodes; 15), PUBLISHER_DEBUG=1
// shows the page's console and the publisher's log, PUBLISHER_SCREENSHOT=file.png saves the viewer
// page at the end of the watch.
//
// Network: pion (the publisher's WebRTC) never offers loopback ICE candidates, so the namespace also
// holds a bridge with no ports and the address 10.203.0.1/32: pion offers that, and the kernel
// delivers it locally through `lo`. Nothing can leave the namespace.
import { RoomServiceClient } from 'livekit-server-sdk';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CHROMIUM, QUIET_FLAGS } from '../../scripts/chromium.mjs';
import { findServerBinary, startServer } from '../../scripts/livekit-server.mjs';
import { canUnshare, rerunInNamespace } from '../../scripts/netns.mjs';
import { ensurePublisher, startPublisher } from '../../scripts/publisher.mjs';
import { mintToken } from '../../scripts/token-endpoint.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values: flags } = parseArgs({ options: { count: { type: 'string' }, duration: { type: 'string' } } });
const COUNT = Number(flags.count ?? process.env.PUBLISHER_COUNT ?? 4);
const WATCH_S = Number(flags.duration ?? process.env.PUBLISHER_DURATION_S ?? 15);
const DEBUG = !!process.env.PUBLISHER_DEBUG;
const WATCHDOG_MS = (4 * 60 + WATCH_S) * 1000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function viewerPage({ url, token, count }) {
  return `<!doctype html>
<html><head><meta charset="utf-8"><title>publisher check</title>
<style>body { margin: 0; display: grid; grid-template-columns: repeat(4, 1fr); } video { width: 100%; }</style></head>
<body>
<script type="module">
  import { Room, RoomEvent, Track, VideoQuality } from '/livekit-client.mjs';
  const room = new Room({ adaptiveStream: false, dynacast: false });
  const speakers = [];
  const videos = new Map();
  room.on(RoomEvent.ActiveSpeakersChanged, (list) => {
    const first = list[0]?.identity;
    if (first && speakers.at(-1) !== first) speakers.push(first);
  });
  room.on(RoomEvent.TrackSubscribed, (track, publication, participant) => {
    if (track.kind !== Track.Kind.Video) return;
    // Many tiles: the small layer is enough to show the video decodes, and lighter on the machine.
    if (${count} > 4) publication.setVideoQuality(VideoQuality.LOW);
    const video = track.attach();
    video.muted = true;
    document.body.append(video);
    videos.set(participant.identity, video);
  });
  globalThis.sample = async () => {
    const people = [];
    for (const participant of room.remoteParticipants.values()) {
      const entry = { identity: participant.identity, name: participant.name, frames: 0, width: 0, audioBytes: 0, audioPackets: 0 };
      entry.cameraMuted = participant.getTrackPublication(Track.Source.Camera)?.isMuted ?? null;
      entry.micMuted = participant.getTrackPublication(Track.Source.Microphone)?.isMuted ?? null;
      const video = videos.get(participant.identity);
      entry.frames = video?.getVideoPlaybackQuality?.().totalVideoFrames ?? 0;
      entry.width = video?.videoWidth ?? 0;
      for (const publication of participant.trackPublications.values()) {
        const receiver = publication.track?.receiver;
        if (!receiver) continue;
        (await receiver.getStats()).forEach((s) => {
          if (s.type !== 'inbound-rtp') return;
          if (s.kind === 'audio') {
            entry.audioBytes += s.bytesReceived ?? 0;
            entry.audioPackets += s.packetsReceived ?? 0;
          } else {
            entry.video = { decoded: s.framesDecoded, received: s.framesReceived, dropped: s.framesDropped, keyFrames: s.keyFramesDecoded, lost: s.packetsLost, nacks: s.nackCount, plis: s.pliCount, firs: s.firCount, width: s.frameWidth };
          }
        });
      }
      people.push(entry);
    }
    return { state: room.state, people, speakers: [...speakers] };
  };
  room.connect(${JSON.stringify(url)}, ${JSON.stringify(token)}).catch((err) => (globalThis.connectError = String(err)));
</script>
</body></html>`;
}

function startPageServer(page) {
  const client = readFileSync(path.join(root, 'node_modules', 'livekit-client', 'dist', 'livekit-client.esm.mjs'));
  const http = createServer((req, res) => {
    if (req.url === '/livekit-client.mjs') res.writeHead(200, { 'content-type': 'text/javascript' }).end(client);
    else if (req.url === '/') res.writeHead(200, { 'content-type': 'text/html' }).end(page);
    else res.writeHead(404).end();
  });
  return new Promise((resolve) => http.listen(0, '127.0.0.1', () => resolve({ http, origin: `http://127.0.0.1:${http.address().port}` })));
}

// CPU time of a process (user + system), in clock ticks; null where /proc is not there.
const CLOCK_TICKS = 100;
function cpuTicks(pid) {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return null;
  }
}

async function waitFor(condition, what, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await sleep(500);
  }
}

async function run() {
  const { bin, mediaDir } = await ensurePublisher();
  const server = await startServer();
  const cleanups = [() => server.stop()];
  const cleanup = async () => {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
  };
  const watchdog = setTimeout(() => {
    console.error(`publisher: gave up after ${Math.round(WATCHDOG_MS / 1000)} s.`);
    void cleanup().then(() => process.exit(1));
  }, WATCHDOG_MS);
  try {
    const room = `publisher-${randomBytes(4).toString('hex')}`;
    const started = Date.now();
    const pub = startPublisher({ bin, mediaDir, url: server.url, apiKey: server.apiKey, apiSecret: server.apiSecret, room, count: COUNT, duration: `${WATCHDOG_MS / 1000}s` });
    cleanups.push(() => pub.stop());

    await pub.ready.catch((err) => Promise.reject(new Error(`${err.message}\n--- publisher ---\n${pub.log()}`)));
    const readyS = ((Date.now() - started) / 1000).toFixed(1);

    const { participant_token: token } = await mintToken(server, { room_name: room, participant_identity: 'viewer' });
    const site = await startPageServer(viewerPage({ url: server.url, token, count: COUNT }));
    cleanups.push(() => new Promise((resolve) => site.http.close(resolve)));
    const { default: puppeteer } = await import('puppeteer-core');
    const browser = await puppeteer.launch({
      executablePath: CHROMIUM,
      headless: true,
      dumpio: DEBUG,
      args: [...QUIET_FLAGS, '--allow-loopback-in-peer-connection', '--disable-features=WebRtcHideLocalIpsWithMdns', '--autoplay-policy=no-user-gesture-required'],
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    page.on('pageerror', (err) => console.error(`page error: ${err.message}`));
    if (DEBUG) page.on('console', (message) => console.error(`console.${message.type()}: ${message.text()}`));
    await page.goto(site.origin);

    let last;
    const decoding = () => last.people.filter((p) => p.width > 0 && p.frames > 0).length;
    await waitFor(async () => {
      last = await page.evaluate(() => globalThis.sample?.());
      const failed = await page.evaluate(() => globalThis.connectError);
      if (failed) throw new Error(`the viewer could not connect: ${failed}`);
      return last && last.people.length >= COUNT && decoding() >= COUNT;
    }, `${COUNT} publishers' video decoding in the viewer`, 120_000).catch((err) => {
      throw new Error(`${err.message}: ${last?.people.length ?? 0} remote participants, ${last ? decoding() : 0} decoding`);
    });
    const first = last;
    const cpuBefore = { ticks: cpuTicks(pub.pid), at: Date.now() };
    await sleep(WATCH_S * 1000);
    last = await page.evaluate(() => globalThis.sample());
    const cpuPercent = cpuBefore.ticks === null ? null : Math.round(((cpuTicks(pub.pid) - cpuBefore.ticks) / CLOCK_TICKS / ((Date.now() - cpuBefore.at) / 1000)) * 100);
    if (process.env.PUBLISHER_SCREENSHOT) await page.screenshot({ path: process.env.PUBLISHER_SCREENSHOT });

    const before = new Map(first.people.map((p) => [p.identity, p]));
    const rows = last.people
      .filter((p) => pub.identities.includes(p.identity))
      .sort((a, b) => pub.identities.indexOf(a.identity) - pub.identities.indexOf(b.identity))
      .map((p) => ({
        identity: p.identity,
        name: p.name,
        width: p.width,
        fps: +((p.frames - (before.get(p.identity)?.frames ?? 0)) / WATCH_S).toFixed(1),
        audioKbps: Math.round(((p.audioBytes - (before.get(p.identity)?.audioBytes ?? 0)) * 8) / WATCH_S / 1000),
      }));
    const speakers = last.speakers;
    const told = pub.events.filter((e) => e.event === 'speaking').map((e) => e.identity);
    const cpu = cpuPercent === null ? '' : `; the publisher process used ${cpuPercent}% of one core meanwhile`;
    console.log(`\n${COUNT} publishers ready in ${readyS} s; viewer watched ${WATCH_S} s${cpu}.`);
    console.table(rows);
    if (DEBUG) console.error(`${JSON.stringify(last.people.map((p) => ({ id: p.identity, ...p.video })))}\n--- publisher ---\n${pub.log()}`);
    console.log(`publisher's speakers: ${told.join(' → ')}`);
    console.log(`server's active speakers seen by the viewer: ${speakers.join(' → ') || '(none)'}`);

    const problems = [];
    const missing = pub.identities.filter((id) => !rows.some((r) => r.identity === id));
    if (missing.length) problems.push(`not in the viewer's room: ${missing.join(', ')}`);
    const still = rows.filter((r) => r.fps <= 0 || r.width <= 0);
    if (still.length) problems.push(`video not decoding: ${still.map((r) => r.identity).join(', ')}`);
    // Not a failure (the viewer shares the machine), but worth a look: a layer well below its rate.
    const nominal = { 320: 15, 640: 20, 1280: 30 };
    const slow = rows.filter((r) => r.fps > 0 && r.fps < (nominal[r.width] ?? 15) / 3);
    if (slow.length) console.error(`note: decoding below a third of the layer's frame rate: ${slow.map((r) => `${r.identity} ${r.fps} fps`).join(', ')} (a busy machine, or the publisher's pacing)`);
    const silent = rows.filter((r) => r.audioKbps <= 0);
    if (silent.length) problems.push(`no audio received: ${silent.map((r) => r.identity).join(', ')}`);
    const distinct = new Set(speakers);
    if (COUNT > 1 && distinct.size < 2) problems.push(`the active speaker did not change (${[...distinct].join(', ') || 'none'})`);
    const strangers = [...distinct].filter((id) => !pub.identities.includes(id));
    if (strangers.length) problems.push(`active speakers that are not publishers: ${strangers.join(', ')}`);
    const errors = pub.events.filter((e) => e.event === 'error');
    if (errors.length) problems.push(`publisher errors: ${errors.map((e) => e.message).join('; ')}`);

    // The stdin commands, as the viewer sees them.
    const target = pub.identities[0];
    const leaver = pub.identities.at(-1);
    const person = async (identity) => (await page.evaluate(() => globalThis.sample())).people.find((p) => p.identity === identity);
    const controls = [
      ['mute video', async () => (await person(target))?.cameraMuted === true],
      ['unmute video', async () => (await person(target))?.cameraMuted === false],
      ['mute audio', async () => (await person(target))?.micMuted === true],
      ['unmute audio', async () => (await person(target))?.micMuted === false],
    ];
    for (const [command, seen] of controls) {
      const from = pub.events.length;
      pub.command(`${command} ${target}`);
      const [verb, kind] = command.split(' ');
      try {
        await pub.waitFor((e) => pub.events.indexOf(e) >= from && e.event === `${verb}d` && e.identity === target && e.kind === kind, 10_000);
        await waitFor(seen, `the viewer to see ${target}'s ${kind} ${verb}d`, 15_000);
      } catch (err) {
        problems.push(`${command} ${target}: ${err.message.split('\n')[0]}`);
      }
    }
    const mark = pub.events.length;
    pub.command('no such command');
    await pub.waitFor((e) => pub.events.indexOf(e) >= mark && e.event === 'error', 10_000).catch(() => problems.push('an unknown command gave no error event'));
    if (COUNT > 1) {
      pub.command(`leave ${leaver}`);
      try {
        await pub.waitFor((e) => e.event === 'left' && e.identity === leaver, 10_000);
        await waitFor(async () => !(await person(leaver)), `${leaver} to leave the viewer's room`, 15_000);
      } catch (err) {
        problems.push(`leave ${leaver}: ${err.message.split('\n')[0]}`);
      }
    }
    if (COUNT > 2) {
      // A participant the server removes is reported as left, with the reason.
      const removed = pub.identities.at(-2);
      try {
        await new RoomServiceClient(server.url.replace(/^ws/, 'http'), server.apiKey, server.apiSecret).removeParticipant(room, removed);
        await pub.waitFor((e) => e.event === 'left' && e.identity === removed && !!e.reason, 10_000);
      } catch (err) {
        problems.push(`${removed} removed by the server: ${err.message.split('\n')[0]}`);
      }
    }
    await pub.stop();
    const code = await pub.exited;
    if (!pub.events.some((e) => e.event === 'done') || code !== 0) problems.push(`the publisher did not end cleanly on quit (exit ${code})`);
    const removal = COUNT > 2 ? `, ${pub.identities.at(-2)} removed by the server` : '';
    console.log(`commands: mute/unmute video and audio of ${target}${COUNT > 1 ? `, leave ${leaver}` : ''}, an unknown command, quit${removal}: ${problems.length ? 'see below' : 'as expected'}.`);

    if (problems.length) {
      console.error(`FAIL\n- ${problems.join('\n- ')}\n--- publisher (end of its log) ---\n${pub.log().slice(-3000)}`);
      return 1;
    }
    console.log(`PASS: ${COUNT} publishers, video decoding and audio arriving from each, ${distinct.size} distinct active speakers, commands seen by the viewer.`);
    return 0;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Outside the namespace: build what needs the network, then run again inside a loopback-only one. */
async function main() {
  if (process.platform === 'linux' && !process.env.LKE_IN_NETNS && !process.env.LIVEKIT_URL) {
    findServerBinary();
    await ensurePublisher();
    if (canUnshare()) return rerunInNamespace(fileURLToPath(import.meta.url), process.argv.slice(2));
    console.error('unshare is not permitted here: the check runs in the normal network namespace (pion then needs a non-loopback address).');
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
