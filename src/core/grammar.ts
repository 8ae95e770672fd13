/**
 * The attribute grammars of livekit-elements: how the strings of HTML become option values.
 * Pure functions, no DOM. Each parser returns the value or throws an {@link InvalidValue} that
 * says which forms are accepted.
 */
import { VideoPreset, type VideoResolution } from 'livekit-client';

/** A value that does not fit its attribute's grammar. `accepted` describes the forms that do. */
export class InvalidValue extends Error {
  constructor(readonly accepted: string, readonly detail?: string) {
    super(detail ? `${detail}; accepted: ${accepted}` : `accepted: ${accepted}`);
    this.name = 'InvalidValue';
  }
}

export type Parser<T> = (value: string) => T;

const TRUE_WORDS = ['', 'true', 'on', 'yes'];
const FALSE_WORDS = ['false', 'off', 'no'];

export const TRI_ACCEPTED = 'no value, true, on, yes (true) or false, off, no (false)';

/** Tri-state boolean: present with no value, `true`, `on`, `yes` → true; `false`, `off`, `no` → false. */
export function parseTri(value: string): boolean {
  const word = value.trim().toLowerCase();
  if (TRUE_WORDS.includes(word)) return true;
  if (FALSE_WORDS.includes(word)) return false;
  throw new InvalidValue(TRI_ACCEPTED);
}

/**
 * A plain boolean attribute (`connect`, `audio`, `video`): absent is false, `false`/`off`/`no` are
 * false, any other value is true, as HTML reads a present boolean attribute.
 */
export function parseFlag(value: string | null): boolean {
  return value !== null && !FALSE_WORDS.includes(value.trim().toLowerCase());
}

/**
 * The ranges a value may take, chosen so that whatever passes reaches livekit-client and WebRTC as
 * a finite number they accept (see the README's grammar list):
 * - video bitrates 10 kbps to 100 Mbps: below, no codec makes a picture (Chromium's own floor is
 *   30 kbps); above is beyond any camera or screen encoding a browser does, and both ends sit well
 *   inside the `unsigned long` of `RTCRtpEncodingParameters.maxBitrate`;
 * - audio bitrates 6 kbps to 510 kbps: the range of Opus (RFC 6716);
 * - frame rates 1 to 240;
 * - widths and heights 16 to 8192 pixels (a codec's macroblock to 8K).
 */
export const BOUNDS = {
  videoBitrate: { min: 10_000, max: 100_000_000 },
  audioBitrate: { min: 6_000, max: 510_000 },
  frameRate: { min: 1, max: 240 },
  size: { min: 16, max: 8192 },
} as const;

interface Range {
  readonly min: number;
  readonly max: number;
}

/** A bitrate as people write it: `10k`, `1.5M`. */
function formatBitrate(bits: number): string {
  if (bits >= 1_000_000 && bits % 1000 === 0) return `${bits / 1_000_000}M`;
  if (bits >= 1000) return `${bits / 1000}k`;
  return String(bits);
}

function inRange(value: number, range: Range): boolean {
  return Number.isFinite(value) && value >= range.min && value <= range.max;
}

function bitrateAccepted(range: Range, example: string): string {
  return `bits per second from ${formatBitrate(range.min)} to ${formatBitrate(range.max)}: an integer, or a number with k (×1000) or M (×1,000,000), e.g. ${example}`;
}

export const BITRATE_ACCEPTED = bitrateAccepted(BOUNDS.videoBitrate, '800000, 800k, 1.5M');
export const AUDIO_BITRATE_ACCEPTED = bitrateAccepted(BOUNDS.audioBitrate, '32k, 64000');

/** Bitrate in bits per second, `800000`, `800k`, `1.5M`, rounded to whole bits, within the bounds of a video or an audio bitrate. */
export function parseBitrate(value: string, kind: 'video' | 'audio' = 'video'): number {
  const [range, accepted] = kind === 'audio' ? [BOUNDS.audioBitrate, AUDIO_BITRATE_ACCEPTED] : [BOUNDS.videoBitrate, BITRATE_ACCEPTED];
  const match = /^(\d+(?:\.\d+)?)\s*([kKM]?)$/.exec(value.trim());
  if (!match) throw new InvalidValue(accepted);
  const unit = match[2] === 'M' ? 1_000_000 : match[2] ? 1000 : 1;
  const exact = Number(match[1]) * unit;
  const outOfRange = new InvalidValue(accepted, `${formatBitrate(range.min)} is the least and ${formatBitrate(range.max)} the most`);
  if (!Number.isFinite(exact)) throw outOfRange;
  if (!Number.isInteger(exact) && !match[2]) throw new InvalidValue(accepted, 'a bitrate without unit is a whole number');
  const bits = Math.round(exact);
  if (!inRange(bits, range)) throw outOfRange;
  return bits;
}

export const FRAME_RATE_ACCEPTED = `a frame rate from ${BOUNDS.frameRate.min} to ${BOUNDS.frameRate.max}, e.g. 15 or 29.97`;

/** A frame rate: a whole or decimal number within `BOUNDS.frameRate`. */
export function parseFrameRate(value: string): number {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text) || !inRange(Number(text), BOUNDS.frameRate)) throw new InvalidValue(FRAME_RATE_ACCEPTED);
  return Number(text);
}

/** Named presets, e.g. livekit-client's `VideoPresets`. */
export type PresetTable = Readonly<Record<string, VideoPreset>>;

function presetNames(presets: PresetTable): string {
  return Object.keys(presets).join(' ');
}

const SIZE = /^(\d+)\s*x\s*(\d+)(?:\s*@\s*(\d+(?:\.\d+)?))?$/i;

const SIZE_RULE = `width and height from ${BOUNDS.size.min} to ${BOUNDS.size.max}`;

export function resolutionAccepted(presets: PresetTable): string {
  return `a preset (${presetNames(presets)}), WxH, or WxH@fps (${SIZE_RULE}, fps from ${BOUNDS.frameRate.min} to ${BOUNDS.frameRate.max}), e.g. 1280x720@24`;
}

/** `parse()` of a part of a larger value: its refusal names the part and the whole value's forms. */
function within<T>(accepted: string, part: string, parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    throw err instanceof InvalidValue ? new InvalidValue(accepted, `${part}: ${err.detail ?? err.accepted}`) : err;
  }
}

/** Width and height of a `SIZE` match, within `BOUNDS.size`. */
function parseSize(match: RegExpExecArray, accepted: string): { width: number; height: number } {
  const [width, height] = [Number(match[1]), Number(match[2])];
  if (!inRange(width, BOUNDS.size) || !inRange(height, BOUNDS.size)) throw new InvalidValue(accepted, SIZE_RULE);
  return { width, height };
}

/** Capture resolution: a preset name, `WxH` or `WxH@fps`. */
export function parseResolution(value: string, presets: PresetTable): VideoResolution {
  const text = value.trim();
  const preset = Object.hasOwn(presets, text) ? presets[text] : undefined;
  if (preset) return { ...preset.resolution };
  const match = SIZE.exec(text);
  if (!match) throw new InvalidValue(resolutionAccepted(presets));
  const accepted = resolutionAccepted(presets);
  const resolution: VideoResolution = parseSize(match, accepted);
  if (match[3] !== undefined) resolution.frameRate = within(accepted, `fps ${match[3]}`, () => parseFrameRate(match[3]));
  return resolution;
}

export const MAX_SIMULCAST_LAYERS = 2;

export function layersAccepted(presets: PresetTable): string {
  return `at most ${MAX_SIMULCAST_LAYERS} comma-separated layers, each a preset (${presetNames(presets)}) or WxH@fps:bitrate (${SIZE_RULE}, fps from ${BOUNDS.frameRate.min} to ${BOUNDS.frameRate.max}, bitrate from ${formatBitrate(BOUNDS.videoBitrate.min)} to ${formatBitrate(BOUNDS.videoBitrate.max)}), e.g. h180,h360 or 320x180@15:150k, 640x360@20:500k`;
}

/** One simulcast layer: a preset name or `WxH@fps:bitrate`. */
function parseLayer(text: string, presets: PresetTable): VideoPreset {
  const preset = Object.hasOwn(presets, text) ? presets[text] : undefined;
  if (preset) return preset;
  const accepted = layersAccepted(presets);
  const [size, bitrate, ...extra] = text.split(':');
  const match = SIZE.exec(size.trim());
  if (!match || match[3] === undefined || bitrate === undefined || extra.length > 0) {
    throw new InvalidValue(accepted, `"${text}" is not a layer`);
  }
  const { width, height } = parseSize(match, accepted);
  return new VideoPreset(
    width,
    height,
    within(accepted, `"${text}"`, () => parseBitrate(bitrate)),
    within(accepted, `"${text}"`, () => parseFrameRate(match[3])),
  );
}

/** Simulcast layers: up to two, comma-separated. */
export function parseLayers(value: string, presets: PresetTable): VideoPreset[] {
  const parts = value.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw new InvalidValue(layersAccepted(presets), 'a layer is empty');
  if (parts.length > MAX_SIMULCAST_LAYERS) {
    throw new InvalidValue(layersAccepted(presets), `${parts.length} layers given; the SDK sends at most ${MAX_SIMULCAST_LAYERS} below the original`);
  }
  return parts.map((part) => parseLayer(part, presets));
}

/** One of a fixed set of words, matched without regard to case and returned as the SDK spells it. */
export function enumParser<T extends string>(values: readonly T[]): Parser<T> {
  return (value) => {
    const word = value.trim().toLowerCase();
    const found = values.find((candidate) => candidate.toLowerCase() === word);
    if (found === undefined) throw new InvalidValue(enumAccepted(values));
    return found;
  };
}

export function enumAccepted(values: readonly string[]): string {
  return `one of ${values.join(', ')}`;
}

/** Any non-empty text (device ids, URLs are checked where they are used). */
export function parseText(value: string): string {
  const text = value.trim();
  if (text === '') throw new InvalidValue('a non-empty value');
  return text;
}
