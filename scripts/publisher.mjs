// Drives tools/publisher: simulated participants that join a LiveKit room and publish pre-encoded
// VP8 simulcast video and Opus audio (see docs/publisher.md).
//
//   const { bin, mediaDir } = await ensurePublisher();   // outside the network namespace
//   const pub = startPublisher({ bin, mediaDir, url, apiKey, apiSecret, room, count: 4 });
//   await pub.ready;                                     // everyone joined and published
//   pub.command('mute video pub-2');
//   await pub.waitFor((e) => e.event === 'muted' && e.identity === 'pub-2', 10_000);
//   await pub.stop();
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, QUIET_FLAGS } from './chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'tools', 'publisher');
const cacheDir = path.join(process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'), 'livekit-elements');
const MEDIA_DIR = path.join(cacheDir, 'publisher-media-v1');
const READY_TIMEOUT_MS = 90_000;
const STDERR_KEEP = 8000;

/** A hash of the Go sources, go.mod and go.sum: the cached binary's name changes with them. */
function sourceHash() {
  const hash = createHash('sha256');
  const files = readdirSync(sourceDir).filter((f) => (f.endsWith('.go') && !f.endsWith('_test.go')) || f === 'go.mod' || f === 'go.sum').sort();
  for (const file of files) hash.update(file).update('\0').update(readFileSync(path.join(sourceDir, file))).update('\0');
  return hash.digest('hex').slice(0, 16);
}

function buildBinary() {
  const bin = path.join(cacheDir, `publisher-${sourceHash()}`);
  if (existsSync(bin)) return bin;
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${bin}.tmp-${process.pid}`;
  console.error(`Building tools/publisher into ${bin} (once)…`);
  const result = spawnSync('go', ['build', '-o', tmp, '.'], { cwd: sourceDir, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, CGO_ENABLED: '0' } });
  if (result.status !== 0 || !existsSync(tmp)) {
    rmSync(tmp, { force: true });
    throw new Error(`go build in tools/publisher failed (exit ${result.status ?? result.error?.message}). Go 1.26+ and the Go module proxy are needed once.`);
  }
  renameSync(tmp, bin); // atomic: a concurrent build of the same source just replaces it
  return bin;
}

async function generateMedia() {
  const { MEDIA_FILES, writePublisherMedia } = await import('../tools/publisher/media.mjs');
  if (MEDIA_FILES.every((f) => existsSync(path.join(MEDIA_DIR, f)))) return MEDIA_DIR;
  const tmp = `${MEDIA_DIR}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
  console.error(`Encoding the publisher's media into ${MEDIA_DIR} (once; a minute or two)…`);
  const { default: puppeteer } = await import('puppeteer-core');
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: QUIET_FLAGS });
  try {
    await writePublisherMedia(browser, tmp);
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  } finally {
    await browser.close();
  }
  // Another process may have finished first: keep its files (a publisher may be reading them).
  if (MEDIA_FILES.every((f) => existsSync(path.join(MEDIA_DIR, f)))) {
    rmSync(tmp, { recursive: true, force: true });
  } else {
    rmSync(MEDIA_DIR, { recursive: true, force: true });
    renameSync(tmp, MEDIA_DIR);
  }
  return MEDIA_DIR;
}

/**
 * Builds the publisher binary and encodes its media, each once (cached under
 * ~/.cache/livekit-elements, or $XDG_CACHE_HOME). Run it outside a network namespace: the first
 * build needs the Go module proxy. Resolves to `{ bin, mediaDir }`.
 */
export async function ensurePublisher() {
  const bin = buildBinary();
  const mediaDir = await generateMedia();
  return { bin, mediaDir };
}

/** A Go duration: strings as they are ('90s', '2m'), numbers as seconds. */
const goDuration = (value) => (typeof value === 'number' ? `${value}s` : String(value));

/** The publisher's command line for the options of startPublisher. */
export function publisherArgs({ mediaDir, url, apiKey, apiSecret, room, count = 1, video = true, audio = true, speaking = 'rotate', names, identityPrefix = 'pub', duration = '120s', leaveAfter, leaveWave, leaveInterval, joinRate, speakPeriod, logLevel }) {
  for (const [name, value] of Object.entries({ mediaDir, url, apiKey, apiSecret, room })) {
    if (!value) throw new Error(`startPublisher: ${name} is required.`);
  }
  const args = ['--url', url, '--api-key', apiKey, '--api-secret', apiSecret, '--room', room, '--media', mediaDir,
    '--count', String(count), `--video=${!!video}`, `--audio=${!!audio}`, '--speaking', speaking,
    '--identity-prefix', identityPrefix, '--duration', goDuration(duration)];
  if (names) args.push('--names', Array.isArray(names) ? names.join(',') : String(names));
  if (leaveAfter) args.push('--leave-after', goDuration(leaveAfter));
  if (leaveWave) args.push('--leave-wave', String(leaveWave));
  if (leaveInterval) args.push('--leave-interval', goDuration(leaveInterval));
  if (joinRate) args.push('--join-rate', String(joinRate));
  if (speakPeriod) args.push('--speak-period', goDuration(speakPeriod));
  if (logLevel) args.push('--log-level', logLevel);
  return args;
}

/**
 * Runs the program with `args` and reads its events (see startPublisher for the handle); `readyWhen`
 * picks the event that resolves `ready`.
 */
function startProgram(bin, args, readyWhen) {
  const child = spawn(bin, args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const events = [];
  const waiters = new Set();
  let stderr = '';
  let stdoutRest = '';

  const onEvent = (event) => {
    events.push(event);
    for (const waiter of [...waiters]) waiter(event);
  };
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    const lines = (stdoutRest + chunk).split('\n');
    stdoutRest = lines.pop();
    for (const line of lines) {
      if (!line.trim()) continue;
      try {
        onEvent(JSON.parse(line));
      } catch {
        stderr = (stderr + `unparsed stdout: ${line}\n`).slice(-STDERR_KEEP);
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => (stderr = (stderr + chunk).slice(-STDERR_KEEP)));
  child.stdin.on('error', () => {}); // EPIPE once it exited

  const exited = new Promise((resolve) => {
    child.once('error', (err) => {
      stderr += `\n${err.message}`;
      resolve(-1);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : -1)));
  });
  // Never outlive this process: the publisher also exits when its stdin closes.
  const killOnExit = () => child.exitCode === null && child.kill('SIGKILL');
  process.once('exit', killOnExit);
  void exited.then(() => process.off('exit', killOnExit));

  function waitFor(predicate, timeoutMs = 30_000) {
    const found = events.find(predicate);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const done = (fn, value) => {
        waiters.delete(waiter);
        clearTimeout(timer);
        fn(value);
      };
      const waiter = (event) => predicate(event) && done(resolve, event);
      const timer = setTimeout(() => done(reject, new Error(`publisher: no matching event within ${timeoutMs / 1000} s.\n${stderr.slice(-2000)}`)), timeoutMs);
      waiters.add(waiter);
      void exited.then((code) => {
        const errors = events.filter((e) => e.event === 'error').map((e) => `\n  ${e.message}`).join('');
        done(reject, new Error(`publisher exited (code ${code}) before a matching event.${errors}\n${stderr.slice(-2000)}`));
      });
    });
  }

  const ready = waitFor(readyWhen, READY_TIMEOUT_MS).then(() => {});
  ready.catch(() => {}); // a caller that never awaits `ready` sees no unhandled rejection

  const command = (line) => {
    if (child.exitCode === null && child.stdin.writable) child.stdin.write(`${line}\n`);
  };

  return {
    ready,
    events,
    waitFor,
    exited,
    command,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      command('quit');
      child.stdin.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
    log: () => stderr,
    pid: child.pid,
  };
}

/**
 * Starts the publisher: `count` participants `${identityPrefix}-1` … join `room` and publish.
 * Options: `bin`, `mediaDir` (from ensurePublisher), `url`, `apiKey`, `apiSecret`, `room`; `count`
 * (1), `video`, `audio` (true), `speaking` ('rotate' | 'all' | 'none'), `speakPeriod`, `names`
 * (array or comma list), `identityPrefix` ('pub'), `duration` ('120s'), `leaveAfter`, `leaveWave`,
 * `leaveInterval`, `joinRate` (per second), `logLevel`. Durations are Go durations ('90s', '2m')
 * or numbers of seconds.
 * Returns a handle:
 * - `identities`: the identities, in joining order;
 * - `ready`: resolves once everyone joined and published; rejects if the process exits first, or
 *   after 90 s;
 * - `events`: every event so far (parsed JSON lines), `waitFor(predicate, timeoutMs)` the first
 *   event (past or future) matching `predicate`;
 * - `command(line)`: one stdin command (`mute video pub-3`, `unmute audio pub-3`, `leave pub-3`, `quit`);
 * - `stop()`: sends `quit`, kills the process after 5 s, resolves once it exited;
 * - `log()`: the end of its stderr; `exited`: a promise of its exit code.
 */
export function startPublisher(options) {
  const { bin, count = 1, identityPrefix = 'pub' } = options;
  if (!bin) throw new Error('startPublisher: bin is required (from ensurePublisher()).');
  const identities = Array.from({ length: count }, (_, i) => `${identityPrefix}-${i + 1}`);
  return { identities, ...startProgram(bin, publisherArgs(options), (e) => e.event === 'ready') };
}

/** The command line of the simulated agent for the options of startAgent. */
export function agentArgs({ mediaDir, url, apiKey, apiSecret, agentName, room, identity, deltaInterval, auto = false, duration = '300s', logLevel }) {
  for (const [name, value] of Object.entries({ mediaDir, url, apiKey, apiSecret, agentName })) {
    if (!value) throw new Error(`startAgent: ${name} is required.`);
  }
  const args = ['--agent', agentName, '--url', url, '--api-key', apiKey, '--api-secret', apiSecret, '--media', mediaDir, '--duration', goDuration(duration)];
  if (room) args.push('--room', room);
  if (identity) args.push('--agent-identity', identity);
  if (auto) args.push('--agent-auto');
  if (deltaInterval !== undefined) args.push('--delta-interval', typeof deltaInterval === 'number' ? `${deltaInterval}ms` : String(deltaInterval));
  if (logLevel) args.push('--log-level', logLevel);
  return args;
}

/**
 * Starts the simulated LiveKit Agents agent (the publisher with `--agent`, docs/publisher.md):
 * it registers as a worker for `agentName` and waits to be dispatched, or, given `room`, joins that
 * room directly. Options: `bin`, `mediaDir`, `url`, `apiKey`, `apiSecret`, `agentName` (required);
 * `room`, `identity` (with `room`; default `agent-<agentName>`), `deltaInterval` (ms or a Go
 * duration; 150 ms), `auto` (it greets and answers each turn of the user's speech by itself),
 * `duration` ('300s'), `logLevel`. The handle is startPublisher's without
 * `identities`; `ready` resolves once registered (with `room`: once in the room, listening).
 * Commands: `state thinking`, `say Hello there`, `hear What time is it`, `leave`, `quit`.
 */
export function startAgent(options) {
  const { bin, room } = options;
  if (!bin) throw new Error('startAgent: bin is required (from ensurePublisher()).');
  const readyWhen = room ? (e) => e.event === 'state' && e.state === 'listening' : (e) => e.event === 'registered';
  return startProgram(bin, agentArgs(options), readyWhen);
}
