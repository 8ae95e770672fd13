// `npm start`: the demo. Starts a LiveKit server on loopback (or uses LIVEKIT_URL & co, see
// livekit-server.mjs), then serves demo/index.html with Vite's dev server, which also answers the
// page's token requests at /api/token. The page imports the elements straight from src/.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { startServer } from './livekit-server.mjs';
import { TOKEN_PATH, tokenMiddleware } from './token-endpoint.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

let lk;
try {
  lk = await startServer({ quiet: true });
} catch (err) {
  console.error(`The demo cannot start: no LiveKit server.\n${err.message ?? err}`);
  process.exit(1);
}

let vite;
try {
  vite = await createServer({
    configFile: false,
    root: path.join(repoRoot, 'demo'),
    logLevel: 'warn',
    resolve: {
      // `import 'livekit-elements'` in the page means the sources in src/.
      alias: [{ find: /^livekit-elements$/, replacement: path.join(repoRoot, 'src/index.ts') }],
    },
    server: {
      host: '127.0.0.1',
      port: 5173, // or the next free one
      strictPort: false,
      fs: { allow: [repoRoot] }, // src/ is outside the root (demo/)
    },
    // src/ uses TypeScript's legacy decorators: Vite's oxc transform reads experimentalDecorators and
    // useDefineForClassFields from tsconfig.json, so no extra plugin is needed.
    plugins: [
      {
        name: 'livekit-elements-token-endpoint',
        configureServer(server) {
          server.middlewares.use(tokenMiddleware(lk));
        },
      },
    ],
  });
  await vite.listen();
} catch (err) {
  console.error(`The demo cannot start: the Vite dev server failed.\n${err.message ?? err}`);
  await lk.stop();
  process.exit(1);
}

const pageUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
const where = lk.external ? `the LiveKit deployment at ${lk.url}` : `a local LiveKit server on ${lk.url}`;
console.log(`\n  livekit-elements demo: open ${pageUrl}\n`);
console.log(`  (tokens from ${TOKEN_PATH} for ${where}; Ctrl+C stops everything)\n`);

let stopping = false;
async function shutdown() {
  if (stopping) process.exit(0); // a second Ctrl+C: don't wait (the 'exit' hooks kill the server)
  stopping = true;
  await Promise.allSettled([vite.close(), lk.stop()]);
  process.exit(0); // stopping the demo is its normal end
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
// Any other exit (a crash included): livekit-server.mjs kills its server in its own 'exit' hook;
// this stops it too in case that ever changes (stop() sends SIGTERM synchronously).
process.on('exit', () => void lk.stop());
