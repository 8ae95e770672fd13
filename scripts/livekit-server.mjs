// Finds (or builds once) a LiveKit server, runs it on loopback, and stops it again.
//
// Used by the demo (`npm start`), the tests (`npm test`) and CI. Order of preference:
//   1. LIVEKIT_URL + LIVEKIT_API_KEY + LIVEKIT_API_SECRET: an external deployment, nothing is started.
//   2. LIVEKIT_SERVER_BIN: a server binary you already have.
//   3. `livekit-server` on PATH.
//   4. A server built once from its Go module into a cache folder outside the clone.
//
// CLI: `node scripts/livekit-server.mjs install` makes sure a binary exists (prints its path);
//      `node scripts/livekit-server.mjs` runs a server in the foreground until Ctrl+C.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import dgram from 'node:dgram';
import net from 'node:net';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SERVER_MODULE = 'github.com/livekit/livekit-server/cmd/server@v1.13.5';
export const DEV_API_KEY = 'devkey';
// Long enough for the server's 32-character check; a development secret, never for production.
export const DEV_API_SECRET = 'livekit-elements-development-secret';

const cacheDir = path.join(
  process.env.XDG_CACHE_HOME || path.join(homedir(), '.cache'),
  'livekit-elements',
);

const HOW_TO_INSTALL = `How to get a LiveKit server:
  - install Go (https://go.dev/dl/) and run this again: it builds ${SERVER_MODULE} into ${cacheDir}, or
  - install livekit-server yourself (https://docs.livekit.io/home/self-hosting/local/) and put it on PATH,
    or point LIVEKIT_SERVER_BIN at it, or
  - use an existing deployment: set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET.`;

/** An external deployment named by the environment, or null. */
export function externalServer(env = process.env) {
  const { LIVEKIT_URL: url, LIVEKIT_API_KEY: apiKey, LIVEKIT_API_SECRET: apiSecret } = env;
  if (!url && !apiKey && !apiSecret) return null;
  if (!url || !apiKey || !apiSecret) {
    throw new Error(
      'LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET must be set together to use an external LiveKit deployment.',
    );
  }
  return { url, apiKey, apiSecret, external: true };
}

function onPath(name) {
  for (const dir of (process.env.PATH || '').split(path.delimiter)) {
    const candidate = path.join(dir, name);
    if (dir && existsSync(candidate)) return candidate;
  }
  return null;
}

/** The path of a LiveKit server binary, building it once with `go install` if there is none. */
export function findServerBinary({ install = true, log = console.error } = {}) {
  const fromEnv = process.env.LIVEKIT_SERVER_BIN;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`LIVEKIT_SERVER_BIN=${fromEnv} does not exist.\n${HOW_TO_INSTALL}`);
    return fromEnv;
  }
  const found = onPath('livekit-server');
  if (found) return found;
  const cached = path.join(cacheDir, 'server');
  if (existsSync(cached)) return cached;
  if (!install) throw new Error(`No LiveKit server binary found.\n${HOW_TO_INSTALL}`);
  if (!onPath('go')) throw new Error(`No LiveKit server binary found and Go is not installed.\n${HOW_TO_INSTALL}`);
  mkdirSync(cacheDir, { recursive: true });
  log(`Building the LiveKit server once (${SERVER_MODULE}) into ${cacheDir}; this takes a few minutes…`);
  const result = spawnSync('go', ['install', SERVER_MODULE], {
    stdio: 'inherit',
    env: { ...process.env, GOBIN: cacheDir, CGO_ENABLED: '0' },
  });
  if (result.status !== 0 || !existsSync(cached)) {
    throw new Error(`'go install ${SERVER_MODULE}' failed (exit ${result.status}).\n${HOW_TO_INSTALL}`);
  }
  return cached;
}

function portIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, host, () => probe.close(() => resolve(true)));
  });
}

function udpPortIsFree(port, host = '127.0.0.1') {
  return new Promise((resolve) => {
    const probe = dgram.createSocket('udp4');
    probe.once('error', () => {
      probe.close();
      resolve(false);
    });
    probe.bind(port, host, () => probe.close(() => resolve(true)));
  });
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** Three free ports (signal, ICE/TCP, ICE/UDP), the usual 7880-7882 when they are free. */
async function pickPorts(preferred = 7880) {
  const wanted = [preferred, preferred + 1, preferred + 2];
  const free = await Promise.all(wanted.map((p) => portIsFree(p)));
  if (free.every(Boolean)) return wanted;
  const busy = wanted.filter((_, i) => !free[i]);
  const ports = [await freePort(), await freePort(), await freePort()];
  console.error(`Port(s) ${busy.join(', ')} on 127.0.0.1 are busy; the LiveKit server uses ${ports.join(', ')} instead.`);
  return ports;
}

/** The loopback-only configuration the server runs with. */
export function loopbackConfig({ port, tcpPort, udpPort, apiKey, apiSecret, dynacastPauseDelay = '1s' }) {
  return [
    `port: ${port}`,
    'bind_addresses: [127.0.0.1]',
    'keys:',
    `  ${apiKey}: ${apiSecret}`,
    'rtc:',
    `  tcp_port: ${tcpPort}`,
    `  udp_port: ${udpPort}`,
    '  use_external_ip: false',
    '  node_ip: 127.0.0.1',
    '  enable_loopback_candidate: true',
    'video:',
    `  dynacast_pause_delay: ${dynacastPauseDelay}`,
    'logging:',
    '  level: warn',
    '',
  ].join('\n');
}

async function waitUntilServing(httpUrl, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the LiveKit server exited early (code ${child.exitCode}).`);
    try {
      const res = await fetch(httpUrl);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`the LiveKit server did not answer on ${httpUrl} within ${timeoutMs / 1000}s.`);
}

/** Waits until the signal and ICE/TCP ports accept a listener and the ICE/UDP port a bind, or throws. */
async function waitForFreePorts([port, tcpPort, udpPort], timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const free = await Promise.all([portIsFree(port), portIsFree(tcpPort), udpPortIsFree(udpPort)]);
    if (free.every(Boolean)) return;
    if (Date.now() > deadline) {
      const busy = [port, tcpPort, udpPort].filter((_, i) => !free[i]);
      throw new Error(`the LiveKit server cannot start on its fixed ports: ${busy.join(', ')} on 127.0.0.1 still busy after ${timeoutMs / 1000}s.`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

const hasExited = (child) => child.exitCode !== null || child.signalCode !== null;

/** Resolves true once `child` has exited, false after `timeoutMs`. */
function exitOf(child, timeoutMs) {
  if (hasExited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(hasExited(child)), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * Starts a LiveKit server on loopback (or returns the external deployment from the environment).
 *
 * Options: `port`, the first of three consecutive ports to prefer (others are picked when they are
 * busy); `ports: [signal, iceTcp, iceUdp]`, fixed ports, an error when they stay busy; `local`, start
 * a server even when LIVEKIT_URL names a deployment; `quiet`, the server's log to a file.
 *
 * Resolves to `{ url, apiKey, apiSecret, external, ports, logFile, stop }`, and for a local server
 * also: `kill()` (SIGKILL, waits for the exit), `start()` (runs it again on the same ports, waits
 * until it answers), `restart()` (kill, then start), `signal(name)` (`SIGSTOP`, `SIGCONT`), and the
 * `running` and `pid` getters. `stop()` ends the process (a stopped one too) and waits for it.
 */
export async function startServer({ port: preferred = 7880, ports: fixedPorts, local = false, quiet = true } = {}) {
  const external = local ? null : externalServer();
  if (external) return { ...external, stop: async () => {} };

  const bin = findServerBinary();
  const ports = fixedPorts ? [...fixedPorts] : await pickPorts(preferred);
  const [port, tcpPort, udpPort] = ports;
  const config = loopbackConfig({ port, tcpPort, udpPort, apiKey: DEV_API_KEY, apiSecret: DEV_API_SECRET });
  // Quiet: the server's log goes to a file (each run after the first appended), shown if it fails to start.
  const logFile = path.join(tmpdir(), `livekit-elements-server-${port}.log`);
  let child = null;
  let runs = 0;

  const running = () => child !== null && !hasExited(child);
  process.once('exit', () => running() && child.kill('SIGKILL'));

  async function start() {
    if (running()) return;
    if (fixedPorts || runs > 0) await waitForFreePorts(ports);
    const fd = quiet ? openSync(logFile, runs === 0 ? 'w' : 'a') : null;
    runs++;
    child = spawn(bin, ['--config-body', config], { stdio: ['ignore', fd ?? 'inherit', fd ?? 'inherit'] });
    if (fd !== null) closeSync(fd);
    try {
      await waitUntilServing(`http://127.0.0.1:${port}/`, child);
    } catch (err) {
      await stop();
      if (quiet) err.message += `\n--- ${logFile} ---\n${readFileSync(logFile, 'utf8').slice(-4000)}`;
      throw err;
    }
  }

  async function stop() {
    if (!running()) return;
    const current = child;
    // A stopped (SIGSTOP) server acts on SIGTERM only once it runs again.
    current.kill('SIGCONT');
    // The first signal asks the server to drain its rooms; a second one makes it stop now.
    current.kill('SIGTERM');
    setTimeout(() => !hasExited(current) && current.kill('SIGTERM'), 200);
    if (!(await exitOf(current, 5000))) {
      current.kill('SIGKILL');
      await exitOf(current, 5000);
    }
  }

  async function kill() {
    if (!running()) return;
    const current = child;
    current.kill('SIGKILL');
    if (!(await exitOf(current, 5000))) throw new Error(`the LiveKit server (pid ${current.pid}) did not exit within 5 s of SIGKILL.`);
  }

  await start();
  return {
    url: `ws://127.0.0.1:${port}`,
    apiKey: DEV_API_KEY,
    apiSecret: DEV_API_SECRET,
    external: false,
    ports,
    logFile: quiet ? logFile : undefined,
    stop,
    kill,
    start,
    restart: async () => {
      await kill();
      await start();
    },
    signal: (name) => running() && child.kill(name),
    get running() {
      return running();
    },
    get pid() {
      return running() ? child.pid : undefined;
    },
  };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  try {
    if (process.argv[2] === 'install') {
      console.log(externalServer() ? 'external deployment in LIVEKIT_URL' : findServerBinary());
    } else {
      const server = await startServer({ quiet: false });
      console.log(`LiveKit server on ${server.url} (API key ${server.apiKey}). Ctrl+C stops it.`);
      const shutdown = async () => {
        await server.stop();
        process.exit(0);
      };
      process.on('SIGINT', shutdown);
      process.on('SIGTERM', shutdown);
    }
  } catch (err) {
    console.error(String(err.message ?? err));
    process.exit(1);
  }
}
