// `npm run screenshots`: docs/conference-light.png and docs/conference-dark.png, the demo's
// conference page (demo/conference.html) with two people in it, and docs/prejoin-phone.png,
// docs/conference-phone.png and docs/conference-phone-chat.png, a third person on a phone, taken by
// headless Chromium.
//
// Starts the demo as `npm start` does (scripts/demo.mjs: a LiveKit server on loopback and Vite's
// dev server), opens the conference twice in Debian's Chromium (puppeteer-core, /usr/bin/chromium
// or CHROMIUM_BIN; nothing is downloaded), each participant in its own browser context: Ann with
// `?theme=light`, Ben with `?theme=dark`. Each joins from the pre-join box, Ann shares her screen
// (the focus layout), both open the chat and say something, and each page is captured at
// 1280×800 once every video in it is playing. Then Cy joins from a phone (Chromium's device
// emulation: 390×844 CSS px, device pixel ratio 3, touch, `?theme=light`): Cy's pre-join box is
// captured before joining; Ben greets Cy, Cy answers, and Cy's page is captured with the chat
// closed, then open. Last, Dee joins another room with 12 backend participants (tools/publisher:
// video, audio, one speaking at a time) at `?page-size=9`: docs/conference-pages.png is the first
// page of two, docs/conference-pinned.png the same call after Dee pins one of them. Last, Eve talks
// to the simulated voice agent (tools/publisher --agent --agent-auto) on demo/agent.html:
// docs/voice-agent.png once its greeting shows as text. The files are
// replaced only when every shot was taken.
//
// Network: on Linux it runs inside a private network namespace that holds only loopback, like
// `npm test` (scripts/netns.mjs); the server and the backend publisher are built before entering
// it. Every wait has a deadline, the whole run a watchdog, and everything it started is stopped at
// the end. SCREENSHOTS_DEBUG=1 shows the pages' console.
/* global document */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CHROMIUM, MEDIA_FLAGS, QUIET_FLAGS } from './chromium.mjs';
import { startDemo } from './demo.mjs';
import { externalServer, findServerBinary } from './livekit-server.mjs';
import { canUnshare, rerunInNamespace } from './netns.mjs';
import { ensurePublisher, startAgent, startPublisher } from './publisher.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
/** A phone held upright, as the `phones` test group emulates it (web-test-runner.config.mjs). */
const PHONE = { width: 390, height: 844, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const DOCS = path.join(root, 'docs');
const SCRATCH = path.join(DOCS, '.screenshots-tmp'); // git-ignored
const WATCHDOG_MS = 5 * 60_000;
const DEBUG = !!process.env.SCREENSHOTS_DEBUG;

const FLAGS = [...QUIET_FLAGS, ...MEDIA_FLAGS];
/** The backend participants' names in the crowd shots. */
const CROWD = 'Ada Lovelace,Grace Hopper,Alan Turing,Edsger Dijkstra,Barbara Liskov,Donald Knuth,Frances Allen,Ken Thompson,Margaret Hamilton,Dennis Ritchie,Radia Perlman,John Backus';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `condition` (async) every 250 ms until it returns something truthy; fails after `timeoutMs`. */
async function waitFor(condition, what, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await condition();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}.`);
    await sleep(250);
  }
}

/**
 * What a conference page shows, read in the page: the connection state, each grid item (identity,
 * source, whether its video is playing) and the chat's messages. Runs in the browser.
 */
function probe() {
  const deep = (node, selector, found = []) => {
    found.push(...node.querySelectorAll(selector));
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) deep(element.shadowRoot, selector, found);
    return found;
  };
  const conference = document.querySelector('lk-conference');
  const shadow = conference?.shadowRoot;
  if (!shadow) return { state: 'not rendered', items: [], messages: [] };
  const playing = (video) => video.videoWidth > 0 && video.readyState >= 2 && !video.paused && video.currentTime > 0;
  const items = deep(shadow, '[data-source][data-identity]').map((item) => ({
    identity: item.dataset.identity,
    source: item.dataset.source,
    playing: deep(item, 'video').some(playing),
  }));
  return {
    state: conference.connectionState,
    visibility: document.visibilityState,
    items,
    messages: deep(shadow, '[part~=body]').map((body) => body.textContent.trim()),
  };
}

/** A participant: its own browser context (so its own `localStorage`), the conference page, joined. */
async function join(browser, baseUrl, { name, theme, room, viewport = VIEWPORT, beforeJoin, query = '' }) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.setViewport(viewport);
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (err) => console.error(`[${name}] page error: ${err.message}`));
  page.on('console', (message) => {
    if (DEBUG || message.type() === 'error') console.error(`[${name}] console.${message.type()}: ${message.text()}`);
  });
  await page.goto(`${baseUrl}conference.html?room=${encodeURIComponent(room)}&theme=${theme}${query}`, { waitUntil: 'load' });

  // The pre-join box: its preview playing, a name, then its join button.
  await page.waitForFunction(
    () => {
      const video = document.querySelector('lk-prejoin')?.shadowRoot?.querySelector('video[part=preview]');
      return video && video.videoWidth > 0;
    },
    { timeout: 30_000, polling: 250 },
  );
  await page.locator('lk-prejoin >>> [part=name]').fill(name);
  await beforeJoin?.({ name, theme, page, viewport });
  await page.locator('lk-prejoin >>> [part=join-button]').click();
  await waitFor(async () => (await page.evaluate(probe)).state === 'connected', `${name} to connect`);
  return { name, theme, page, context, viewport };
}

/** Waits until `page` shows, playing, every one of `expected` (`identity/source` pairs). */
async function waitForVideos(person, expected, timeoutMs = 30_000) {
  let last;
  try {
    await waitFor(async () => {
      last = await person.page.evaluate(probe);
      const playing = new Set(last.items.filter((i) => i.playing).map((i) => `${i.identity}/${i.source}`));
      return expected.every((key) => playing.has(key));
    }, `${person.name}'s page to play ${expected.join(', ')}`, timeoutMs);
  } catch (err) {
    err.message += ` It shows: ${JSON.stringify(last)}`;
    throw err;
  }
}

/** Takes the page's picture into `file`; checks its size in device pixels. */
async function capture(person, file) {
  await person.page.bringToFront();
  await person.page.screenshot({ path: file, type: 'png' });
  const png = readFileSync(file);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  const scale = person.viewport.deviceScaleFactor ?? 1;
  const [w, h] = [person.viewport.width * scale, person.viewport.height * scale];
  if (width !== w || height !== h) throw new Error(`${file} is ${width}×${height}, not ${w}×${h}.`);
}

/** No hover or focus left over from the clicks and taps. */
async function settle(person) {
  await person.page.mouse.move(0, 0);
  await person.page.evaluate(() => document.activeElement?.blur());
}

async function say(person, text) {
  await person.page.locator('lk-conference >>> lk-chat >>> [part=input]').fill(text);
  await person.page.keyboard.press('Enter');
}

async function run() {
  if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}. Install it (Debian: apt-get install -y chromium) or set CHROMIUM_BIN.`);
  const { default: puppeteer } = await import('puppeteer-core');

  const cleanups = [];
  const cleanup = async () => {
    while (cleanups.length) await Promise.resolve(cleanups.pop()()).catch((err) => console.error(`cleanup: ${err.message}`));
  };
  const watchdog = setTimeout(() => {
    console.error(`screenshots: gave up after ${WATCHDOG_MS / 60_000} minutes.`);
    void cleanup().then(() => process.exit(1));
  }, WATCHDOG_MS);

  const people = [];
  try {
    const demo = await startDemo();
    cleanups.push(() => demo.stop());
    const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS, defaultViewport: VIEWPORT, timeout: 30_000 });
    cleanups.push(() => browser.close());

    const room = `screenshots-${randomBytes(3).toString('hex')}`;
    const ann = await join(browser, demo.url, { name: 'Ann', theme: 'light', room });
    people.push(ann);
    const ben = await join(browser, demo.url, { name: 'Ben', theme: 'dark', room });
    people.push(ben);
    const identity = async (person) => (await person.page.evaluate(() => document.querySelector('lk-conference').livekitRoom.localParticipant.identity));
    const [annId, benId] = [await identity(ann), await identity(ben)];
    const cameras = [`${annId}/camera`, `${benId}/camera`];
    for (const person of people) await waitForVideos(person, cameras);

    // Ann shares her screen (the fake screen), from the control bar: both pages show it large.
    await ann.page.locator('lk-conference >>> lk-screenshare >>> button').click();
    for (const person of people) await waitForVideos(person, [...cameras, `${annId}/screen_share`]);

    // The chat, open on both sides, a message each way.
    for (const person of people) await person.page.locator('lk-conference >>> [part=chat-toggle]').click();
    const lines = ['Can you see my screen?', 'Yes, loud and clear.'];
    await say(ann, lines[0]);
    await waitFor(async () => (await ben.page.evaluate(probe)).messages.includes(lines[0]), 'Ben to read Ann\'s message');
    await say(ben, lines[1]);
    for (const person of people) {
      const shown = async () => (await person.page.evaluate(probe)).messages.join('\n') === lines.join('\n');
      await waitFor(shown, `${person.name}'s chat to show both messages`);
    }

    // No hover or focus left over from the clicks, and a moment for adaptive stream to settle.
    for (const person of people) await settle(person);
    await sleep(3000);
    for (const person of people) await waitForVideos(person, [...cameras, `${annId}/screen_share`]);

    mkdirSync(SCRATCH, { recursive: true });
    const shots = [];
    for (const person of people) {
      const file = path.join(SCRATCH, `conference-${person.theme}.png`);
      await capture(person, file);
      shots.push([file, path.join(DOCS, `conference-${person.theme}.png`)]);
    }

    // Cy, on a phone: the grid with the control bar, then the chat open over it.
    const prejoinPhone = path.join(SCRATCH, 'prejoin-phone.png');
    const beforeJoin = async (person) => {
      await settle(person);
      await capture(person, prejoinPhone);
    };
    const cy = await join(browser, demo.url, { name: 'Cy', theme: 'light', room, viewport: PHONE, beforeJoin });
    shots.push([prejoinPhone, path.join(DOCS, 'prejoin-phone.png')]);
    people.push(cy);
    const cyId = await identity(cy);
    const everything = [...cameras, `${cyId}/camera`, `${annId}/screen_share`];
    await waitForVideos(cy, everything);
    const greeting = ['Hi Cy, we can see you.', 'Hello from my phone!'];
    await say(ben, greeting[0]);
    await waitFor(async () => (await cy.page.evaluate(probe)).messages.includes(greeting[0]), 'Cy to receive Ben\'s message');
    await settle(cy);
    await sleep(3000);
    await waitForVideos(cy, everything);
    const phone = path.join(SCRATCH, 'conference-phone.png');
    await capture(cy, phone);
    shots.push([phone, path.join(DOCS, 'conference-phone.png')]);

    await cy.page.locator('lk-conference >>> [part=chat-toggle]').click();
    await say(cy, greeting[1]);
    await waitFor(async () => (await cy.page.evaluate(probe)).messages.join('\n') === greeting.join('\n'), 'Cy\'s chat to show both messages');
    await settle(cy);
    const phoneChat = path.join(SCRATCH, 'conference-phone-chat.png');
    await capture(cy, phoneChat);
    shots.push([phoneChat, path.join(DOCS, 'conference-phone-chat.png')]);

    // Dee and a crowd of 12 from the backend publisher, in a room of their own, 9 tiles a page.
    const crowdRoom = `${room}-crowd`;
    const crowd = startPublisher({ ...JSON.parse(process.env.LKE_SCREENSHOTS_PUBLISHER), url: demo.server.url, apiKey: demo.server.apiKey, apiSecret: demo.server.apiSecret, room: crowdRoom, count: 12, names: CROWD, duration: '3m' });
    cleanups.push(() => crowd.stop());
    await crowd.ready;
    const dee = await join(browser, demo.url, { name: 'Dee', theme: 'dark', room: crowdRoom, query: '&page-size=9' });
    people.push(dee);
    const grid = 'lk-conference >>> lk-participants';
    await waitFor(async () => (await dee.page.$eval(grid, (el) => el.pageCount)) === 2, 'Dee\'s grid in two pages');
    const onPage = await dee.page.$eval(grid, (el) => el.items.map((item) => `${item.dataset.identity}/${item.dataset.source}`));
    await settle(dee);
    await sleep(2000);
    await waitForVideos(dee, onPage, 45_000);
    const pages = path.join(SCRATCH, 'conference-pages.png');
    await capture(dee, pages);
    shots.push([pages, path.join(DOCS, 'conference-pages.png')]);

    // Dee pins the fifth tile: it is large, the others in the strip beside it.
    const pinned = onPage[4];
    await dee.page.$eval(grid, (el, key) => el.items.find((item) => `${item.dataset.identity}/${item.dataset.source}` === key).querySelector('lk-participant-tile').shadowRoot.querySelector('[part=pin-button]').click(), pinned);
    await waitFor(async () => (await dee.page.$eval(grid, (el) => el.items[0]?.slot)) === 'lk-focus', 'the pinned tile in focus');
    await settle(dee);
    await sleep(2000);
    await waitForVideos(dee, [pinned], 30_000);
    const pinnedShot = path.join(SCRATCH, 'conference-pinned.png');
    await capture(dee, pinnedShot);
    shots.push([pinnedShot, path.join(DOCS, 'conference-pinned.png')]);

    // Eve and the voice agent: the inline widget of demo/agent.html, captions on.
    const agent = startAgent({ ...JSON.parse(process.env.LKE_SCREENSHOTS_PUBLISHER), url: demo.server.url, apiKey: demo.server.apiKey, apiSecret: demo.server.apiSecret, agentName: 'demo-agent', auto: true, duration: '3m' });
    cleanups.push(() => agent.stop());
    await agent.ready;
    const eveContext = await browser.createBrowserContext();
    const evePage = await eveContext.newPage();
    const eveViewport = { width: 900, height: 760 };
    await evePage.setViewport(eveViewport);
    await evePage.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    const eve = { name: 'Eve', page: evePage, viewport: eveViewport };
    people.push(eve);
    await evePage.goto(`${demo.url}agent.html`, { waitUntil: 'load' });
    await evePage.locator('#inline >>> [part~=start]').click();
    // The agent's greeting, as text under its voice.
    const segments = () => evePage.$eval('#inline', (el) => [...(el.shadowRoot.querySelector('lk-transcript')?.shadowRoot.querySelectorAll('[part~=final]') ?? [])].length);
    await waitFor(async () => (await segments()) >= 1, 'the greeting in the transcript', 60_000);
    await waitFor(async () => (await evePage.$eval('#inline', (el) => el.getAttribute('state'))) === 'listening', 'the agent listening again', 30_000);
    await settle(eve);
    const agentShot = path.join(SCRATCH, 'voice-agent.png');
    await capture(eve, agentShot);
    shots.push([agentShot, path.join(DOCS, 'voice-agent.png')]);

    for (const [from, to] of shots) {
      renameSync(from, to);
      console.log(`wrote ${path.relative(root, to)}`);
    }
    rmSync(SCRATCH, { recursive: true, force: true });
    return 0;
  } catch (err) {
    // What the pages looked like when it failed, for whoever reads the error.
    mkdirSync(SCRATCH, { recursive: true });
    for (const person of people) {
      const file = path.join(SCRATCH, `failed-${person.name.toLowerCase()}.png`);
      if (await person.page.screenshot({ path: file }).then(() => true, () => false)) console.error(`screenshots: ${person.name}'s page at the failure: ${path.relative(root, file)}`);
    }
    throw err;
  } finally {
    clearTimeout(watchdog);
    await cleanup();
  }
}

/** Outside the namespace: find (or build) the server and the backend publisher, then run again inside a loopback-only one. */
async function main() {
  if (!process.env.LKE_SCREENSHOTS_PUBLISHER) process.env.LKE_SCREENSHOTS_PUBLISHER = JSON.stringify(await ensurePublisher());
  if (process.platform === 'linux' && !process.env.LKE_IN_NETNS && !externalServer()) {
    findServerBinary();
    if (canUnshare()) return rerunInNamespace(fileURLToPath(import.meta.url));
    console.error('unshare is not permitted here: the screenshots are taken in the normal network namespace.');
  }
  return run();
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`screenshots: ${err?.stack ?? err}`);
    process.exit(1);
  },
);
