/**
 * Live transcriptions as LiveKit Agents send them (docs/captions.md): text streams on topic
 * `lk.transcription`, each carrying attributes `lk.segment_id` (one spoken segment, which may take
 * several streams), `lk.transcribed_track_id` (the audio track transcribed) and
 * `lk.transcription_final`. Speech-to-text of a person arrives as interim streams, each with the
 * whole text so far, then a final stream with the same segment id; an agent's own speech arrives as
 * one stream of deltas, final once it closes.
 *
 * Pure: the segment list, how an update changes it, who spoke, the attribute grammars. No DOM.
 */
import { InvalidValue } from './grammar.js';

/** The text-stream topic of transcriptions (`lk.transcription`). */
export const TRANSCRIPTION_TOPIC = 'lk.transcription';
/** The attribute naming the segment a stream belongs to. */
export const SEGMENT_ID_ATTRIBUTE = 'lk.segment_id';
/** The attribute naming the audio track transcribed. */
export const TRANSCRIBED_TRACK_ATTRIBUTE = 'lk.transcribed_track_id';
/** The attribute saying whether a stream's text is final (`"true"`) or interim. */
export const FINAL_ATTRIBUTE = 'lk.transcription_final';

/** One change to a segment: the whole text of the segment as it stands now. */
export interface SegmentUpdate {
  segmentId: string;
  /** Who spoke (see {@link speakerOf}). */
  participantIdentity: string;
  /** The audio track transcribed, when the stream named it. */
  trackSid?: string;
  text: string;
  final: boolean;
  /** When the update arrived, in ms since the epoch. */
  receivedAt: number;
}

/** A segment as the list keeps it. */
export interface TranscriptSegment extends SegmentUpdate {
  /** When its first update arrived. */
  firstReceivedAt: number;
}

/**
 * The list after `update`: a new segment id is added at the end; a known one changes in place
 * (its place and `firstReceivedAt` kept). Once final, a segment takes only final updates (a later
 * interim stream does not undo the final text). The oldest segments go first beyond `max`.
 * Returns the same array when nothing changed.
 */
export function applySegment(list: readonly TranscriptSegment[], update: SegmentUpdate, max: number): readonly TranscriptSegment[] {
  const index = list.findIndex((segment) => segment.segmentId === update.segmentId);
  if (index < 0) return capSegments([...list, { ...update, firstReceivedAt: update.receivedAt }], max);
  const current = list[index];
  if (current.final && !update.final) return list;
  if (current.final === update.final && current.text === update.text && current.participantIdentity === update.participantIdentity) return list;
  const next = [...list];
  next[index] = { ...update, firstReceivedAt: current.firstReceivedAt };
  return capSegments(next, max);
}

/** The newest `max` segments of `list` (the same array when it is not over). */
export function capSegments<T>(list: readonly T[], max: number): readonly T[] {
  return list.length > max ? list.slice(list.length - max) : list;
}

/**
 * Who spoke a stream: the owner of the transcribed track while that track is in the room (an agent
 * transcribing a person's microphone speaks for that person), otherwise the stream's sender.
 */
export function speakerOf(sender: string, trackSid: string | undefined, trackOwner: (sid: string) => string | undefined): string {
  return (trackSid && trackOwner(trackSid)) || sender;
}

/** How a stream stands: still open, closed by its sender, or cut short. */
export type StreamEnd = 'open' | 'closed' | 'errored';

/**
 * Whether a stream's text is final. An open stream is not (its text still grows). A closed one is
 * when its attributes, trailer included, say `lk.transcription_final: "true"`, and also when it
 * brought its text in several chunks: a stream of deltas (an agent's speech) closes at the end of
 * its segment, whatever its header said. A stream cut short keeps the text it had, as final: nothing
 * more comes on it (a final stream for the same segment still replaces it).
 */
export function streamIsFinal(attributes: Readonly<Record<string, string>> | undefined, end: StreamEnd, chunks: number): boolean {
  if (end === 'open') return false;
  if (end === 'errored') return true;
  return attributes?.[FINAL_ATTRIBUTE]?.trim().toLowerCase() === 'true' || chunks > 1;
}

/**
 * The segments newly final in `next` compared with `previous`: the ones to announce. A segment that
 * was final already is not announced again, even with new text.
 */
export function newlyFinal(previous: readonly TranscriptSegment[], next: readonly TranscriptSegment[]): TranscriptSegment[] {
  const wasFinal = new Set(previous.filter((segment) => segment.final).map((segment) => segment.segmentId));
  return next.filter((segment) => segment.final && !wasFinal.has(segment.segmentId) && segment.text.trim() !== '');
}

export type TranscriptMode = 'captions' | 'transcript';
export const TRANSCRIPT_MODES: readonly TranscriptMode[] = ['captions', 'transcript'];
export const MODE_ACCEPTED = 'captions or transcript';

/** `mode="captions"`: the last lines over the video; `transcript`: the scrolling history. */
export function parseMode(value: string): TranscriptMode {
  const word = value.trim().toLowerCase();
  const mode = TRANSCRIPT_MODES.find((candidate) => candidate === word);
  if (!mode) throw new InvalidValue(MODE_ACCEPTED);
  return mode;
}

/** How many segments captions show by default. */
export const DEFAULT_LINES = 2;
export const MAX_LINES = 10;
export const LINES_ACCEPTED = `a whole number from 1 to ${MAX_LINES}, e.g. ${DEFAULT_LINES}`;

/** `lines="3"`: how many segments captions show. */
export function parseLines(value: string): number {
  return wholeNumber(value, MAX_LINES, LINES_ACCEPTED);
}

/** How many segments `<lk-transcript>` keeps by default. */
export const DEFAULT_MAX_SEGMENTS = 100;
/** The most a room keeps (and so the most `max-segments` may ask for). */
export const MAX_SEGMENTS_LIMIT = 1000;
export const MAX_SEGMENTS_ACCEPTED = `a whole number from 1 to ${MAX_SEGMENTS_LIMIT}, e.g. ${DEFAULT_MAX_SEGMENTS}`;

/** `max-segments="200"`: how many segments the transcript keeps. */
export function parseMaxSegments(value: string): number {
  return wholeNumber(value, MAX_SEGMENTS_LIMIT, MAX_SEGMENTS_ACCEPTED);
}

function wholeNumber(value: string, max: number, accepted: string): number {
  const text = value.trim();
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > max) throw new InvalidValue(accepted);
  return count;
}

export type CaptionsSetting = 'auto' | 'always' | 'off';
export const CAPTIONS_ACCEPTED = 'auto (the button appears once a transcription arrives), always, or off (no button, no captions)';

/** `<lk-conference captions="…">`: when its captions button shows. */
export function parseCaptions(value: string): CaptionsSetting {
  const word = value.trim().toLowerCase();
  if (word === 'auto' || word === 'always' || word === 'off') return word;
  throw new InvalidValue(CAPTIONS_ACCEPTED);
}

/**
 * The transcriptions of one room, shared by every element of it: the segment list (at most
 * {@link MAX_SEGMENTS_LIMIT}) and a `change` event after each update that changed it.
 */
export class TranscriptStore extends EventTarget {
  #segments: readonly TranscriptSegment[] = [];

  /** The segments, in order of their first appearance. */
  get segments(): readonly TranscriptSegment[] {
    return this.#segments;
  }

  /** Applies an update; fires `change` when the list changed. */
  apply(update: SegmentUpdate): void {
    const next = applySegment(this.#segments, update, MAX_SEGMENTS_LIMIT);
    if (next === this.#segments) return;
    this.#segments = next;
    this.dispatchEvent(new Event('change'));
  }

  /** Forgets every segment (a new `Room`). */
  clear(): void {
    if (this.#segments.length === 0) return;
    this.#segments = [];
    this.dispatchEvent(new Event('change'));
  }
}
