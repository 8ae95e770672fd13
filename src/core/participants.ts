/**
 * What the participant elements show: which tiles a grid holds and in which order, the name and
 * initials of a participant, the tile in focus. Pure functions, no DOM.
 */
import { Track } from 'livekit-client';
import { InvalidValue, enumParser } from './grammar.js';

export const PARTICIPANT_FILTERS = ['all', 'remote', 'local'] as const;
export type ParticipantFilter = (typeof PARTICIPANT_FILTERS)[number];
export const parseParticipantFilter = enumParser(PARTICIPANT_FILTERS);

export const LAYOUTS = ['grid', 'focus'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const parseLayout = enumParser(LAYOUTS);

/** The sources a grid makes tiles for: a camera tile per participant, a tile per screen share. */
export const TILE_SOURCES = [Track.Source.Camera, Track.Source.ScreenShare] as const;
export type TileSource = (typeof TILE_SOURCES)[number];
export const DEFAULT_TILE_SOURCES: readonly TileSource[] = TILE_SOURCES;

/** One tile source: `camera` or `screen_share`. */
export const parseTileSource = enumParser(TILE_SOURCES);

export const SOURCES_ACCEPTED = 'a comma-separated list of camera, screen_share';

/** `sources="camera,screen_share"`: a non-empty list, without repeats, in any order and case. */
export function parseTileSources(value: string): TileSource[] {
  const parse = parseTileSource;
  const words = value.split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) throw new InvalidValue(SOURCES_ACCEPTED, 'no source given');
  const sources: TileSource[] = [];
  for (const word of words) {
    let source: TileSource;
    try {
      source = parse(word);
    } catch {
      throw new InvalidValue(SOURCES_ACCEPTED, `"${word}" is not a source`);
    }
    if (!sources.includes(source)) sources.push(source);
  }
  return sources;
}

/** What the grid needs to know of a participant. */
export interface ParticipantSummary {
  identity: string;
  isLocal: boolean;
  /** A screen share is published (subscribed or not). */
  screenShare: boolean;
}

/** One tile of the grid. `key` is stable for as long as the tile should stay the same DOM node. */
export interface GridItem {
  key: string;
  identity: string;
  source: TileSource;
}

export function itemKey(identity: string, source: TileSource): string {
  return `${source}:${identity}`;
}

/**
 * The tiles of a grid, in order. Participants come in the order given (the local participant, then
 * remote ones in the order they joined, which never changes for those who stay), each with a camera
 * tile (shown with a placeholder while there is no camera) and, after it, a tile for a screen share.
 */
export function gridItems(participants: readonly ParticipantSummary[], filter: ParticipantFilter, sources: readonly TileSource[]): GridItem[] {
  const items: GridItem[] = [];
  for (const p of participants) {
    if ((filter === 'local' && !p.isLocal) || (filter === 'remote' && p.isLocal)) continue;
    if (sources.includes(Track.Source.Camera)) items.push({ key: itemKey(p.identity, Track.Source.Camera), identity: p.identity, source: Track.Source.Camera });
    if (p.screenShare && sources.includes(Track.Source.ScreenShare)) {
      items.push({ key: itemKey(p.identity, Track.Source.ScreenShare), identity: p.identity, source: Track.Source.ScreenShare });
    }
  }
  return items;
}

/** The tile `layout="focus"` shows large: the first screen share, if there is one. */
export function focusItem(items: readonly GridItem[]): GridItem | undefined {
  return items.find((item) => item.source === Track.Source.ScreenShare);
}

/** Columns of a grid of `count` tiles: as square as it gets (1, 2, 2, 2, 3, 3, 3, 3, 3, 4 …). */
export function gridColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)));
}

/** One step that turns the children of a grid into the wanted order: put `key` before `before` (null: at the end). */
export interface InsertStep {
  key: string;
  before: string | null;
}

/**
 * The insertions that turn `current` (keys in DOM order, stale ones already removed) into `wanted`.
 * New keys are inserted; a key already present moves only when its order relative to the others
 * changed, which `gridItems` never does for participants who stay. Moving a node re-attaches its
 * media, so the fewer moves the better.
 */
export function insertSteps(current: readonly string[], wanted: readonly string[]): InsertStep[] {
  const order = [...current];
  const steps: InsertStep[] = [];
  wanted.forEach((key, index) => {
    if (order[index] === key) return;
    const before = order[index] ?? null;
    const at = order.indexOf(key);
    if (at >= 0) order.splice(at, 1);
    order.splice(index, 0, key);
    steps.push({ key, before });
  });
  return steps;
}

/** The name to show: the participant's name, else its identity. */
export function displayName(participant: { name?: string; identity: string }): string {
  return participant.name?.trim() || participant.identity;
}

const LETTER = /[\p{L}\p{N}]/u;

function firstLetter(word: string): string {
  const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  for (const { segment } of segmenter.segment(word)) if (LETTER.test(segment)) return segment;
  return '';
}

/** Up to two initials of a name, for a placeholder: "Ada Lovelace" → "AL", "ada" → "A", "李小龙" → "李". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter((word) => LETTER.test(word));
  if (words.length === 0) return '';
  const first = firstLetter(words[0]);
  const last = words.length > 1 ? firstLetter(words[words.length - 1]) : '';
  return (first + last).toLocaleUpperCase();
}
