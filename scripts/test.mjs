// `npm test`: runs the whole suite (or `npm test -- --group e2e`) against a real LiveKit server.
//
// On Linux the browser and the server run inside a private network namespace that holds only
// loopback, so no media can leave the machine over another interface: as root `unshare -n`,
// otherwise `unshare -rn`. The server binary is found or built before entering it (building needs
// the network), and so is the backend publisher (tools/publisher) of the `backend` group. The
// namespace also holds a bridge with no ports and the address 10.203.0.1/32: the publisher's WebRTC
// stack (pion) never offers loopback candidates, so it offers that address, which the kernel
// delivers locally through `lo`; nothing can leave. Elsewhere (macOS), or with an external
// deployment in LIVEKIT_URL, it runs as is.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findServerBinary, externalServer, startServer } from './livekit-server.mjs';
import { NAMESPACE_SETUP } from './netns.mjs';
import { ensurePublisher } from './publisher.mjs';

const args = process.argv.slice(2);

/** Groups that a run of every group runs on their own, after the others. */
const ALONE = ['firefox'];

function run(cmd, cmdArgs, env = process.env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, cmdArgs, { stdio: 'inherit', env });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function canUnshare(flags) {
  return spawnSync('unshare', [...flags, 'true'], { stdio: 'ignore' }).status === 0;
}

/** Debian's Chromium, installed with apt-get when missing and we may (root on Debian). */
function ensureChromium() {
  const bin = process.env.CHROMIUM_BIN || '/usr/bin/chromium';
  if (existsSync(bin)) return;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (!apt || process.getuid?.() !== 0) {
    throw new Error(`No Chromium at ${bin}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_BIN.`);
  }
  console.error('Installing Chromium from Debian packages…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const cmd of [['apt-get', 'update', '-qq'], ['apt-get', 'install', '-y', '-qq', 'chromium']]) {
    if (spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit', env }).status !== 0) throw new Error(`'${cmd.join(' ')}' failed.`);
  }
}

/** The self-contained bundle, which the bundle test loads as a page would. */
function buildBundle() {
  const vite = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--mode', 'bundle', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (vite.status !== 0) throw new Error('Building dist/livekit-elements.js failed.');
}

/** The backend publisher's binary and media, when the run includes the `backend` group. */
async function preparePublisher() {
  const group = args.includes('--group') ? args[args.indexOf('--group') + 1] : undefined;
  if (process.env.LKE_PUBLISHER_BIN || (group && group !== 'backend')) return;
  const { bin, mediaDir } = await ensurePublisher();
  process.env.LKE_PUBLISHER_BIN = bin;
  process.env.LKE_PUBLISHER_MEDIA = mediaDir;
}

async function main() {
  if (!process.env.LKE_IN_NETNS) {
    ensureChromium();
    buildBundle();
    await preparePublisher();
  }
  const external = externalServer();
  if (!external && process.platform === 'linux' && !process.env.LKE_IN_NETNS) {
    findServerBinary();
    const flags = process.getuid?.() === 0 ? ['-n'] : ['-rn'];
    if (canUnshare(flags)) {
      const inner = `${NAMESPACE_SETUP} && exec "${process.execPath}" scripts/test.mjs "$@"`;
      return run('unshare', [...flags, 'sh', '-c', inner, 'sh', ...args], {
        ...process.env,
        LKE_IN_NETNS: '1',
      });
    }
    console.error('unshare is not permitted here: the tests run in the normal network namespace.');
  }

  const server = await startServer();
  const env = {
    ...process.env,
    LIVEKIT_URL: server.url,
    LIVEKIT_API_KEY: server.apiKey,
    LIVEKIT_API_SECRET: server.apiSecret,
    // The faults group starts a server of its own, which it can kill: only next to a local one.
    LKE_LOCAL_SERVER: server.external ? '' : '1',
  };
  const wtr = (wtrArgs, extra = {}) => run(process.execPath, ['node_modules/@web/test-runner/dist/bin.js', ...wtrArgs], { ...env, ...extra });
  try {
    if (args.includes('--group')) return await wtr(args);
    // Every group: the groups run side by side, and the groups in ALONE afterwards, one by one, with
    // the machine to themselves (Firefox's encoder and renegotiations starve beside ten others).
    const codes = [await wtr(args, { LKE_SKIP_GROUPS: ALONE.join(',') })];
    for (const group of ALONE) codes.push(await wtr([...args, '--group', group]));
    return Math.max(...codes);
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(String(err?.message ?? err));
    process.exit(1);
  },
);
