/**
 * Attribute specs: an attribute's name, its grammar, the option it sets, and the pure mapping of a
 * set of attributes onto an options draft. Shared by `<lk-room>` and the controls.
 */
import {
  AUDIO_BITRATE_ACCEPTED,
  BITRATE_ACCEPTED,
  InvalidValue,
  FRAME_RATE_ACCEPTED,
  TRI_ACCEPTED,
  enumAccepted,
  enumParser,
  layersAccepted,
  parseBitrate,
  parseLayers,
  parseFrameRate,
  parseResolution,
  parseText,
  parseTri,
  resolutionAccepted,
  type PresetTable,
} from './grammar.js';

export interface AttributeSpec {
  /** The attribute name. */
  name: string;
  /** The forms the attribute accepts, for error messages and docs. */
  accepted: string;
  /**
   * The option it sets, as docs and error messages name it, and so where the value goes: a leading
   * `RoomConnectOptions`, `RoomOptions`, `TrackPublishOptions` or `…CaptureOptions` names the part of
   * the draft (`connect`, `room`, `publish`, `capture`); a path without one is inside `room`.
   */
  target: string;
  /** The option's value for an attribute value; throws `InvalidValue`. */
  parse(value: string): unknown;
}

export interface AttributeError {
  attribute: string;
  value: string;
  accepted: string;
  message: string;
}

// Builders for the common grammars.
export function tri(name: string, target: string): AttributeSpec {
  return { name, target, accepted: TRI_ACCEPTED, parse: parseTri };
}

export function oneOf(name: string, target: string, values: readonly string[]): AttributeSpec {
  return { name, target, accepted: enumAccepted(values), parse: enumParser(values) };
}

/** One of the names of `table`; the option is a copy of that entry. */
export function preset(name: string, target: string, table: Record<string, object>): AttributeSpec {
  const parse = enumParser(Object.keys(table));
  return { name, target, accepted: enumAccepted(Object.keys(table)), parse: (v) => ({ ...table[parse(v)] }) };
}

/** A video bitrate (camera, screen share, a layer). */
export function bitrate(name: string, target: string): AttributeSpec {
  return { name, target, accepted: BITRATE_ACCEPTED, parse: (v) => parseBitrate(v) };
}

/** An audio (Opus) bitrate. */
export function audioBitrate(name: string, target: string): AttributeSpec {
  return { name, target, accepted: AUDIO_BITRATE_ACCEPTED, parse: (v) => parseBitrate(v, 'audio') };
}

export function frameRate(name: string, target: string): AttributeSpec {
  return { name, target, accepted: FRAME_RATE_ACCEPTED, parse: parseFrameRate };
}

export function text(name: string, target: string): AttributeSpec {
  return { name, target, accepted: 'a device id', parse: parseText };
}

export function resolution(name: string, target: string, presets: PresetTable): AttributeSpec {
  return { name, target, accepted: resolutionAccepted(presets), parse: (v) => parseResolution(v, presets) };
}

export function layers(name: string, target: string, presets: PresetTable): AttributeSpec {
  return { name, target, accepted: layersAccepted(presets), parse: (v) => parseLayers(v, presets) };
}

const DRAFT_PARTS: Record<string, string> = { RoomConnectOptions: 'connect', RoomOptions: 'room', TrackPublishOptions: 'publish' };

/** Where in a draft a spec's `target` goes, as a path of keys. */
function draftPath(target: string): string[] {
  const [head, ...rest] = target.split('.');
  const part = DRAFT_PARTS[head] ?? (head.endsWith('CaptureOptions') ? 'capture' : undefined);
  return part ? [part, ...rest] : ['room', head, ...rest];
}

/**
 * Writes `value` at `path` of `draft`, creating the objects on the way. A plain object merges into
 * what is there (its fields win), so `video-resolution` and `video-framerate` both fill
 * `resolution`; anything else replaces it.
 */
function write(draft: Record<string, unknown>, path: string[], value: unknown): void {
  const last = path[path.length - 1];
  let node = draft;
  for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[last] = isPlainObject(value) ? { ...(node[last] as object), ...value } : value;
}

/**
 * Applies attribute specs to a fresh draft. `read(name)` returns an attribute's value or null when
 * it is absent. A value that does not parse sets nothing and is reported in `errors`; nothing throws.
 */
export function mapAttributes<D extends object>(
  specs: readonly AttributeSpec[],
  read: (name: string) => string | null,
  empty: () => D,
): D & { errors: AttributeError[] } {
  const draft = empty();
  const errors: AttributeError[] = [];
  for (const spec of specs) {
    const value = read(spec.name);
    if (value === null) continue;
    try {
      write(draft as Record<string, unknown>, draftPath(spec.target), spec.parse(value));
    } catch (err) {
      const detail = err instanceof InvalidValue ? err.detail : String(err);
      errors.push({
        attribute: spec.name,
        value,
        accepted: spec.accepted,
        message: `${spec.name}="${value}" is not valid${detail ? ` (${detail})` : ''}; accepted: ${spec.accepted}. Using the default for ${spec.target}.`,
      });
    }
  }
  return { ...draft, errors };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Deep-merges plain objects: fields of `override` win, nested plain objects merge, anything else
 * (arrays, class instances such as `VideoPreset`) is replaced whole. Neither input is changed.
 */
export function mergeOptions<T extends object>(base: T | undefined, override: Partial<T> | undefined): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(override ?? {})) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlainObject(current) && isPlainObject(value) ? mergeOptions(current, value) : isPlainObject(value) ? mergeOptions({}, value) : value;
  }
  return out as T;
}

