// A second origin for the embedding tests: a small static server on 127.0.0.1 (another port than
// the test runner's, so a page of the runner that frames it frames a cross-origin page), started by
// a web-test-runner command:
//
//   executeServerCommand('embed-server')  → { origin }   (started once; stopped with the runner)
//
// It serves the one-file bundle and its files from dist/ (`npm test` builds them first), the
// standard token endpoint (scripts/token-endpoint.mjs, against the server `npm test` started), and
// two pages:
//
//   /call.html?room=R&identity=I[&video][&audio][&conference][&csp]
//       an <lk-room> with a camera, microphone and screen-share toggle and <lk-participants>, built
//       from markup and the bundle (with `conference`: an <lk-prejoin> of its own and an
//       <lk-conference> instead); test/embed/harness.js answers the framing page's questions over
//       postMessage. With `csp`, the page comes with the strict Content-Security-Policy of
//       docs/embedding.md (connect-src naming the LiveKit server), and reports every violation.
//   /harness.js   the page's script (external, so a strict CSP allows it)
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { handleTokenRequest } from './token-endpoint.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TYPES = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.html': 'text/html', '.json': 'application/json', '.tflite': 'application/octet-stream', '.css': 'text/css' };

/** The strict policy of docs/embedding.md, for a LiveKit server at `livekitUrl` (ws:// or wss://). */
export function strictCsp(livekitUrl) {
  const ws = new URL(livekitUrl);
  const http = new URL(livekitUrl.replace(/^ws/, 'http'));
  return [
    "default-src 'none'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    `connect-src 'self' ${ws.origin} ${http.origin}`,
    "img-src 'self'",
    "style-src 'self'",
    "base-uri 'none'",
  ].join('; ');
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function callPage(params) {
  const room = escapeHtml(params.get('room') ?? 'embed');
  const identity = escapeHtml(params.get('identity') ?? 'framed');
  const media = `${params.has('video') ? ' video' : ''}${params.has('audio') ? ' audio' : ''}`;
  const head = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A framed call</title></head><body>
<script src="/harness.js"></script>`;
  const bundle = '<script type="module" src="/dist/livekit-elements.js"></script>';
  if (params.has('conference')) {
    return `${head}
<lk-prejoin no-persist></lk-prejoin>
<lk-conference token-endpoint="/api/token" room-name="${room}" participant-identity="${identity}" connect${media}></lk-conference>
${bundle}
</body></html>`;
  }
  return `${head}
<lk-room token-endpoint="/api/token" room-name="${room}" participant-identity="${identity}" connect${media}>
  <lk-camera-toggle></lk-camera-toggle>
  <lk-microphone-toggle></lk-microphone-toggle>
  <lk-screenshare></lk-screenshare>
  <lk-participants></lk-participants>
  <lk-audio-renderer></lk-audio-renderer>
</lk-room>
${bundle}
</body></html>`;
}

function serveFile(res, path) {
  const file = normalize(join(ROOT, path));
  if (!file.startsWith(join(ROOT, 'dist')) && !file.startsWith(join(ROOT, 'test', 'embed'))) return false;
  if (!existsSync(file) || !statSync(file).isFile()) return false;
  res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
  createReadStream(file).pipe(res);
  return true;
}

function startEmbedServer(livekit) {
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url, 'http://127.0.0.1');
      if (livekit && (await handleTokenRequest(livekit, req, res))) return;
      if (url.pathname === '/call.html') {
        const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
        if (url.searchParams.has('csp')) headers['content-security-policy'] = strictCsp(livekit.url);
        res.writeHead(200, headers).end(callPage(url.searchParams));
        return;
      }
      if (url.pathname === '/harness.js') {
        res.writeHead(200, { 'content-type': 'text/javascript', 'cache-control': 'no-store' }).end(readFileSync(join(ROOT, 'test/embed/harness.js')));
        return;
      }
      if (url.pathname.startsWith('/dist/') && serveFile(res, url.pathname)) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    } catch (err) {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(err?.message ?? err));
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

export function embedPlugin() {
  let started;
  return {
    name: 'embed-server',
    async executeCommand({ command }) {
      if (command !== 'embed-server') return undefined;
      if (!process.env.LIVEKIT_URL) throw new Error('No LiveKit server: run the tests with `npm test`, which starts one.');
      if (!existsSync(join(ROOT, 'dist/livekit-elements.js'))) throw new Error('No dist/livekit-elements.js: `npm test` builds it (or run `vite build --mode bundle`).');
      const livekit = { url: process.env.LIVEKIT_URL, apiKey: process.env.LIVEKIT_API_KEY, apiSecret: process.env.LIVEKIT_API_SECRET };
      started ??= startEmbedServer(livekit);
      const server = await started;
      return { origin: `http://127.0.0.1:${server.address().port}`, csp: strictCsp(livekit.url) };
    },
    async serverStop() {
      const server = await started?.catch(() => undefined);
      started = undefined;
      await new Promise((resolve) => (server ? server.close(() => resolve()) : resolve()));
    },
  };
}
