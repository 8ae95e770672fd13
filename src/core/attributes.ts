/**
 * Attribute specs: an attribute's name, its grammar, the option it sets, and the pure mapping of a
 * set of attributes onto an options draft. Shared by `<lk-room>` and the controls.
 */
import {
  BITRATE_ACCEPTED,
  InvalidValue,
  NUMBER_ACCEPTED,
  TRI_ACCEPTED,
  enumAccepted,
  enumParser,
  parseBitrate,
  parsePositiveNumber,
  parseText,
  parseTri,
} from './grammar.js';

export interface AttributeSpec<D> {
  /** The attribute name. */
  name: string;
  /** The forms the attribute accepts, for error messages and docs. */
  accepted: string;
  /** The option it maps to, for docs. */
  target: string;
  /** Read by livekit-client only when a `Room` is built: a change applies at the next connection. */
  builtOnly?: boolean;
  /** Parses `value` and writes it into the draft; throws `InvalidValue`. */
  apply(draft: D, value: string): void;
}

export interface AttributeError {
  attribute: string;
  value: string;
  accepted: string;
  message: string;
}

// Builders for the common grammars.
export function tri<D>(name: string, target: string, set: (d: D, v: boolean) => void, builtOnly = false): AttributeSpec<D> {
  return { name, target, accepted: TRI_ACCEPTED, builtOnly, apply: (d, v) => set(d, parseTri(v)) };
}

export function oneOf<D, T extends string>(name: string, target: string, values: readonly T[], set: (d: D, v: T) => void): AttributeSpec<D> {
  const parse = enumParser(values);
  return { name, target, accepted: enumAccepted(values), apply: (d, v) => set(d, parse(v)) };
}

export function bitrate<D>(name: string, target: string, set: (d: D, v: number) => void): AttributeSpec<D> {
  return { name, target, accepted: BITRATE_ACCEPTED, apply: (d, v) => set(d, parseBitrate(v)) };
}

export function number<D>(name: string, target: string, set: (d: D, v: number) => void): AttributeSpec<D> {
  return { name, target, accepted: NUMBER_ACCEPTED, apply: (d, v) => set(d, parsePositiveNumber(v)) };
}

export function text<D>(name: string, target: string, set: (d: D, v: string) => void): AttributeSpec<D> {
  return { name, target, accepted: 'a device id', apply: (d, v) => set(d, parseText(v)) };
}

/**
 * Applies attribute specs to a fresh draft. `read(name)` returns an attribute's value or null when
 * it is absent. A value that does not parse sets nothing and is reported in `errors`; nothing throws.
 */
export function mapAttributes<D extends object>(
  specs: readonly AttributeSpec<D>[],
  read: (name: string) => string | null,
  empty: () => D,
  subject: string,
): D & { errors: AttributeError[] } {
  const draft = empty();
  const errors: AttributeError[] = [];
  for (const spec of specs) {
    const value = read(spec.name);
    if (value === null) continue;
    // Parse into a copy first, so a value that fails half-way leaves nothing behind.
    const scratch = mergeOptions<D>(empty(), draft);
    try {
      spec.apply(scratch, value);
      Object.assign(draft, scratch);
    } catch (err) {
      const detail = err instanceof InvalidValue ? err.detail : String(err);
      errors.push({
        attribute: spec.name,
        value,
        accepted: spec.accepted,
        message: `${subject}: ${spec.name}="${value}" is not valid${detail ? ` (${detail})` : ''}; accepted: ${spec.accepted}. Using the default for ${spec.target}.`,
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

