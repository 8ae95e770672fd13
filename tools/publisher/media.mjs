// The publisher's media, made with WebCodecs in headless Chromium: nothing is downloaded.
//
// Video: four variants (hues) of bench/media.mjs's moving test pattern, each in the three simulcast
// layers (320×180@15, 640×360@20, 1280×720@30; VP8, a key frame every second), as IVF files
// `video-<variant>-<height>.ivf`.
// Audio: Opus (48 kHz, mono, 20 ms packets) from WebCodecs' AudioEncoder: `tone.ogg`, a voice-like
// tone (a 220–330 Hz fundamental with harmonics, in syllables), and `silence.ogg`, encoded zeros.
//
// The Opus packets go into Ogg, one packet per page: a standard container (ffprobe, opusinfo and
// the like read it), and the Go SDK's Ogg reader reads it as it is, CRC included, so the publisher
// needs no reader of its own. One packet per page keeps every packet whole within a page, which
// is all that reader handles.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { LAYERS, encodeInPage, ivf, withEncoderPage } from '../../bench/media.mjs';

export const VIDEO_VARIANTS = 4;
const HUES = [210, 20, 130, 290];
const VIDEO_SECONDS = 10;
const TONE_SECONDS = 6;
const SILENCE_SECONDS = 1;
export const MEDIA_FILES = [
  ...Array.from({ length: VIDEO_VARIANTS }, (_, v) => LAYERS.map((l) => `video-${v}-${l.height}.ivf`)).flat(),
  'tone.ogg',
  'silence.ogg',
];

/* global AudioData, AudioEncoder -- encodeOpusInPage runs in the browser */

/** Encodes `seconds` of tone (or silence) to Opus packets (base64). Runs in the browser. */
export async function encodeOpusInPage({ seconds, silent }) {
  const rate = 48000;
  const frame = 960; // 20 ms
  const packets = [];
  let failure;
  const encoder = new AudioEncoder({
    output: (chunk) => {
      const data = new Uint8Array(chunk.byteLength);
      chunk.copyTo(data);
      packets.push(btoa(String.fromCharCode(...data)));
    },
    error: (err) => (failure = err),
  });
  encoder.configure({ codec: 'opus', sampleRate: rate, numberOfChannels: 1, bitrate: 32000, opus: { frameDuration: 20000 } });
  const total = Math.round((seconds * rate) / frame);
  let phase = 0;
  for (let f = 0; f < total; f++) {
    const samples = new Float32Array(frame);
    if (!silent) {
      for (let i = 0; i < frame; i++) {
        const t = (f * frame + i) / rate;
        // Syllables of ~200 ms with short pauses, a phrase pause each 1.5 s, and a gliding pitch.
        const syllable = Math.max(0, Math.sin(Math.PI * t * 4.5)) ** 1.5;
        const phrase = (t % 1.5) < 1.2 ? 1 : 0;
        const pitch = 220 + 110 * (0.5 + 0.5 * Math.sin(t * 1.7));
        phase += (2 * Math.PI * pitch) / rate;
        const voice = Math.sin(phase) + 0.5 * Math.sin(2 * phase) + 0.25 * Math.sin(3 * phase);
        samples[i] = 0.35 * syllable * phrase * voice;
      }
    }
    const data = new AudioData({ format: 'f32', sampleRate: rate, numberOfFrames: frame, numberOfChannels: 1, timestamp: Math.round((f * frame * 1e6) / rate), data: samples });
    encoder.encode(data);
    data.close();
  }
  await encoder.flush();
  encoder.close();
  if (failure) throw failure;
  return packets;
}

// Ogg (RFC 3533) with Opus (RFC 7845): CRC-32 of polynomial 0x04c11db7, not reflected, initial 0.
const CRC_TABLE = Array.from({ length: 256 }, (_, i) => {
  let r = i << 24;
  for (let k = 0; k < 8; k++) r = r & 0x80000000 ? (r << 1) ^ 0x04c11db7 : r << 1;
  return r >>> 0;
});

function crc32(bytes) {
  let crc = 0;
  for (const b of bytes) crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 24) ^ b) & 0xff]) >>> 0;
  return crc;
}

/** One Ogg page holding one whole packet. `flags`: 2 first page, 4 last page. */
function oggPage(packet, { serial, sequence, granule, flags }) {
  const lacing = [...Array(Math.floor(packet.length / 255)).fill(255), packet.length % 255];
  const header = Buffer.alloc(27);
  header.write('OggS', 0, 'ascii');
  header.writeUInt8(0, 4);
  header.writeUInt8(flags, 5);
  header.writeBigUInt64LE(BigInt(granule), 6);
  header.writeUInt32LE(serial, 14);
  header.writeUInt32LE(sequence, 18);
  header.writeUInt8(lacing.length, 26);
  const page = Buffer.concat([header, Buffer.from(lacing), packet]);
  page.writeUInt32LE(crc32(page), 22);
  return page;
}

/** An Ogg Opus file (mono, 48 kHz) of 20 ms `packets`. */
export function oggOpus(packets) {
  const serial = 0x4c4b4545;
  const head = Buffer.alloc(19);
  head.write('OpusHead', 0, 'ascii');
  head.writeUInt8(1, 8); // version
  head.writeUInt8(1, 9); // channels
  head.writeUInt16LE(312, 10); // pre-skip: libopus' usual 6.5 ms at 48 kHz
  head.writeUInt32LE(48000, 12);
  head.writeInt16LE(0, 16);
  head.writeUInt8(0, 18); // mapping family 0: mono or stereo
  const vendor = Buffer.from('livekit-elements publisher media');
  const tags = Buffer.alloc(8 + 4 + vendor.length + 4);
  tags.write('OpusTags', 0, 'ascii');
  tags.writeUInt32LE(vendor.length, 8);
  vendor.copy(tags, 12);
  tags.writeUInt32LE(0, 12 + vendor.length);
  const pages = [oggPage(head, { serial, sequence: 0, granule: 0, flags: 2 }), oggPage(tags, { serial, sequence: 1, granule: 0, flags: 0 })];
  packets.forEach((packet, i) => {
    const last = i === packets.length - 1;
    pages.push(oggPage(packet, { serial, sequence: i + 2, granule: (i + 1) * 960, flags: last ? 4 : 0 }));
  });
  return Buffer.concat(pages);
}

/** Writes every file of MEDIA_FILES into `dir`, encoding in `browser` (puppeteer). */
export async function writePublisherMedia(browser, dir) {
  await withEncoderPage(browser, async (page) => {
    for (const [variant, hue] of HUES.entries()) {
      for (const layer of LAYERS) {
        const width = (layer.height * 16) / 9;
        const frames = await page.evaluate(encodeInPage, { ...layer, width, seconds: VIDEO_SECONDS, hue });
        const data = ivf({ width, height: layer.height, fps: layer.fps }, frames.map((b64) => Buffer.from(b64, 'base64')));
        writeFileSync(path.join(dir, `video-${variant}-${layer.height}.ivf`), data);
      }
    }
    for (const [file, options] of [['tone.ogg', { seconds: TONE_SECONDS, silent: false }], ['silence.ogg', { seconds: SILENCE_SECONDS, silent: true }]]) {
      const packets = await page.evaluate(encodeOpusInPage, options);
      writeFileSync(path.join(dir, file), oggOpus(packets.map((b64) => Buffer.from(b64, 'base64'))));
    }
  });
}
