// Debian's Firefox ESR, driven over WebDriver BiDi by puppeteer-core, and the preferences every
// run of it here starts with.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import * as puppeteer from 'puppeteer-core';
import { ChromeLauncher } from '@web/test-runner-chrome';

export const FIREFOX = process.env.FIREFOX_BIN || '/usr/bin/firefox-esr';

/**
 * Fake camera and microphone, two fake speakers, the screen of the virtual display; all granted
 * without a prompt; peer connections over loopback; autoplay.
 *
 * - The camera and microphone grant comes from the permission defaults: with only
 *   `media.navigator.permission.disabled`, Firefox counts the page as one without media permission
 *   and gathers no ICE candidates at all. That pref is set as well, for what the defaults cannot
 *   give: Firefox always prompts for a screen, and the prompt has no answer headless.
 * - `obfuscate_host_addresses` off keeps the plain 127.0.0.1 host candidate (mDNS names resolve
 *   nowhere in the loopback-only namespace).
 * - `force_mock_context`: Firefox's mock audio backend, with two fake output devices. Without a
 *   sound server, Firefox would have no output device at all, and an `AudioContext` that stays
 *   suspended (no microphone level, no playback).
 * - `lock_scaling` and `min_bitrate_estimate` (kbps): the camera keeps its capture size under CPU
 *   load, and the bandwidth estimate never falls below what the three default layers need
 *   (160k + 450k + 1.7M). On a busy machine the delays of a starved CPU look like congestion, and
 *   Firefox would stop the top simulcast layer, which the dynacast and adaptive-stream tests would
 *   read as the server's choice. Loopback has no bandwidth limit to find.
 */
export const MEDIA_PREFS = {
  'permissions.default.camera': 1,
  'permissions.default.microphone': 1,
  'media.navigator.permission.disabled': true,
  'media.navigator.streams.fake': true,
  'media.cubeb.force_mock_context': true,
  'media.peerconnection.ice.loopback': true,
  'media.peerconnection.ice.obfuscate_host_addresses': false,
  'media.autoplay.default': 0,
  'media.getusermedia.screensharing.enabled': true,
  'media.peerconnection.video.lock_scaling': true,
  'media.peerconnection.video.min_bitrate_estimate': 3000,
};

/** The network is closed: no background traffic, no updates, no first-run pages. */
export const QUIET_PREFS = {
  'app.update.enabled': false,
  'browser.shell.checkDefaultBrowser': false,
  'browser.startup.homepage_override.mstone': 'ignore',
  'datareporting.policy.dataSubmissionEnabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
};

/**
 * A virtual X display (Xvfb) for as long as the browser runs: headless Firefox finds no screen to
 * capture without one. Resolves to its name (`:0`, `:1`, …) and a function that stops it.
 */
export function startXvfb() {
  return new Promise((resolve, reject) => {
    const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
    xvfb.on('error', (err) => reject(new Error(`Xvfb did not start (Debian: apt-get install -y xvfb): ${err.message}`)));
    xvfb.on('exit', (code) => reject(new Error(`Xvfb exited with ${code} before it had a display`)));
    let out = '';
    xvfb.stdio[3].on('data', (chunk) => {
      out += chunk;
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, stop: () => xvfb.kill() });
    });
    process.once('exit', () => xvfb.kill());
  });
}

/** web-test-runner's puppeteer launcher, starting Firefox on a display of its own. */
class FirefoxLauncher extends ChromeLauncher {
  #xvfb;

  async launchBrowser(options = {}) {
    if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}. Install it (Debian: apt-get install -y firefox-esr) or set FIREFOX_BIN.`);
    this.#xvfb ??= startXvfb();
    const { display } = await this.#xvfb;
    return super.launchBrowser({ ...options, env: { ...process.env, DISPLAY: display } });
  }

  async stop() {
    await super.stop();
    if (this.#xvfb) (await this.#xvfb).stop();
  }
}

/**
 * A web-test-runner launcher for headless Firefox ESR with `prefs` on top of the ones above. One page
 * at a time: Firefox holds back `getUserMedia` in a background tab.
 */
export function firefox(prefs = {}) {
  const launchOptions = {
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: true,
    extraPrefsFirefox: { ...QUIET_PREFS, ...MEDIA_PREFS, ...prefs },
  };
  const concurrency = 1;
  return new FirefoxLauncher(launchOptions, ({ browser }) => browser.defaultBrowserContext(), ({ context }) => context.newPage(), puppeteer, concurrency);
}
