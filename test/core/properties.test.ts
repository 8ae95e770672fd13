/**
 * Property tests of every attribute grammar (fast-check): each generated string is either refused
 * with `invalid-attribute` (an `InvalidValue` naming the accepted forms, the option left at its
 * default), or gives options that Chromium's real `getUserMedia`, `getDisplayMedia`,
 * `RTCPeerConnection.addTransceiver` and `HTMLMediaElement.volume` accept and keep as given.
 *
 * The send encodings are built as livekit-client builds them (`computeVideoEncodings` and
 * `encodingsFromPresets`: the layers scaled down from the captured size, never up, the top layer
 * last); that part of the SDK is not exported. `test/e2e/publish.test.ts` publishes the extreme
 * accepted values through the SDK itself.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { VideoPreset, VideoPresets, createLocalVideoTrack, type LocalVideoTrack, type VideoResolution } from 'livekit-client';
import { PARTICIPANT_FILTERS, LAYOUTS, TILE_SOURCES, parseLayout, parseParticipantFilter, parseTileSources } from '../../src/core/participants.js';
import { parseVolume } from '../../src/core/audio.js';
import { MAX_PAGE_SIZE, parsePage, parsePageSize } from '../../src/core/layout.js';
import { mapAttributes, type AttributeSpec } from '../../src/core/attributes.js';
import { InvalidValue, type Parser } from '../../src/core/grammar.js';
import { ROOM_OPTION_ATTRIBUTES } from '../../src/core/room-options.js';
import { CAMERA_ATTRIBUTES, MICROPHONE_ATTRIBUTES, SCREEN_SHARE_ATTRIBUTES } from '../../src/core/track-options.js';

const RUNS = 60;

// ---- Generators: what a person (or a fuzzer) might type ----

const digits = (max: number) => fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: 1, maxLength: max });
/** Numbers of every shape: short and hundreds of digits long, signs, fractions, exponents, units. */
const numberish = fc
  .tuple(
    fc.constantFrom('', '', '', '-', '+', ' '),
    fc.oneof({ weight: 4, arbitrary: digits(4) }, { weight: 1, arbitrary: digits(400) }),
    fc.option(fc.oneof(digits(3), digits(30)), { nil: '' }).map((f) => (f ? `.${f}` : '')),
    fc.constantFrom('', '', '', 'k', 'K', 'M', 'm', 'e3', ' k', 'kbps', 'x'),
  )
  .map(([sign, whole, fraction, unit]) => `${sign}${whole}${fraction}${unit}`);
const size = fc.tuple(numberish, numberish, fc.option(numberish, { nil: undefined })).map(([w, h, fps]) => `${w}x${h}${fps === undefined ? '' : `@${fps}`}`);
const layer = fc.oneof(
  fc.constantFrom(...Object.keys(VideoPresets), 'h360fps3', 'h1080fps30'),
  fc
    .tuple(size, numberish, fc.option(fc.string({ maxLength: 5 }), { nil: undefined }))
    .map(([s, bitrate, extra]) => `${s}:${bitrate}${extra === undefined ? '' : `:${extra}`}`),
);
const layers = fc.tuple(fc.array(layer, { minLength: 0, maxLength: 3 }), fc.constantFrom(',', ', ', ' ,')).map(([parts, separator]) => parts.join(separator));
const words = fc.constantFrom('', ' ', 'true', 'false', 'on', 'OFF', 'yes', 'null', 'undefined', 'NaN', 'Infinity', '1e999', 'toString', '__proto__', '<img src=x onerror=alert(1)>');
/** Any value of any grammar: the mixes above, and plain random text. */
const anyValue = fc.oneof(numberish, size, layers, words, fc.string({ maxLength: 40 }), fc.string({ unit: 'grapheme', maxLength: 20 }));

// ---- What Chromium accepts ----

let camera: MediaStreamTrack;
let microphone: MediaStreamTrack;

before(async () => {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 1280, height: 720 }, audio: true });
  [camera] = stream.getVideoTracks();
  [microphone] = stream.getAudioTracks();
});

after(() => {
  camera?.stop();
  microphone?.stop();
});

/** `addTransceiver` with these send encodings must accept them and keep each value as given. */
function acceptedEncodings(track: MediaStreamTrack, encodings: RTCRtpEncodingParameters[]): void {
  const pc = new RTCPeerConnection();
  try {
    const { sender } = pc.addTransceiver(track, { direction: 'sendonly', sendEncodings: encodings });
    const kept = sender.getParameters().encodings;
    expect(kept.length, 'layers kept').to.equal(encodings.length);
    encodings.forEach((sent, i) => {
      expect(kept[i].maxBitrate, `layer ${i} maxBitrate`).to.equal(sent.maxBitrate);
      if (sent.maxFramerate !== undefined) expect(kept[i].maxFramerate, `layer ${i} maxFramerate`).to.be.closeTo(sent.maxFramerate, 1e-6);
      if (sent.scaleResolutionDownBy !== undefined) expect(kept[i].scaleResolutionDownBy, `layer ${i} scale`).to.be.closeTo(sent.scaleResolutionDownBy, 1e-6);
    });
  } finally {
    pc.close();
  }
}

/** The simulcast encodings livekit-client sends for `presets` below a top layer of `top`. */
function simulcastEncodings(presets: VideoPreset[], top: { maxBitrate: number; maxFramerate?: number }): RTCRtpEncodingParameters[] {
  const settings = camera.getSettings();
  const captured = Math.min(settings.width ?? 1280, settings.height ?? 720);
  const rids = ['q', 'h', 'f'];
  const lower = presets.map((preset, i) => ({
    rid: rids[i],
    scaleResolutionDownBy: Math.max(1, captured / Math.min(preset.width, preset.height)),
    maxBitrate: preset.encoding.maxBitrate,
    maxFramerate: preset.encoding.maxFramerate,
  }));
  return [...lower, { rid: rids[lower.length], ...top }];
}

async function acceptedCapture(resolution: VideoResolution): Promise<void> {
  let track: LocalVideoTrack | undefined;
  try {
    track = await createLocalVideoTrack({ resolution });
    expect(track.mediaStreamTrack.readyState).to.equal('live');
  } finally {
    track?.stop();
  }
}

async function acceptedScreenCapture(resolution: VideoResolution): Promise<void> {
  // As livekit-client asks for it outside Safari (`screenCaptureToDisplayMediaStreamOptions`).
  const stream = await navigator.mediaDevices.getDisplayMedia({
    video: { width: { ideal: resolution.width }, height: { ideal: resolution.height }, frameRate: resolution.frameRate },
  });
  stream.getTracks().forEach((t) => t.stop());
}

/** Puts what an accepted attribute value set in front of the browser, by the option it sets. */
async function checkInBrowser(spec: AttributeSpec, value: unknown): Promise<void> {
  const { target } = spec;
  if (/SimulcastLayers$/.test(target)) {
    const presets = value as VideoPreset[];
    acceptedEncodings(camera, simulcastEncodings(presets, { maxBitrate: 1_700_000, maxFramerate: 30 }));
  } else if (/Encoding\.maxBitrate$/.test(target)) {
    acceptedEncodings(camera, simulcastEncodings([], { maxBitrate: value as number }));
  } else if (/Encoding\.maxFramerate$/.test(target)) {
    acceptedEncodings(camera, simulcastEncodings([], { maxBitrate: 1_700_000, maxFramerate: value as number }));
  } else if (/audioPreset\.maxBitrate$/.test(target)) {
    acceptedEncodings(microphone, [{ maxBitrate: value as number }]);
  } else if (/audioPreset$/.test(target)) {
    acceptedEncodings(microphone, [{ maxBitrate: (value as { maxBitrate: number }).maxBitrate }]);
  } else if (/^ScreenShareCaptureOptions\.resolution$/.test(target)) {
    await acceptedScreenCapture(value as VideoResolution);
  } else if (/resolution$/.test(target)) {
    await acceptedCapture(value as VideoResolution);
  } else if (/resolution\.frameRate$/.test(target)) {
    await acceptedCapture({ width: 1280, height: 720, frameRate: value as number });
  } else {
    // Booleans, codecs, modes, device ids, surfaces: a word of the grammar's own set.
    expect(['boolean', 'string', 'object'], `${spec.name} gives ${typeof value}`).to.include(typeof value);
    if (typeof value === 'string') expect(value !== '' && value.trim() === value, `"${value}" is a trimmed word`).to.equal(true);
  }
}

/** The option specs whose values reach the SDK: `<lk-room>`'s and the three controls'. */
const SPECS: [string, readonly AttributeSpec[]][] = [
  ['lk-room', ROOM_OPTION_ATTRIBUTES],
  ['lk-camera-toggle', CAMERA_ATTRIBUTES],
  ['lk-microphone-toggle', MICROPHONE_ATTRIBUTES],
  ['lk-screenshare', SCREEN_SHARE_ATTRIBUTES],
];

describe('core: every grammar refuses a value or gives options the browser accepts (fast-check)', () => {
  for (const [element, specs] of SPECS) {
    for (const spec of specs) {
      it(`${element} ${spec.name}`, async () => {
        let accepted = 0;
        await fc.assert(
          fc.asyncProperty(anyValue, async (value) => {
            const mapped = mapAttributes([spec], (name) => (name === spec.name ? value : null), () => ({}));
            let parsed: unknown;
            try {
              parsed = spec.parse(value);
            } catch (err) {
              // Refused: an InvalidValue (never a crash), reported once as invalid-attribute, nothing set.
              expect(err, `${spec.name}="${value}" refused with a reason`).to.be.instanceOf(InvalidValue);
              expect(mapped.errors.map((e) => [e.attribute, e.value, e.accepted])).to.deep.equal([[spec.name, value, spec.accepted]]);
              expect(Object.keys(mapped).filter((k) => k !== 'errors')).to.deep.equal([]);
              return;
            }
            expect(mapped.errors, `${spec.name}="${value}" accepted`).to.deep.equal([]);
            accepted += 1;
            await checkInBrowser(spec, parsed);
          }),
          { numRuns: RUNS, examples: examplesFor(spec) },
        );
        // The generators reach both sides of every numeric grammar (the examples guarantee it).
        expect(accepted, 'some values accepted').to.be.greaterThan(0);
      });
    }
  }

  const ELEMENT_GRAMMARS: [string, Parser<unknown>, (value: unknown) => void][] = [
    ['lk-audio-renderer volume', parseVolume, (v) => (new Audio().volume = v as number)],
    ['lk-participants filter', parseParticipantFilter, (v) => expect(PARTICIPANT_FILTERS).to.include(v)],
    ['lk-participants layout', parseLayout, (v) => expect(LAYOUTS).to.include(v)],
    ['lk-participants sources', parseTileSources, (v) => expect(TILE_SOURCES).to.include.members(v as string[])],
    ['lk-participants page-size', parsePageSize, (v) => expect(v === 'auto' || (Number.isInteger(v) && (v as number) >= 1 && (v as number) <= MAX_PAGE_SIZE)).to.equal(true)],
    ['lk-participants page', parsePage, (v) => expect(Number.isSafeInteger(v) && (v as number) >= 1).to.equal(true)],
  ];
  for (const [name, parse, check] of ELEMENT_GRAMMARS) {
    it(name, () => {
      fc.assert(
        fc.property(fc.oneof(anyValue, fc.double().map(String)), (value) => {
          let parsed: unknown;
          try {
            parsed = parse(value);
          } catch (err) {
            expect(err).to.be.instanceOf(InvalidValue);
            return;
          }
          check(parsed);
        }),
        { numRuns: RUNS * 4 },
      );
    });
  }
});

/** Values at and just past each bound, always tried first. */
function examplesFor(spec: AttributeSpec): [string][] {
  const t = spec.target;
  if (/SimulcastLayers$/.test(t)) return [['16x16@1:10k, 8192x8192@240:100M'], ['640x360@20:500k:junk'], ['320x180@15:0.0001k'], ['h180']];
  if (/audioPreset\.maxBitrate$/.test(t)) return [['6k'], ['510k'], ['5999'], [`${'9'.repeat(300)}`]];
  if (/maxBitrate$/.test(t)) return [['10k'], ['100M'], ['0.0001k'], [`${'9'.repeat(300)}k`]];
  if (/(frameRate|maxFramerate)$/.test(t)) return [['1'], ['240'], ['29.97'], ['0.5'], [`${'9'.repeat(300)}`]];
  if (/resolution$/.test(t)) return [['16x16@1'], ['8192x8192@240'], ['1280x720'], ['0x720'], [`1280x720@${'9'.repeat(300)}`]];
  // The words its accepted forms name (`one of vp8, h264, …`), and one that is none of them.
  return [...spec.accepted.split(/[\s,()]+/).filter(Boolean).map((word): [string] => [word]), ['garbage']];
}
