/**
 * What `<lk-conference>` shows of itself: which controls its default control bar holds. Pure
 * functions, no DOM.
 */
import { InvalidValue } from './grammar.js';

/**
 * The controls of the default control bar, in the order the bar shows them. `devices` is both
 * device pickers (each beside its toggle), `flip` the camera flip, `chat` the chat button and the
 * chat panel it opens.
 */
export const CONFERENCE_CONTROLS = ['microphone', 'camera', 'devices', 'flip', 'screenshare', 'chat', 'leave'] as const;
export type ConferenceControl = (typeof CONFERENCE_CONTROLS)[number];

/** Every control: the bar without a `controls` attribute. */
export const DEFAULT_CONTROLS: ReadonlySet<ConferenceControl> = new Set(CONFERENCE_CONTROLS);

/** The word that, alone, asks for no control bar (as an empty value does). */
const NONE = 'none';

export const CONTROLS_ACCEPTED = `a space- or comma-separated list of ${CONFERENCE_CONTROLS.join(', ')} (shown in that order whatever the order given), or an empty value or ${NONE} for no control bar`;

/**
 * `controls="microphone camera leave"`: the controls to show, words separated by spaces or commas,
 * in any order and case, repeats allowed. The set picks; the bar keeps its own order. An empty value
 * or `none` alone is the empty set: no control bar.
 */
export function parseControls(value: string): ReadonlySet<ConferenceControl> {
  const words = value.split(/[\s,]+/).filter(Boolean);
  const controls = new Set<ConferenceControl>();
  if (words.length === 1 && words[0].toLowerCase() === NONE) return controls;
  for (const word of words) {
    if (word.toLowerCase() === NONE) throw new InvalidValue(CONTROLS_ACCEPTED, `"${word}" stands alone`);
    const control = CONFERENCE_CONTROLS.find((candidate) => candidate === word.toLowerCase());
    if (control === undefined) throw new InvalidValue(CONTROLS_ACCEPTED, `"${word}" is not a control`);
    controls.add(control);
  }
  return controls;
}
