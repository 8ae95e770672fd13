// Debian's Chromium and the flags every run of it here starts with.

export const CHROMIUM = process.env.CHROMIUM_BIN || '/usr/bin/chromium';

/** The network is closed: no background traffic, no component updates, no first-run work. */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Fake camera, microphone and screen, granted without a prompt; peer connections over loopback. */
export const MEDIA_FLAGS = [
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

/**
 * Loads `url` in headless Chromium and resolves to the DOM it serialises once the page is done
 * (`--dump-dom` after a virtual-time budget). Chromium is killed after `timeoutMs`.
 */
export async function dumpDom(url, { flags = [], budgetMs = 10_000, timeoutMs = 60_000 } = {}) {
  const { spawn } = await import('node:child_process');
  const args = ['--headless', ...QUIET_FLAGS, ...flags, `--virtual-time-budget=${budgetMs}`, '--dump-dom', url];
  return new Promise((resolve, reject) => {
    const chromium = spawn(CHROMIUM, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let stdout = '';
    const timer = setTimeout(() => chromium.kill(), timeoutMs);
    chromium.stdout.on('data', (chunk) => (stdout += chunk));
    chromium.on('error', reject);
    chromium.on('close', () => {
      clearTimeout(timer);
      resolve(stdout);
    });
  });
}
