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
