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

export const BITRATE_ACCEPTED = 'bits per second: an integer, or a number with k (×1000) or M (×1,000,000), e.g. 800000, 800k, 1.5M';

/** Bitrate in bits per second: `800000`, `800k`, `1.5M`. */
export function parseBitrate(value: string): number {
  const match = /^(\d+(?:\.\d+)?)\s*([kKM]?)$/.exec(value.trim());
  if (!match) throw new InvalidValue(BITRATE_ACCEPTED);
  const unit = match[2] === 'M' ? 1_000_000 : match[2] ? 1000 : 1;
  const bits = Number(match[1]) * unit;
  if (!Number.isInteger(bits) && !match[2]) throw new InvalidValue(BITRATE_ACCEPTED, 'a bitrate without unit is a whole number');
  if (bits <= 0) throw new InvalidValue(BITRATE_ACCEPTED, 'a bitrate is above zero');
  return Math.round(bits);
}

export const NUMBER_ACCEPTED = 'a number above zero, e.g. 15 or 29.97';

/** A positive number (frame rates). */
export function parsePositiveNumber(value: string): number {
  const text = value.trim();
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) <= 0) throw new InvalidValue(NUMBER_ACCEPTED);
  return Number(text);
}

/** Named presets, e.g. livekit-client's `VideoPresets`. */
export type PresetTable = Readonly<Record<string, VideoPreset>>;

function presetNames(presets: PresetTable): string {
  return Object.keys(presets).join(' ');
}

const SIZE = /^(\d+)\s*x\s*(\d+)(?:\s*@\s*(\d+(?:\.\d+)?))?$/i;

export function resolutionAccepted(presets: PresetTable): string {
  return `a preset (${presetNames(presets)}), WxH, or WxH@fps, e.g. 1280x720@24`;
}

/** Capture resolution: a preset name, `WxH` or `WxH@fps`. */
export function parseResolution(value: string, presets: PresetTable): VideoResolution {
  const text = value.trim();
  const preset = Object.hasOwn(presets, text) ? presets[text] : undefined;
  if (preset) return { ...preset.resolution };
  const match = SIZE.exec(text);
  if (!match) throw new InvalidValue(resolutionAccepted(presets));
  const [width, height] = [Number(match[1]), Number(match[2])];
  if (width <= 0 || height <= 0) throw new InvalidValue(resolutionAccepted(presets), 'width and height are above zero');
  const resolution: VideoResolution = { width, height };
  if (match[3] !== undefined) resolution.frameRate = parsePositiveNumber(match[3]);
  return resolution;
}

export const MAX_SIMULCAST_LAYERS = 2;

export function layersAccepted(presets: PresetTable): string {
  return `at most ${MAX_SIMULCAST_LAYERS} comma-separated layers, each a preset (${presetNames(presets)}) or WxH@fps:bitrate, e.g. h180,h360 or 320x180@15:150k, 640x360@20:500k`;
}

/** One simulcast layer: a preset name or `WxH@fps:bitrate`. */
function parseLayer(text: string, presets: PresetTable): VideoPreset {
  const preset = Object.hasOwn(presets, text) ? presets[text] : undefined;
  if (preset) return preset;
  const [size, bitrate] = text.split(':');
  const match = SIZE.exec(size?.trim() ?? '');
  if (!match || match[3] === undefined || bitrate === undefined) {
    throw new InvalidValue(layersAccepted(presets), `"${text}" is not a layer`);
  }
  return new VideoPreset(Number(match[1]), Number(match[2]), parseBitrate(bitrate), parsePositiveNumber(match[3]));
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
