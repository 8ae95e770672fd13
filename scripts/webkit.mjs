// WebKit for the tests: Debian's WebKitGTK MiniBrowser driven by WebKitWebDriver under Xvfb, as a
// @web/test-runner browser launcher.
//
// A launcher of its own over the W3C WebDriver HTTP protocol (with `fetch`) rather than
// @web/test-runner-webdriver: that one needs webdriverio, a large dependency tree whose driver
// management downloads drivers and browsers unless held back; this needs nothing beyond Node.
// It says `type: 'webdriver'` and has the methods @web/test-runner-commands calls for that type,
// so `sendKeys` and `sendMouse` work in the tests (`emulateMedia` and `setViewport` do not).
//
// One MiniBrowser window for the whole run; each test file is a navigation in it (concurrency 1).
// Xvfb (a display of its own) and WebKitWebDriver start with the runner and stop with it. Everything
// listens on loopback only, so it works inside the loopback-only namespace of scripts/test.mjs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';

/** MiniBrowser from Debian's `libwebkit2gtk-4.1-0`, whatever the architecture. */
function findMiniBrowser() {
  if (process.env.WEBKIT_MINIBROWSER) return process.env.WEBKIT_MINIBROWSER;
  for (const dir of readdirSync('/usr/lib', { withFileTypes: true })) {
    const candidate = `/usr/lib/${dir.name}/webkit2gtk-4.1/MiniBrowser`;
    if (dir.isDirectory() && existsSync(candidate)) return candidate;
  }
  return undefined;
}

const onPath = (cmd) => spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

// WebDriver's codes for the keys the tests press by name (W3C WebDriver, "Keyboard actions").
const KEYS = {
  Backspace: '\uE003',
  Tab: '\uE004',
  Enter: '\uE007',
  Shift: '\uE008',
  Control: '\uE009',
  Alt: '\uE00A',
  Escape: '\uE00C',
  Space: ' ',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
  Meta: '\uE03D',
};

/** Key actions for one `press` (`Enter`, `Shift+Tab`, `a`) or for typing a text character by character. */
function keyActions(keys) {
  const actions = [];
  for (const key of keys) {
    const parts = key.split('+');
    const named = parts.length > 1 || KEYS[key] !== undefined ? parts.map((p) => KEYS[p] ?? p) : undefined;
    if (named) {
      for (const value of named) actions.push({ type: 'keyDown', value });
      for (const value of [...named].reverse()) actions.push({ type: 'keyUp', value });
    } else {
      for (const value of key) actions.push({ type: 'keyDown', value }, { type: 'keyUp', value });
    }
  }
  return actions;
}

const BUTTONS = { left: 0, middle: 1, right: 2 };

/** The process groups of the drivers started: a runner that ends without stop() (an error, Ctrl-C) leaves none behind. */
const groups = new Set();
process.once('exit', () => {
  for (const pid of groups) killGroup(pid);
});

function killGroup(pid) {
  try {
    process.kill(-pid, 'SIGTERM');
  } catch {
    /* gone already */
  }
  groups.delete(pid);
}

/**
 * The launcher. `binary`: MiniBrowser (found under /usr/lib by default, or `WEBKIT_MINIBROWSER`);
 * `args`: MiniBrowser options besides `--automation`, such as `--dark-mode` (the page prefers a
 * dark colour scheme) or `--enable-mock-capture-devices=true` (WebKit's mock camera and microphone).
 */
export function webkitLauncher({ binary = findMiniBrowser(), args: browserArgs = [] } = {}) {
  let xvfb;
  let driver;
  let base;
  let session;
  let starting;
  const active = new Set();

  async function call(method, path, body) {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json; charset=utf-8' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json = await res.json().catch(() => ({}));
    if (!res.ok) throw new Error(`WebDriver ${method} ${path}: ${res.status} ${json.value?.error ?? ''} ${json.value?.message ?? ''}`);
    return json.value;
  }

  const inSession = (method, path, body) => call(method, `/session/${session}${path}`, body);

  async function start() {
    if (!binary) throw new Error('No WebKitGTK MiniBrowser. Install it (Debian: apt-get install -y webkit2gtk-driver xvfb xauth) or set WEBKIT_MINIBROWSER.');
    if (!onPath('WebKitWebDriver')) throw new Error('No WebKitWebDriver. Install it (Debian: apt-get install -y webkit2gtk-driver xvfb xauth).');
    const display = onPath('Xvfb') ? await startXvfb() : process.env.DISPLAY;
    if (!display) throw new Error('No Xvfb and no DISPLAY for MiniBrowser. Install Xvfb (Debian: apt-get install -y xvfb xauth).');
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    driver = spawn('WebKitWebDriver', [`--port=${port}`], { detached: true, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DISPLAY: display } });
    driver.once('error', (err) => console.error(`webkit: WebKitWebDriver: ${err.message}`));
    groups.add(driver.pid);
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await call('GET', '/status')).ready) break;
      } catch {
        /* not listening yet */
      }
      if (Date.now() > deadline || driver.exitCode !== null) throw new Error(`WebKitWebDriver did not start on port ${port}.`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // `--automation` without `--headless`: headless MiniBrowser sessions hang; Xvfb gives it a display.
    const created = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary, args: ['--automation', ...browserArgs] },
        },
      },
    });
    session = created.sessionId;
    await inSession('POST', '/timeouts', { pageLoad: 120_000, script: 60_000 });
  }

  /**
   * A virtual X server of its own: Xvfb picks a free display itself (`-displayfd`) and says which,
   * so that runs beside it (another group's Xvfb, another checkout) never race for one.
   */
  function startXvfb() {
    return new Promise((resolve, reject) => {
      xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { detached: true, stdio: ['ignore', 'ignore', 'inherit', 'pipe'] });
      groups.add(xvfb.pid);
      let said = '';
      xvfb.stdio[3].on('data', (chunk) => {
        said += chunk;
        if (said.includes('\n')) resolve(`:${said.trim()}`);
      });
      xvfb.once('error', reject);
      xvfb.once('exit', (code) => reject(new Error(`Xvfb ended (${code}) before it had a display.`)));
    });
  }

  function killDriver() {
    for (const child of [driver, xvfb]) if (child?.pid) killGroup(child.pid);
    driver = undefined;
    xvfb = undefined;
  }

  const pointer = (actions) => inSession('POST', '/actions', { actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions }] });

  return {
    name: 'WebKit (WebKitGTK MiniBrowser)',
    type: 'webdriver',
    concurrency: 1,

    // The driver and the browser start before the first file (outside the runner's 30 s for
    // opening a file's page: a first MiniBrowser session on a busy machine takes a while).
    async initialize() {
      starting ??= start();
      await starting;
    },

    async startSession(id, url) {
      starting ??= start();
      await starting;
      active.add(id);
      await inSession('POST', '/url', { url });
    },

    isActive: (id) => active.has(id),

    async getBrowserUrl() {
      return inSession('GET', '/url');
    },

    async stopSession(id) {
      active.delete(id);
      // Leave the test page, so that nothing of it runs on into the next file.
      await inSession('POST', '/url', { url: 'about:blank' }).catch(() => {});
      return {};
    },

    startDebugSession() {
      throw new Error('The WebKit launcher has no debug mode.');
    },

    async stop() {
      if (session) await call('DELETE', `/session/${session}`).catch(() => {});
      session = undefined;
      killDriver();
    },

    // What @web/test-runner-commands calls on a `webdriver` launcher.
    async sendKeys(_id, keys) {
      await inSession('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions: keyActions(keys) }] });
      await inSession('DELETE', '/actions');
    },
    sendMouseMove: (_id, x, y) => pointer([{ type: 'pointerMove', origin: 'viewport', x, y, duration: 0 }]),
    sendMouseClick: (_id, x, y, button = 'left') =>
      pointer([
        { type: 'pointerMove', origin: 'viewport', x, y, duration: 0 },
        { type: 'pointerDown', button: BUTTONS[button] },
        { type: 'pointerUp', button: BUTTONS[button] },
      ]),
    sendMouseDown: (_id, button = 'left') => pointer([{ type: 'pointerDown', button: BUTTONS[button] }]),
    sendMouseUp: (_id, button = 'left') => pointer([{ type: 'pointerUp', button: BUTTONS[button] }]),
    resetMouse: () => inSession('DELETE', '/actions'),
  };
}
