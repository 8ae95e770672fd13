// VP8 sample videos for `lk load-test`, made with WebCodecs in headless Chromium.
//
// livekit-cli keeps its load-test media in Git LFS; a Go module download (and so `go install`) holds
// only the LFS pointer files, and its publishers then fail with "IVF signature mismatch". This
// writes real VP8 streams with the names, sizes, frame rates and bitrates lk expects
// (pkg/provider/embeds.go: {crescent,neon,tunnel}_{180_150,360_600,720_2000}.ivf, 16:9, 15/20/30 fps),
// each a moving test pattern with a key frame every second, as IVF files.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

/** The three simulcast layers lk publishes per VP8 sample: height, kbps, fps. */
export const LAYERS = [
  { height: 180, kbps: 150, fps: 15 },
  { height: 360, kbps: 600, fps: 20 },
  { height: 720, kbps: 2000, fps: 30 },
];
const PREFIXES = ['crescent', 'neon', 'tunnel'];
const SECONDS = 10;

/** IVF: a 32-byte file header, then per frame a 12-byte header (size, timestamp) and the frame. */
export function ivf({ width, height, fps }, frames) {
  const header = Buffer.alloc(32);
  header.write('DKIF', 0, 'ascii');
  header.writeUInt16LE(0, 4);
  header.writeUInt16LE(32, 6);
  header.write('VP80', 8, 'ascii');
  header.writeUInt16LE(width, 12);
  header.writeUInt16LE(height, 14);
  header.writeUInt32LE(fps, 16);
  header.writeUInt32LE(1, 20);
  header.writeUInt32LE(frames.length, 24);
  const parts = [header];
  frames.forEach((data, index) => {
    const frameHeader = Buffer.alloc(12);
    frameHeader.writeUInt32LE(data.length, 0);
    frameHeader.writeBigUInt64LE(BigInt(index), 4);
    parts.push(frameHeader, data);
  });
  return Buffer.concat(parts);
}

/* global OffscreenCanvas, VideoEncoder, VideoFrame -- encodeInPage runs in the browser */

/** Encodes one layer in the page; returns its frames (base64). Runs in the browser. */
export async function encodeInPage({ width, height, fps, kbps, seconds, hue }) {
  const canvas = new OffscreenCanvas(width, height);
  const ctx = canvas.getContext('2d');
  const frames = [];
  let failure;
  const encoder = new VideoEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      let binary = '';
      for (let at = 0; at < data.length; at += 0x8000) binary += String.fromCharCode(...data.subarray(at, at + 0x8000));
      frames.push(btoa(binary));
    },
    error: (err) => (failure = err),
  });
  encoder.configure({ codec: 'vp8', width, height, bitrate: kbps * 1000, framerate: fps, latencyMode: 'realtime' });
  const count = seconds * fps;
  for (let i = 0; i < count; i++) {
    const t = i / fps;
    ctx.fillStyle = `hsl(${hue}, 45%, 22%)`;
    ctx.fillRect(0, 0, width, height);
    for (let k = 0; k < 6; k++) {
      ctx.fillStyle = `hsl(${(hue + k * 50) % 360}, 70%, 55%)`;
      const x = ((Math.sin(t * (0.7 + k * 0.2) + k) + 1) / 2) * (width - width / 5);
      const y = ((Math.cos(t * (0.5 + k * 0.15) + k * 2) + 1) / 2) * (height - height / 5);
      ctx.beginPath();
      ctx.arc(x + width / 10, y + height / 10, height / 8, 0, Math.PI * 2);
      ctx.fill();
    }
    ctx.fillStyle = '#fff';
    ctx.font = `${Math.round(height / 6)}px sans-serif`;
    ctx.fillText(`${width}×${height} ${t.toFixed(1)}s`, width / 20, height - height / 12);
    const frame = new VideoFrame(canvas, { timestamp: Math.round((i * 1e6) / fps), duration: Math.round(1e6 / fps) });
    encoder.encode(frame, { keyFrame: i % fps === 0 });
    frame.close();
    if (encoder.encodeQueueSize > 8) await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await encoder.flush();
  encoder.close();
  if (failure) throw failure;
  return frames;
}

/**
 * Runs `fn(page)` on a blank page of `browser` served from http://127.0.0.1 (WebCodecs needs a
 * secure context, and a page from loopback is one); closes the page and its server after.
 */
export async function withEncoderPage(browser, fn) {
  const server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>samples</title>'));
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const page = await browser.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/`);
    return await fn(page);
  } finally {
    await page.close();
    server.close();
  }
}

/** Writes the nine VP8 sample files into `dir`, encoding them in `browser` (puppeteer). */
export async function writeVp8Samples(browser, dir) {
  await withEncoderPage(browser, async (page) => {
    for (const [index, prefix] of PREFIXES.entries()) {
      for (const layer of LAYERS) {
        const width = (layer.height * 16) / 9;
        const frames = await page.evaluate(encodeInPage, { ...layer, width, seconds: SECONDS, hue: index * 120 });
        const file = path.join(dir, `${prefix}_${layer.height}_${layer.kbps}.ivf`);
        writeFileSync(file, ivf({ width, height: layer.height, fps: layer.fps }, frames.map((b64) => Buffer.from(b64, 'base64'))));
      }
    }
  });
}
