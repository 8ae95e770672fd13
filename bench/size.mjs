// `npm run bench:size`: what one conference page ships, built three ways, and each UI kit's
// overhead over livekit-client alone. A benchmark, not a test: it fails only when a build or a
// check of what a build contains fails, never on the numbers.
//
// The pages (bench/size/*.html, each with one script):
//   elements  <lk-conference token-endpoint=… room-name=… connect video audio> and
//             `import 'livekit-elements/lk-conference.js'`, resolved here to dist/lk-conference.js
//             of this checkout, built first by the package's own build (vite.config.ts: what npm
//             publishes, with `lit` and `livekit-client` left to the page's bundler);
//   react     React 19, LiveKit's `LiveKitRoom` + `VideoConference` and @livekit/components-styles;
//   bare      livekit-client alone: new Room(), connect, camera and microphone on, tracks attached.
// All three get their token from the same endpoint through livekit-client's `TokenSource.endpoint`.
//
// The pages' scripts are type-checked first (bench/size/tsconfig.json). Then each page is built
// alone with the same Vite settings (Vite 8 / rolldown, production, minified with oxc, CSS
// minified, target ES2022, one chunk, everything bundled and tree-shaken, no modulepreload
// polyfill) into a temporary folder. Sizes: the page's JS and CSS files, raw, gzip (node's zlib,
// level 9) and brotli (node's zlib, quality 11). Overhead = kit − bare, JS + CSS.
//
// Checks, so that each number is what it claims: the bytes of each build attributed to packages
// through its source map (livekit-client in all three, Lit and dist/ in ours, React, React DOM and
// @livekit/components-react in React's), and each page loaded in headless Debian Chromium
// (/usr/bin/chromium, CHROMIUM_BIN to change it) against a local stand-in token endpoint: it must
// ask that endpoint for a token, <lk-conference> must render its elements and every lk-* tag the
// bundle's templates name must be defined, React's page must render the VideoConference prefab
// styled by its CSS. BENCH_SIZE_NO_BROWSER=1 skips the browser (the run says so).
//
// Languages: the translations other than English (dist/locales/<lang>.js) are left out of the
// pages' builds, as dynamic imports a bundler makes chunks of; what every page pays for languages
// (the machinery and the English table) and what a page in another language loads in addition are
// printed apart.
//
// Prints a table, where each kit's bytes go, and a RESULT JSON line. BENCH_SIZE_KEEP=1 keeps the
// builds (the folder is printed).
//
// The size guard (`npm run check:size`, run by .ci/run): with `--check` it also fails when our
// overhead over bare livekit-client (gzip, JS + CSS) is more than 1 kB over the figure recorded in
// bench/size-budget.json. That figure changes only deliberately, with a line in docs/benchmarks.md
// saying why. BENCH_SIZE_BUDGET overrides the recorded figure (to see the guard fail).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { transform } from 'esbuild';
import { build, parseAst } from 'vite';
import { CHROMIUM, dumpDom } from '../scripts/chromium.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pagesDir = path.join(root, 'bench', 'size');
const NO_BROWSER = process.env.BENCH_SIZE_NO_BROWSER === '1';
const TARGET = 1 / 5;
const CHECK = process.argv.includes('--check');
/** How far over the recorded overhead the guard lets a build go, in gzip bytes. */
const SIZE_SLACK = 1024;

export const PAGES = [
  { name: 'elements', label: 'livekit-elements <lk-conference>' },
  { name: 'react', label: 'React 19 + @livekit/components-react VideoConference' },
  { name: 'bare', label: 'livekit-client alone (baseline)' },
];

const version = (pkg) => JSON.parse(readFileSync(path.join(root, 'node_modules', pkg, 'package.json'), 'utf8')).version;
const VERSIONS = Object.fromEntries(
  ['vite', 'rolldown', 'livekit-client', 'lit', '@lit/context', 'react', 'react-dom', '@livekit/components-react', '@livekit/components-styles'].map(
    (pkg) => [pkg, version(pkg)],
  ),
);
VERSIONS.node = process.versions.node;

/**
 * The size guard's verdict: `measured` (our overhead, gzip bytes) against the `recorded` figure,
 * with `slack` bytes allowed over it.
 */
function sizeVerdict(measured, recorded, slack) {
  const delta = measured - recorded;
  const change = `${fmt(measured)} gzip bytes over bare livekit-client, ${delta >= 0 ? '+' : '−'}${fmt(Math.abs(delta))} against the recorded ${fmt(recorded)} (bench/size-budget.json)`;
  if (delta > slack) {
    return {
      ok: false,
      message: `FAILED: ${change}, more than the ${fmt(slack)} bytes allowed. Cut the growth, or record the new figure in bench/size-budget.json with a line in docs/benchmarks.md saying why.`,
    };
  }
  const lower = delta < -slack ? ' The kit shrank by more than the slack: record the smaller figure so the guard keeps it.' : '';
  return { ok: true, message: `passed: ${change} (up to +${fmt(slack)} allowed).${lower}` };
}

// ---------------------------------------------------------------------------------------------
// Build

// The package as npm would ship it: the ES modules of `vite build` (vite.config.ts), inside the
// checkout so that their bare imports (lit, livekit-client) resolve from its node_modules.
export const packageDist = path.join(pagesDir, '.package', 'dist');

/** Type-checks the pages' scripts (bench/size/tsconfig.json); throws when they do not. */
export function typecheckPages() {
  const tsc = spawnSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', pagesDir], { cwd: root, stdio: 'inherit' });
  if (tsc.status !== 0) throw new Error('the pages\' scripts do not type-check');
}

/** Builds the package's npm modules (vite.config.ts) into `packageDist`. */
export async function buildPackage() {
  await build({ configFile: path.join(root, 'vite.config.ts'), root, mode: 'production', logLevel: 'warn', build: { outDir: packageDist } });
}

/** Removes what `buildPackage` wrote. */
export function removePackage() {
  rmSync(path.dirname(packageDist), { recursive: true, force: true });
}

/**
 * Builds one page (`{ name }` of PAGES) into `outDir` against the package in `packageDist`.
 * `runtime: true` is the variant of `npm run bench:runtime`: the page takes its room and whether
 * it publishes from its address (bench/size/page-options.ts); otherwise that code is folded away.
 */
export async function buildPage(page, outDir, { runtime = false } = {}) {
  await build({
    configFile: false,
    root: pagesDir,
    mode: 'production',
    logLevel: 'warn',
    define: { __LK_BENCH_RUNTIME__: JSON.stringify(runtime) },
    // package.json's `sideEffects` does not list page-options.ts, which elements.ts imports for its
    // effect on the markup: in the runtime variant that effect must stay.
    plugins: runtime ? [{ name: 'page-options-effects', transform: (code, id) => (id.endsWith('/page-options.ts') ? { code, map: null, moduleSideEffects: true } : undefined) }] : [],
    resolve: {
      // What a page of an npm consumer imports, from this checkout's source.
      alias: [{ find: /^livekit-elements\/(lk-[a-z-]+)\.js$/, replacement: path.join(packageDist, '$1.js') }],
    },
    build: {
      target: 'es2022',
      outDir,
      emptyOutDir: true,
      minify: true,
      cssMinify: true,
      modulePreload: { polyfill: false },
      sourcemap: 'hidden', // for the attribution below; no sourceMappingURL comment in the JS
      reportCompressedSize: false,
      chunkSizeWarningLimit: 10_000,
      rolldownOptions: {
        input: path.join(pagesDir, `${page.name}.html`),
        // The kit's background effects (@livekit/track-processors), imported only by a page that
        // asks for one: left as the dynamic import, not the page's cost (like the E2EE worker).
        // Likewise the translations (dist/locales/<lang>.js), each imported only by a page in that
        // language; a bundler with code splitting makes each a chunk of its own. Their sizes are
        // reported apart (`languages` below).
        external: (id) => id === '@livekit/track-processors' || LOCALE_MODULE.test(id),
        output: { codeSplitting: false },
      },
    },
  });
  const assets = path.join(outDir, 'assets');
  const files = readdirSync(assets);
  // livekit-client's E2EE worker: its own file, fetched only by a room that encrypts; not the page's cost.
  const js = files.filter((file) => file.endsWith('.js') && !file.startsWith('livekit-client.e2ee.worker'));
  const css = files.filter((file) => file.endsWith('.css'));
  if (js.length !== 1) throw new Error(`${page.name}: expected one JS file, got ${js.join(', ') || 'none'}`);
  return {
    js: readFileSync(path.join(assets, js[0])),
    map: JSON.parse(readFileSync(path.join(assets, `${js[0]}.map`), 'utf8')),
    css: css.map((file) => readFileSync(path.join(assets, file))),
    html: readFileSync(path.join(outDir, `${page.name}.html`)),
  };
}

function sizes(buffers) {
  const buffer = Buffer.concat(buffers);
  if (buffer.length === 0) return { min: 0, gzip: 0, brotli: 0 };
  return {
    min: buffer.length,
    gzip: zlib.gzipSync(buffer, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buffer, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// ---------------------------------------------------------------------------------------------
// Where the bytes go: every byte of the minified JS attributed, through the source map, to the
// source file of the mapping segment it belongs to, and files grouped by package.

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_VALUES = Object.fromEntries([...B64].map((char, i) => [char, i]));

/** Decodes one source-map segment ("AAAA,") into its numbers. */
function decodeSegment(segment) {
  const values = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = B64_VALUES[char];
    value += (digit & 31) << shift;
    if (digit & 32) {
      shift += 5;
    } else {
      values.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return values;
}

/** The text of `code` per source of `map` (`null` = text no segment maps: glue the bundler wrote). */
function textPerSource(code, map) {
  const lines = code.split('\n');
  const mapLines = map.mappings.split(';');
  const texts = new Map();
  const add = (source, text) => {
    if (!texts.has(source)) texts.set(source, []);
    texts.get(source).push(text);
  };
  let sourceIndex = 0;
  // A line's bytes before its first segment continue the last segment of the line before: the
  // later lines of a multi-line template literal (Lit's html`` and css``) carry no segments.
  let carried = null;
  lines.forEach((line, lineNo) => {
    let column = 0;
    let previous = { column: 0, source: carried };
    const segments = (mapLines[lineNo] ?? '').split(',').filter(Boolean);
    for (const segment of segments) {
      // Only the generated column and the source index matter here; the other fields (source
      // line, column, name) are decoded with the segment and ignored.
      const [columnDelta, sourceDelta] = decodeSegment(segment);
      column += columnDelta;
      add(previous.source, line.slice(previous.column, column));
      let source = null;
      if (sourceDelta !== undefined) {
        sourceIndex += sourceDelta;
        source = map.sources[sourceIndex];
      }
      previous = { column, source };
    }
    add(previous.source, line.slice(previous.column) + (lineNo < lines.length - 1 ? '\n' : ''));
    carried = previous.source;
  });
  return new Map([...texts].map(([source, parts]) => [source, parts.join('')]));
}

/** The package or dist/ folder (our built modules) a source file belongs to. */
function groupOf(source) {
  if (source === null) return '(bundler glue)';
  const normalized = source.replaceAll('\\', '/');
  const packages = [...normalized.matchAll(/node_modules\/((?:@[^/]+\/)?[^/]+)/g)];
  if (packages.length) return packages.at(-1)[1];
  const own = /(?:^|\/)\.package\/dist\/(.*)$/.exec(normalized)?.[1];
  if (own !== undefined) {
    const parts = own.split('/');
    if (parts[0] === 'elements' && parts.length > 2) return `dist/elements/${parts[1]}`;
    if (parts.length > 1) return `dist/${parts[0]}`;
    return 'dist/*.js';
  }
  if (normalized.includes('bench/size/')) return '(the page script)';
  return normalized;
}

// Families of packages, for the summary of each build.
const FAMILIES = [
  ['livekit-client', (g) => g === 'livekit-client'],
  ['livekit-elements (dist/)', (g) => g.startsWith('dist/')],
  ['Lit (lit, lit-html, lit-element, @lit/reactive-element)', (g) => ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].includes(g)],
  ['@lit/context', (g) => g === '@lit/context'],
  ['React (react, react-dom, scheduler)', (g) => ['react', 'react-dom', 'scheduler'].includes(g)],
  ['@livekit/components-react (its dist inlines components-core, rxjs, floating-ui…)', (g) => g === '@livekit/components-react'],
];

/**
 * Minified bytes per group (package or dist/ folder), per file of dist/, and per family; a family's
 * gzip is its own bytes compressed alone (more than its share of the whole, which gzip does not
 * split).
 */
function attribute(code, map) {
  const groups = new Map();
  const familyTexts = new Map();
  const ownFiles = [];
  for (const [source, text] of textPerSource(code, map)) {
    const bytes = Buffer.byteLength(text);
    const group = groupOf(source);
    groups.set(group, (groups.get(group) ?? 0) + bytes);
    if (group.startsWith('dist/')) ownFiles.push({ file: source.replaceAll('\\', '/').replace(/^.*\/\.package\/(?=dist\/)/, ''), bytes, text });
    const family = FAMILIES.find(([, test]) => test(group))?.[0] ?? 'other';
    if (!familyTexts.has(family)) familyTexts.set(family, []);
    familyTexts.get(family).push(text);
  }
  const families = [...familyTexts].map(([family, texts]) => {
    const buffer = Buffer.from(texts.join(''));
    return { family, min: buffer.length, gzip: zlib.gzipSync(buffer, { level: 9 }).length };
  });
  return {
    groups: [...groups].sort((a, b) => b[1] - a[1]).map(([group, bytes]) => ({ group, bytes })),
    ownFiles: ownFiles.sort((a, b) => b.bytes - a.bytes),
    families: families.sort((a, b) => b.min - a.min),
  };
}

/**
 * Whitespace and comments inside multi-line template literals (Lit's html`` and css`` survive
 * minification verbatim): the bytes of those literals, and the build's size with the whitespace
 * and comments squeezed out (comments removed, each run of whitespace holding a line break made
 * one space). An estimate of what a template-literal minifier would save, not a build that runs.
 */
function templateWhitespace(code) {
  const quasis = [];
  (function walk(node) {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    if (node.type === 'TemplateElement') quasis.push(node);
    for (const key in node) if (key !== 'parent') walk(node[key]);
  })(parseAst(code));
  const squeeze = (text) => text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/\s*\n\s*/g, ' ');
  let text = 0;
  let squeezed = code;
  for (const quasi of quasis.sort((a, b) => b.start - a.start)) {
    const raw = code.slice(quasi.start, quasi.end);
    if (raw !== quasi.value.raw) throw new Error('template literal offsets do not match the code');
    if (!raw.includes('\n')) continue;
    text += Buffer.byteLength(raw);
    squeezed = squeezed.slice(0, quasi.start) + squeeze(raw) + squeezed.slice(quasi.end);
  }
  return { text, squeezed: sizes([Buffer.from(squeezed)]) };
}

// ---------------------------------------------------------------------------------------------
// In the browser: does each page do what it claims?

const CHECKS = {
  // Every lk-* element rendered in <lk-conference>'s shadow tree (not connected: no tiles yet),
  // and every lk-* tag the bundle's templates name (tiles, names, track views…), must be defined.
  elements: (bundleTags) => `
    await customElements.whenDefined('lk-conference');
    const conference = document.querySelector('lk-conference');
    await conference.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const rendered = new Map();
    const walk = (node) => {
      for (const el of node.querySelectorAll('*')) {
        const tag = el.localName;
        if (tag.startsWith('lk-')) rendered.set(tag, (rendered.get(tag) ?? true) && el.constructor !== HTMLElement);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(conference.shadowRoot);
    const bundleTags = ${JSON.stringify(bundleTags)};
    return {
      rendered: [...rendered.keys()].sort(),
      notUpgraded: [...rendered].filter(([, upgraded]) => !upgraded).map(([tag]) => tag),
      bundleTags,
      undefinedTags: [...new Set([...rendered.keys(), ...bundleTags])].filter((tag) => !customElements.get(tag)),
    };`,
  react: () => `
    const find = (selector) => document.querySelector(selector);
    for (let i = 0; i < 100 && !find('.lk-video-conference'); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    const themed = find('[data-lk-theme]');
    return {
      videoConference: !!find('.lk-video-conference'),
      controlBar: !!find('.lk-control-bar'),
      chatToggle: !!find('.lk-chat-toggle'),
      // A custom property of the default theme: set only when the stylesheet applies.
      themeBackground: themed ? getComputedStyle(themed).getPropertyValue('--lk-bg').trim() : '',
      controlBarDisplay: find('.lk-control-bar') ? getComputedStyle(find('.lk-control-bar')).display : '',
    };`,
  bare: () => `
    await new Promise((resolve) => setTimeout(resolve, 500));
    return { grid: !!document.getElementById('grid') };`,
};

function checkPage(page, report) {
  const failures = [];
  if (report.tokenRequests.length === 0) failures.push('the page never asked the token endpoint for a token');
  else if (!report.tokenRequests.some((body) => body.room_name === 'standup')) failures.push(`token request without room_name=standup: ${JSON.stringify(report.tokenRequests)}`);
  const unexpected = report.errors.filter((message) => !/\b503\b|token/i.test(message));
  if (unexpected.length) failures.push(`errors on the page: ${unexpected.join(' | ')}`);
  const r = report.result;
  if (!r) return [...failures, `the page check did not finish: ${report.raw || 'no output from Chromium'}`];
  if (page === 'elements') {
    if (r.rendered.length < 5 || !r.rendered.includes('lk-participants') || !r.rendered.includes('lk-chat')) failures.push(`<lk-conference> rendered only ${r.rendered.join(', ') || 'nothing'}`);
    if (r.undefinedTags.length) failures.push(`not defined in the bundle: ${r.undefinedTags.join(', ')}`);
    if (r.notUpgraded.length) failures.push(`not upgraded: ${r.notUpgraded.join(', ')}`);
  } else if (page === 'react') {
    if (!r.videoConference || !r.controlBar) failures.push(`VideoConference not rendered: ${JSON.stringify(r)}`);
    if (!r.themeBackground) failures.push('the components-styles theme does not apply (no --lk-bg)');
  } else if (!r.grid) failures.push('no #grid');
  return failures;
}

/** Serves the build in `dir` with a stand-in token endpoint (503, recorded) and loads it in headless Chromium. */
async function loadInBrowser(page, dir, check) {
  const tokenRequests = [];
  const htmlFile = `${page}.html`;
  const probe = `<script>window.__benchErrors = [];
addEventListener('error', (e) => __benchErrors.push(String(e.message)));
addEventListener('unhandledrejection', (e) => __benchErrors.push(String(e.reason?.message ?? e.reason)));</script>`;
  const runner = `<pre id="bench-out">did not run</pre><script type="module">
const out = document.getElementById('bench-out');
try {
  const result = await (async () => {${check}})();
  out.textContent = 'RESULT ' + JSON.stringify({ result, errors: window.__benchErrors });
} catch (err) {
  out.textContent = 'ERROR ' + (err?.stack ?? err);
}
</script>`;
  const server = createServer((req, res) => {
    if (req.url === '/api/token' && req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        try {
          tokenRequests.push(JSON.parse(body));
        } catch {
          tokenRequests.push({ unparsed: body });
        }
        res.writeHead(503, { 'content-type': 'application/json' }).end('{"error":"bench: no server"}');
      });
      return;
    }
    const url = req.url === '/' ? `/${htmlFile}` : req.url.split('?')[0];
    const file = path.join(dir, path.normalize(url));
    if (!file.startsWith(dir) || !existsSync(file)) return res.writeHead(404).end();
    if (url === `/${htmlFile}`) {
      const html = readFileSync(file, 'utf8').replace('<head>', `<head>${probe}`).replace('</body>', `${runner}</body>`);
      return res.writeHead(200, { 'content-type': 'text/html' }).end(html);
    }
    const type = url.endsWith('.js') ? 'text/javascript' : url.endsWith('.css') ? 'text/css' : 'application/octet-stream';
    res.writeHead(200, { 'content-type': type }).end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  const dom = await dumpDom(`http://127.0.0.1:${port}/`, {
    flags: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream'],
    budgetMs: 15_000,
    timeoutMs: 90_000,
  });
  server.close();
  const raw = /<pre id="bench-out">([^<]*)<\/pre>/.exec(dom)?.[1] ?? '';
  const text = raw.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&amp;', '&');
  const parsed = text.startsWith('RESULT ') ? JSON.parse(text.slice('RESULT '.length)) : undefined;
  return { tokenRequests, result: parsed?.result, errors: parsed?.errors ?? [], raw: text };
}

// ---------------------------------------------------------------------------------------------

/** What the bench's page builds leave out as a language's own chunk: the kit's `locales/<lang>.js`. */
const LOCALE_MODULE = /(?:^|[\\/])locales[\\/][a-z]{2}\.js$/;

/** The kit's translation machinery, part of every page (dist/ files, as the attribution names them). */
const LANGUAGE_FILES = ['dist/core/i18n.js', 'dist/controllers/lang.js', 'dist/core/locale-loader.js'];

/**
 * What languages cost: the machinery and the English table in every page (minified bytes of
 * LANGUAGE_FILES in the elements build, and that text gzipped alone), and each other language's
 * table, a file a page in that language loads in addition (packageDist/locales/<lang>.js,
 * minified as a page's bundler would).
 */
async function languageCosts(ownFiles) {
  const own = ownFiles.filter(({ file }) => LANGUAGE_FILES.includes(file));
  const text = Buffer.from(own.map(({ text }) => text).join(''));
  const tables = {};
  const dir = path.join(packageDist, 'locales');
  for (const file of readdirSync(dir).filter((name) => name.endsWith('.js')).sort()) {
    const { code } = await transform(readFileSync(path.join(dir, file), 'utf8'), { minify: true, charset: 'utf8', format: 'esm', target: 'es2022' });
    const { min, gzip, brotli } = sizes([Buffer.from(code)]);
    tables[file.slice(0, -3)] = { min, gzip, brotli };
  }
  return { everyPage: { files: own.map(({ file, bytes }) => ({ file, bytes })), min: text.length, gzip: sizes([text]).gzip }, tables };
}

const fmt = (n) => n.toLocaleString('en-US');
const pad = (s, n) => String(s).padStart(n);

async function main() {
  const outRoot = mkdtempSync(path.join(os.tmpdir(), 'livekit-elements-bench-size-'));
  const builds = {};
  const failures = [];
  try {
    console.error('Type-checking bench/size/*.ts(x) (tsc -p bench/size)…');
    typecheckPages();
    console.error('Building the package (vite.config.ts, the modules npm ships)…');
    await buildPackage();
    for (const page of PAGES) {
      console.error(`Building ${page.name} (bench/size/${page.name}.html)…`);
      const outDir = path.join(outRoot, page.name);
      const out = await buildPage(page, outDir);
      const code = out.js.toString('utf8');
      const { groups, ownFiles, families } = attribute(code, out.map);
      builds[page.name] = {
        ...page,
        outDir,
        js: sizes([out.js]),
        css: sizes(out.css),
        total: sizes([out.js, ...out.css]),
        html: out.html.length,
        groups,
        ownFiles,
        families,
        templates: templateWhitespace(code),
        bundleTags: [...new Set([...code.matchAll(/<(lk-[a-z0-9-]+)/g)].map((m) => m[1]))].sort(),
      };
    }

    // What each build must contain.
    const has = (name, group) => builds[name].groups.some((g) => g.group === group && g.bytes > 0);
    for (const name of ['elements', 'react', 'bare']) if (!has(name, 'livekit-client')) failures.push(`${name}: no livekit-client in the bundle`);
    for (const group of ['lit-html', 'dist/elements/lk-conference', 'dist/elements/lk-participants', 'dist/elements/lk-chat']) {
      if (!has('elements', group)) failures.push(`elements: no ${group} in the bundle`);
    }
    for (const group of ['react-dom', '@livekit/components-react']) if (!has('react', group)) failures.push(`react: no ${group} in the bundle`);
    if (builds.react.css.min === 0) failures.push('react: no CSS (the components-styles import)');
    for (const group of ['react', 'react-dom', 'lit-html', '@livekit/components-react']) if (has('bare', group)) failures.push(`bare: ${group} in the bundle`);

    const browser = {};
    if (NO_BROWSER) {
      console.error('BENCH_SIZE_NO_BROWSER=1: the pages were not loaded in a browser.');
    } else if (!existsSync(CHROMIUM)) {
      failures.push(`no Chromium at ${CHROMIUM} (apt-get install chromium, or CHROMIUM_BIN, or BENCH_SIZE_NO_BROWSER=1 to skip the page checks)`);
    } else {
      for (const page of PAGES) {
        console.error(`Loading ${page.name} in headless Chromium…`);
        const report = await loadInBrowser(page.name, builds[page.name].outDir, CHECKS[page.name](builds[page.name].bundleTags));
        browser[page.name] = report;
        failures.push(...checkPage(page.name, report).map((failure) => `${page.name} (in Chromium): ${failure}`));
      }
    }

    // -------------------------------------------------------------------------------------------
    // Report

    const bare = builds.bare.total;
    const overhead = (name) => ({
      min: builds[name].total.min - bare.min,
      gzip: builds[name].total.gzip - bare.gzip,
      brotli: builds[name].total.brotli - bare.brotli,
    });
    const jsOverhead = (name) => ({
      min: builds[name].js.min - builds.bare.js.min,
      gzip: builds[name].js.gzip - builds.bare.js.gzip,
      brotli: builds[name].js.brotli - builds.bare.js.brotli,
    });
    const ours = overhead('elements');
    const react = overhead('react');
    const ratio = { min: ours.min / react.min, gzip: ours.gzip / react.gzip, brotli: ours.brotli / react.brotli };
    const jsRatio = (() => {
      const o = jsOverhead('elements');
      const r = jsOverhead('react');
      return { min: o.min / r.min, gzip: o.gzip / r.gzip, brotli: o.brotli / r.brotli };
    })();

    console.log(`\nBundle size: one conference page built three ways (Vite ${VERSIONS.vite} / rolldown ${VERSIONS.rolldown}: production, minified, ES2022, one chunk)`);
    console.log(`livekit-client ${VERSIONS['livekit-client']}, lit ${VERSIONS.lit}, react/react-dom ${VERSIONS.react}/${VERSIONS['react-dom']}, @livekit/components-react ${VERSIONS['@livekit/components-react']}, @livekit/components-styles ${VERSIONS['@livekit/components-styles']}, node ${VERSIONS.node}`);
    console.log('bytes; gzip = zlib level 9, brotli = quality 11; CSS is the page\'s .css file (ours is inside the JS)\n');
    const head = `${'page'.padEnd(54)}${pad('JS min', 10)}${pad('JS gzip', 10)}${pad('JS br', 10)}${pad('CSS min', 10)}${pad('CSS gzip', 10)}${pad('total min', 11)}${pad('total gzip', 12)}${pad('total br', 10)}`;
    console.log(head);
    console.log('-'.repeat(head.length));
    for (const page of PAGES) {
      const b = builds[page.name];
      console.log(`${page.label.padEnd(54)}${pad(fmt(b.js.min), 10)}${pad(fmt(b.js.gzip), 10)}${pad(fmt(b.js.brotli), 10)}${pad(fmt(b.css.min), 10)}${pad(fmt(b.css.gzip), 10)}${pad(fmt(b.total.min), 11)}${pad(fmt(b.total.gzip), 12)}${pad(fmt(b.total.brotli), 10)}`);
    }
    console.log('\nOverhead over livekit-client alone (JS + CSS):');
    console.log(`  livekit-elements  ${pad(fmt(ours.min), 9)} min  ${pad(fmt(ours.gzip), 8)} gzip  ${pad(fmt(ours.brotli), 8)} brotli`);
    console.log(`  React             ${pad(fmt(react.min), 9)} min  ${pad(fmt(react.gzip), 8)} gzip  ${pad(fmt(react.brotli), 8)} brotli`);
    console.log(`Ratio ours / React's overhead: ${ratio.min.toFixed(3)} min, ${ratio.gzip.toFixed(3)} gzip, ${ratio.brotli.toFixed(3)} brotli (JS only: ${jsRatio.min.toFixed(3)}, ${jsRatio.gzip.toFixed(3)}, ${jsRatio.brotli.toFixed(3)})`);
    console.log(`Target ≤ ${TARGET} (gzip, JS + CSS): ${ratio.gzip <= TARGET ? 'met' : `NOT met (${ratio.gzip.toFixed(3)}, ${(ratio.gzip / TARGET).toFixed(2)}× the target)`}`);

    for (const page of PAGES) {
      const b = builds[page.name];
      console.log(`\nWhere the minified JS of "${page.name}" goes (source map; ${fmt(b.js.min)} bytes; gzip = that part compressed alone):`);
      for (const { family, min, gzip } of b.families) {
        console.log(`  ${pad(fmt(min), 9)} min ${(100 * min / b.js.min).toFixed(1).padStart(5)} %  ${pad(fmt(gzip), 8)} gzip  ${family}`);
      }
      if (page.name === 'elements') {
        const t = b.templates;
        const bt = builds.bare.templates;
        console.log(`  whitespace and comments left in multi-line template literals (Lit's html\`\` and css\`\`: the minifier keeps them, the package build squeezes ours):`);
        console.log(`    ${fmt(t.text - bt.text)} bytes of such literals beyond livekit-client's; squeezing them would save ${fmt(b.js.min - t.squeezed.min - (builds.bare.js.min - bt.squeezed.min))} min, ${fmt(b.js.gzip - t.squeezed.gzip - (builds.bare.js.gzip - bt.squeezed.gzip))} gzip (estimate)`);
        console.log('  by package / dist folder:');
        for (const { group, bytes } of b.groups) console.log(`    ${pad(fmt(bytes), 9)}  ${group}`);
        console.log('  the largest files of dist/:');
        for (const { file, bytes } of b.ownFiles.slice(0, 15)) console.log(`    ${pad(fmt(bytes), 9)}  ${file}`);
      }
    }
    const languages = await languageCosts(builds.elements.ownFiles);
    console.log(`\nLanguages (docs/languages.md): every page carries the machinery and the English table, ${fmt(languages.everyPage.min)} min, ${fmt(languages.everyPage.gzip)} gzip (alone; ${languages.everyPage.files.map(({ file, bytes }) => `${file} ${fmt(bytes)}`).join(', ')});`);
    console.log('a page in another language loads that language\'s table in addition, on first use (minified; gzip, brotli):');
    console.log(`  ${Object.entries(languages.tables).map(([lang, t]) => `${lang} ${fmt(t.min)} (${fmt(t.gzip)}, ${fmt(t.brotli)})`).join('; ')}`);
    if (!NO_BROWSER && Object.keys(browser).length) {
      console.log('\nIn Chromium:');
      for (const [name, report] of Object.entries(browser)) {
        console.log(`  ${name}: token requests ${report.tokenRequests.length}; ${JSON.stringify(report.result)}`);
      }
    }

    console.log(`RESULT ${JSON.stringify({
      versions: VERSIONS,
      builds: Object.fromEntries(PAGES.map(({ name }) => [name, { js: builds[name].js, css: builds[name].css, total: builds[name].total, html: builds[name].html, families: builds[name].families, templates: builds[name].templates }])),
      overhead: { elements: ours, react },
      ratio,
      jsRatio,
      target: TARGET,
      targetMet: ratio.gzip <= TARGET,
      browserChecked: !NO_BROWSER,
      languages,
    })}`);
  } finally {
    if (process.env.BENCH_SIZE_KEEP === '1') console.error(`Builds kept in ${outRoot}`);
    else rmSync(outRoot, { recursive: true, force: true });
    removePackage();
  }

  if (failures.length) {
    console.error(`\nbench:size: a build does not contain what it claims:\n  ${failures.join('\n  ')}`);
    process.exit(1);
  }

  if (CHECK) {
    const budget = JSON.parse(readFileSync(path.join(root, 'bench', 'size-budget.json'), 'utf8'));
    const recorded = Number(process.env.BENCH_SIZE_BUDGET || budget.overheadGzip);
    const measured = builds.elements.total.gzip - builds.bare.total.gzip;
    const verdict = sizeVerdict(measured, recorded, SIZE_SLACK);
    console.log(`\nSize guard: ${verdict.message}`);
    if (!verdict.ok) process.exit(1);
  }
}

// Imported by bench/runtime.mjs for its builds; run as a script, the size bench.
if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
