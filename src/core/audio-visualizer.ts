/**
 * `<lk-audio-visualizer>`: its `bars` grammar, and how an analyser's frequency bins become the
 * levels of its bars. Pure: no DOM, no Web Audio.
 */
import { InvalidValue } from './grammar.js';

/** How many bars `bars` may ask for, and how many there are without it. */
export const BARS = { min: 1, max: 32, default: 5 } as const;

export const BARS_ACCEPTED = `a whole number from ${BARS.min} to ${BARS.max}, e.g. ${BARS.default}`;

/** `bars="7"`: how many bars the visualizer draws. */
export function parseBars(value: string): number {
  const text = value.trim();
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < BARS.min || count > BARS.max) throw new InvalidValue(BARS_ACCEPTED);
  return count;
}

/** The frequencies the bars cover, in Hz: where a voice has its fundamental and its harmonics. */
export const VOICE_RANGE = { low: 100, high: 8000 } as const;

/** A bar level from which the visualizer counts as `active` (sound, not the floor of a quiet microphone). */
export const ACTIVE_LEVEL = 0.3;

/** With `prefers-reduced-motion: reduce`: the least time between two updates of the bars, in ms. */
export const REDUCED_MOTION_INTERVAL_MS = 250;

/**
 * The level of each of `count` bars, from 0 to 1, given an analyser's frequency bins
 * (`AnalyserNode.getByteFrequencyData`: 0 to 255 each, bin `i` at `i × binHz` Hz).
 *
 * `range` is cut into `count` bands of equal width on a logarithmic scale (as the ear hears pitch,
 * so that a voice spreads over several bars rather than filling the first one); each bar shows the
 * loudest bin of its band. A band narrower than a bin takes the bin it falls in. Bins above the
 * analyser's last one count as silent.
 */
export function barLevels(bins: ArrayLike<number>, count: number, binHz: number, range: { low: number; high: number } = VOICE_RANGE): number[] {
  const levels: number[] = [];
  const ratio = range.high / range.low;
  for (let bar = 0; bar < count; bar++) {
    const from = range.low * ratio ** (bar / count);
    const to = range.low * ratio ** ((bar + 1) / count);
    const first = Math.round(from / binHz);
    const last = Math.max(first, Math.round(to / binHz) - 1);
    let loudest = 0;
    for (let i = first; i <= last && i < bins.length; i++) loudest = Math.max(loudest, bins[i]);
    levels.push(Math.min(1, Math.max(0, loudest / 255)));
  }
  return levels;
}

/** One level for every bar, the loudest of `levels`: a level meter instead of a spectrum (reduced motion). */
export function evenLevels(levels: readonly number[]): number[] {
  const loudest = Math.max(0, ...levels);
  return levels.map(() => loudest);
}

/** Whether any bar reaches `threshold`. */
export function isActive(levels: readonly number[], threshold = ACTIVE_LEVEL): boolean {
  return levels.some((level) => level >= threshold);
}
