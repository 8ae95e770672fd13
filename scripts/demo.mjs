// `npm start`: the demo. Starts a LiveKit server on loopback (or uses LIVEKIT_URL & co, see
// livekit-server.mjs), then serves demo/ with Vite's dev server, which also answers the pages'
// token requests at /api/token. The pages import the elements straight from src/:
//   /                  index.html, one <lk-room> and a hand-made page around it
//   /conference.html   <lk-prejoin> then <lk-conference>, full viewport; ?room=…&theme=light|dark
//   /agent.html        <lk-voice-agent> inline and as a launcher (with `--agent demo-agent`)
//
// `npm start -- --publishers 20` also fills the room `demo` with 20 backend participants
// (tools/publisher: video, audio and a speaker in turn), to see pages, pinning and the speaker
// layout with a crowd.
//
// `npm start -- --agent NAME` also runs a simulated LiveKit Agents agent of that name (tools/publisher
// --agent --agent-auto): a page that asks for NAME gets it dispatched; it greets, and answers each
// turn of speech with a made-up transcription and a canned reply (docs/publisher.md).
//
// `startDemo()` is the same without the console: scripts/screenshots.mjs uses it.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startServer } from './livekit-server.mjs';
import { selfieSegmenterModel } from './selfie-model.mjs';
import { ensurePublisher, startAgent, startPublisher } from './publisher.mjs';
import { TOKEN_PATH, tokenMiddleware } from './token-endpoint.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** An asset of `effects/`: a MediaPipe wasm file or the model; undefined for any other name. */
function effectAsset(file) {
  if (file === 'selfie_segmenter.tflite') return selfieSegmenterModel();
  const wasm = path.join(path.dirname(createRequire(import.meta.url).resolve('@mediapipe/tasks-vision')), 'wasm');
  return existsSync(wasm) && readdirSync(wasm).includes(file) ? readFileSync(path.join(wasm, file)) : undefined;
}

/**
 * Starts the LiveKit server (or takes the deployment in the environment) and the demo's Vite dev
 * server on 127.0.0.1 (`port`, or the next free one). Resolves to `{ url, server, stop }`: the
 * pages' base URL (ending in `/`), the LiveKit server (`startServer()`'s answer) and `stop()`, which
 * closes both. Rejects, having stopped what it started, when either cannot start.
 */
export async function startDemo({ port = 5173 } = {}) {
  let lk;
  try {
    lk = await startServer({ quiet: true });
  } catch (err) {
    throw new Error(`The demo cannot start: no LiveKit server.\n${err.message ?? err}`, { cause: err });
  }

  let vite;
  try {
    vite = await createServer({
      configFile: false,
      root: path.join(repoRoot, 'demo'),
      // Several pages: each .html file in demo/ at its own path, and a 404 for anything else.
      appType: 'mpa',
      logLevel: 'warn',
      resolve: {
        // `import 'livekit-elements'` in the pages means the sources in src/.
        alias: [{ find: /^livekit-elements$/, replacement: path.join(repoRoot, 'src/index.ts') }],
      },
      server: {
        host: '127.0.0.1',
        port, // or the next free one
        strictPort: false,
        fs: { allow: [repoRoot] }, // src/ is outside the root (demo/)
      },
      // Vite's oxc transform reads useDefineForClassFields from tsconfig.json (Lit's reactive
      // properties need it off), so no extra plugin is needed.
      plugins: [
        {
          name: 'livekit-elements-token-endpoint',
          configureServer(server) {
            server.middlewares.use(tokenMiddleware(lk));
          },
        },
        {
          // The background effects' assets (what the build puts in dist/effects/), where the kit's
          // sources look for them by default (`effects/` beside src/): MediaPipe's wasm files and
          // the selfie segmenter model (scripts/selfie-model.mjs).
          name: 'livekit-elements-effect-assets',
          configureServer(server) {
            server.middlewares.use((req, res, next) => {
              const file = /\/effects\/([\w.-]+)$/.exec(new URL(req.url ?? '/', 'http://demo').pathname)?.[1];
              const body = file && effectAsset(file);
              if (!body) return next();
              const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
              res.writeHead(200, { 'content-type': type }).end(body);
            });
          },
        },
      ],
    });
    await vite.listen();
  } catch (err) {
    await Promise.allSettled([vite?.close(), lk.stop()]);
    throw new Error(`The demo cannot start: the Vite dev server failed.\n${err.message ?? err}`, { cause: err });
  }

  const url = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
  let stopped;
  const stop = () => (stopped ??= Promise.allSettled([vite.close(), lk.stop()]).then(() => undefined));
  return { url, server: lk, stop };
}

const isMain = process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1]);
if (isMain) {
  let demo;
  try {
    demo = await startDemo();
  } catch (err) {
    console.error(err.message);
    process.exit(1);
  }

  const { url, server: lk } = demo;
  const where = lk.external ? `the LiveKit deployment at ${lk.url}` : `a local LiveKit server on ${lk.url}`;
  console.log(`\n  livekit-elements demo: open ${url}`);
  console.log(`  the conference:        ${url}conference.html (?room=demo&theme=light|dark)\n`);
  console.log(`  (tokens from ${TOKEN_PATH} for ${where}; Ctrl+C stops everything)\n`);

  const publishers = publisherCount(process.argv.slice(2));
  let crowd;
  if (publishers > 0) {
    try {
      crowd = startPublisher({ ...(await ensurePublisher()), url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, room: 'demo', count: publishers, duration: '30m', joinRate: 5 });
      await crowd.ready;
      console.log(`  ${publishers} backend publishers are in the room "demo" for 30 minutes.\n`);
    } catch (err) {
      console.error(`  The backend publishers could not start: ${err.message ?? err}\n`);
    }
  }

  const agentName = optionValue(process.argv.slice(2), '--agent');
  let agent;
  if (agentName) {
    try {
      agent = startAgent({ ...(await ensurePublisher()), url: lk.url, apiKey: lk.apiKey, apiSecret: lk.apiSecret, agentName, auto: true, duration: '30m' });
      await agent.ready;
      console.log(`  A simulated agent "${agentName}" waits for rooms that ask for it, for 30 minutes.\n`);
    } catch (err) {
      console.error(`  The simulated agent could not start: ${err.message ?? err}\n`);
    }
  }

  let stopping = false;
  const shutdown = async () => {
    if (stopping) process.exit(0); // a second Ctrl+C: don't wait (the 'exit' hooks kill the server)
    stopping = true;
    await Promise.allSettled([crowd?.stop(), agent?.stop(), demo.stop()]);
    process.exit(0); // stopping the demo is its normal end
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  // Any other exit (a crash included): livekit-server.mjs kills its server in its own 'exit' hook;
  // this stops it too in case that ever changes (stop() sends SIGTERM synchronously).
  process.on('exit', () => void lk.stop());
}

/** `--publishers 20` or `--publishers=20`: how many backend participants to add (0: none). */
function publisherCount(args) {
  const at = args.findIndex((arg) => arg === '--publishers' || arg.startsWith('--publishers='));
  if (at < 0) return 0;
  const value = args[at].includes('=') ? args[at].split('=')[1] : args[at + 1];
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0 || count > 100) {
    console.error(`--publishers takes a whole number from 0 to 100, not "${value}".`);
    process.exit(2);
  }
  return count;
}

/** The value of `--name value` or `--name=value`, or undefined. */
function optionValue(args, name) {
  const at = args.findIndex((arg) => arg === name || arg.startsWith(`${name}=`));
  if (at < 0) return undefined;
  return args[at].includes('=') ? args[at].slice(name.length + 1) : args[at + 1];
}
