// Test groups: `core` (pure functions), `elements` (elements in the browser, no server), `e2e`
// (a real LiveKit server), `faults` (a LiveKit server of its own, killed, frozen and cut off),
// `soak` (rooms inserted and removed many times: what they leave behind) and more below. Run
// through `npm test`, which starts the server and the loopback-only network namespace;
// `npm test -- --group core` runs one group, and `E2E_FILES=test/e2e/chat.test.ts npm test -- --group e2e`
// some files of the e2e group (CORE_FILES, ELEMENTS_FILES, FAULTS_FILES, SOAK_FILES, PHONES_FILES, WEBKIT_FILES
// likewise); `firefox` runs the e2e suites again in Firefox ESR (FIREFOX_FILES='test/e2e/{chat,audio}.test.ts'
// narrows it);
// `SOAK_CYCLES=50 npm test -- --group soak` makes the soak short.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { a11ySnapshotPlugin } from '@web/test-runner-commands/plugins';
import { chromeLauncher } from '@web/test-runner-chrome';
import { fileURLToPath } from 'node:url';
import { prebundle, svelte } from './scripts/framework-plugins.mjs';
import { CHROMIUM, MEDIA_FLAGS, QUIET_FLAGS } from './scripts/chromium.mjs';
import { firefox } from './scripts/firefox.mjs';
import { faultServer } from './scripts/fault-server.mjs';
import { a11ySnapshotAllPlugin } from './scripts/a11y-snapshot-plugin.mjs';
import { heapPlugin } from './scripts/heap-plugin.mjs';
import { embedPlugin } from './scripts/embed-plugin.mjs';
import { publisherPlugin } from './scripts/publisher-plugin.mjs';
import { summaryReporter } from './scripts/summary-reporter.mjs';
import { tokenKoaMiddleware } from './scripts/token-endpoint.mjs';
import { webkitLauncher } from './scripts/webkit.mjs';

export function chromium(extraFlags = MEDIA_FLAGS) {
  return chromeLauncher({
    launchOptions: { executablePath: CHROMIUM, headless: true, args: [...QUIET_FLAGS, ...extraFlags] },
  });
}

const server = process.env.LIVEKIT_URL
  ? { url: process.env.LIVEKIT_URL, apiKey: process.env.LIVEKIT_API_KEY, apiSecret: process.env.LIVEKIT_API_SECRET }
  : null;

/** A token endpoint only when `npm test` started (or named) a server. */
function tokenEndpoint() {
  if (server) return tokenKoaMiddleware(server);
  return async (ctx, next) => {
    if (ctx.path !== '/api/token') return next();
    ctx.status = 503;
    ctx.body = 'No LiveKit server: run the tests with `npm test`, which starts one.';
  };
}

/**
 * The page each test file runs in: Lit's development build (with its extra checks) but without its
 * one-line banner in every file; with `timeout`, Mocha's per-test timeout for the group (the
 * runner's module script that defines `__WTR_CONFIG__` runs before this one, which runs before Mocha);
 * `setup`, a script run first; `head`, markup for the document's head.
 */
function runnerHtml({ timeout, setup = '', head = '' } = {}) {
  const setTimeoutScript = timeout
    ? `<script type="module">const c = window.__WTR_CONFIG__; c.testFrameworkConfig = { ...c.testFrameworkConfig, timeout: ${timeout} };</script>`
    : '';
  return (testFramework) =>
    `<!doctype html><html><head>${head}</head><body><script>globalThis.litIssuedWarnings = new Set(['dev-mode']);${setup}</script>${setTimeoutScript}<script type="module" src="${testFramework}"></script></body></html>`;
}

// The faults group's own LiveKit server: commands for the browser, and a reset when a file ends.
const faults = faultServer();

// The e2e files the firefox group runs. german.test.ts and session.test.ts are left out: they
// check label attributes and the session's state machine, which hold the same in every engine
// (languages.test.ts runs: right-to-left layout and `:dir()` are the engine's).
const FIREFOX_FILES = [
  'audio', 'bundle', 'bundle-styles', 'chat', 'conference', 'connect', 'controls', 'iframe', 'languages', 'prejoin', 'publish', 'rendering',
].map((name) => `test/e2e/${name}.test.ts`);

const soakCycles = Number(process.env.SOAK_CYCLES) || 1000;

/**
 * A phone held upright, as Chromium's device emulation gives it: 390×844 CSS px, device pixel ratio
 * 3, a mobile viewport (which honours `<meta name="viewport">`) and a touch screen (so
 * `(pointer: coarse)` matches).
 */
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };

function phoneChromium() {
  return chromeLauncher({
    launchOptions: { executablePath: CHROMIUM, headless: true, args: [...QUIET_FLAGS, ...MEDIA_FLAGS] },
    // The runner sets an 800×600 viewport before each test file loads: the phone takes its place,
    // so every file loads on the phone from its first byte.
    async createPage({ context }) {
      const page = await context.newPage();
      const setViewport = page.setViewport.bind(page);
      page.setViewport = () => setViewport(PHONE);
      await page.setViewport(PHONE);
      return page;
    },
  });
}

export default {
  nodeResolve: true,
  testRunnerHtml: runnerHtml(),
  concurrency: 1,
  reporters: [defaultReporter(), summaryReporter(), faults.reporter],
  browsers: [chromium()],
  middleware: [tokenEndpoint()],
  plugins: [
    esbuildPlugin({
      ts: true,
      tsx: true,
      target: 'es2022',
      tsconfig: fileURLToPath(new URL('./tsconfig.json', import.meta.url)),
    }),
    // The `frameworks` group: React, Vue and Svelte's runtime as ES modules, Svelte components
    // compiled on request; and loglevel (CommonJS) for @livekit/components-core, whose readers
    // the interop tests use.
    prebundle({
      commonjs: ['react', 'react-dom', 'react-dom/client', 'react/jsx-runtime', 'react/jsx-dev-runtime', 'loglevel'],
      esm: ['vue', 'svelte', 'svelte/internal/client', 'svelte/internal/disclose-version'],
    }),
    svelte(),
    faults.plugin,
    // `executeServerCommand('heap')`: the page's JS heap after a forced GC, for the soak group.
    heapPlugin(),
    // `a11ySnapshot()`: Chromium's accessibility tree, for the names a screen reader is told;
    // `a11ySnapshot({ interestingOnly: false })` the whole tree, lists and list items included.
    a11ySnapshotAllPlugin(),
    a11ySnapshotPlugin(),
    // `executeServerCommand('publisher-start' | 'publisher-command' | 'publisher-stop')`: participants
    // published from a backend (tools/publisher), for the `backend` group; `agent-start` |
    // `agent-command` | `agent-events` | `agent-stop`: its simulated LiveKit Agents agent.
    publisherPlugin(),
    // `executeServerCommand('embed-server')`: a second origin (another loopback port) serving a call
    // page built from the bundle, for the embedding tests (test/e2e/iframe.test.ts).
    embedPlugin(),
  ],
  testFramework: { config: { timeout: 60_000 } },
  testsFinishTimeout: 30 * 60_000,
  // Firefox on a virtual display can take a while to start on a busy machine.
  browserStartTimeout: 120_000,
  // LKE_SKIP_GROUPS (comma-separated) leaves groups out of a run of every group: `npm test` runs
  // `firefox` on its own afterwards (scripts/test.mjs).
  groups: [
    { name: 'core', files: process.env.CORE_FILES ?? 'test/core/**/*.test.ts' },
    { name: 'elements', files: process.env.ELEMENTS_FILES ?? 'test/elements/**/*.test.ts' },
    { name: 'e2e', files: process.env.E2E_FILES ?? 'test/e2e/**/*.test.ts' },
    // A LiveKit server of the group's own that the tests kill, start again, freeze and cut off
    // (scripts/fault-server.mjs), so the groups running beside it keep theirs. Long tests: up to
    // four minutes each.
    {
      name: 'faults',
      files: process.env.FAULTS_FILES ?? 'test/faults/**/*.test.ts',
      testRunnerHtml: runnerHtml({ timeout: 240_000 }),
    },
    // Insert/remove cycles against the real server: heap, tracks and peer connections left behind.
    {
      name: 'soak',
      files: process.env.SOAK_FILES ?? 'test/soak/**/*.test.ts',
      testRunnerHtml: runnerHtml({ timeout: 600_000, setup: `globalThis.SOAK_CYCLES = ${soakCycles};` }),
    },
    // The elements from React 19, Vue 3 and Svelte 5, against the real server.
    { name: 'frameworks', files: 'test/frameworks/**/*.test.{ts,tsx}' },
    // Participants published from a backend with LiveKit's Go server SDK (tools/publisher): tiles,
    // simulcast layers, mute and leave as a page sees them.
    { name: 'backend', files: process.env.BACKEND_FILES ?? 'test/backend/**/*.test.ts' },
    // Two fake cameras, for switching and flipping between them.
    {
      name: 'devices',
      files: 'test/devices/**/*.test.ts',
      browsers: [chromium([...MEDIA_FLAGS.filter((f) => f !== '--use-fake-device-for-media-stream'), '--use-fake-device-for-media-stream=device-count=2'])],
    },
    // Camera, microphone and screen refused, as when a person clicks "Block". Without a media
    // permission Chromium hides host ICE candidates behind mDNS names, which nothing resolves in
    // the loopback-only namespace: the feature flag keeps the plain 127.0.0.1 candidate.
    {
      name: 'denied',
      files: 'test/denied/**/*.test.ts',
      browsers: [
        chromium([
          '--use-fake-device-for-media-stream',
          '--use-fake-ui-for-media-stream=deny',
          '--allow-loopback-in-peer-connection',
          '--disable-features=WebRtcHideLocalIpsWithMdns',
        ]),
      ],
    },
    // A phone: <lk-conference> and <lk-prejoin> laid out on 390×844 CSS px, touch, DPR 3.
    {
      name: 'phones',
      files: process.env.PHONES_FILES ?? 'test/phones/**/*.test.ts',
      browsers: [phoneChromium()],
      testRunnerHtml: runnerHtml({ head: '<meta name="viewport" content="width=device-width, initial-scale=1">' }),
    },
    // Autoplay under test: no `--autoplay-policy=no-user-gesture-required`, so audio waits for a gesture.
    {
      name: 'autoplay',
      files: 'test/autoplay/**/*.test.ts',
      browsers: [chromium(['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', '--allow-loopback-in-peer-connection'])],
    },
    // WebKitGTK's MiniBrowser (scripts/webkit.mjs): the elements' UI in WebKit, and the path of a
    // browser without WebRTC (it has no RTCPeerConnection). The page prefers a dark colour scheme
    // (Chromium's groups run light), and WebKit's mock camera and microphone stand in for devices.
    {
      name: 'webkit',
      // With the `elements` files that hold in WebKit as they are. Not there: lk-room (WebKit says
      // `unsupported` before any credentials are looked at), theme (no emulateMedia over WebDriver),
      // controls (WebKit lists no audio outputs), docs (nothing of the engine).
      files: process.env.WEBKIT_FILES ?? ['test/webkit/**/*.test.ts', 'test/elements/{audio,chat,context,names,rendering}.test.ts'],
      browsers: [webkitLauncher({ args: ['--dark-mode', '--enable-mock-capture-devices=true'] })],
    },
    // The end-to-end suites again in Firefox ESR over WebDriver BiDi, one page at a time
    // (scripts/firefox.mjs; what differs per engine: docs/browsers.md).
    { name: 'firefox', files: process.env.FIREFOX_FILES || FIREFOX_FILES, browsers: [firefox()] },
  ].filter((group) => !(process.env.LKE_SKIP_GROUPS ?? '').split(',').includes(group.name)),
};
