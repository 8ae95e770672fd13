/**
 * What the participant elements show: which tiles a grid holds and in which order, the name and
 * initials of a participant, the tile in focus. Pure functions, no DOM.
 */
import { ConnectionState, Track, type Participant, type Room } from 'livekit-client';
import { InvalidValue, enumParser } from './grammar.js';

export const PARTICIPANT_FILTERS = ['all', 'remote', 'local'] as const;
export type ParticipantFilter = (typeof PARTICIPANT_FILTERS)[number];
export const parseParticipantFilter = enumParser(PARTICIPANT_FILTERS);

/**
 * `grid`: every tile alike, in pages when a page size is set. `focus`: the pinned tile, else a screen
 * share, large, the others in a strip beside it. `speaker`: as `focus`, and with nothing pinned or
 * shared the remote participant who spoke last is large. `audio`: a tile per participant showing
 * their microphone (initials, name, mute state, speaking), no video.
 */
export const LAYOUTS = ['grid', 'focus', 'speaker', 'audio'] as const;
export type Layout = (typeof LAYOUTS)[number];
export const parseLayout = enumParser(LAYOUTS);

/**
 * The sources a grid makes tiles for: a camera tile per participant, a tile per screen share, and
 * (for audio rooms) a microphone tile per participant, which shows no video.
 */
export const TILE_SOURCES = [Track.Source.Camera, Track.Source.ScreenShare, Track.Source.Microphone] as const;
export type TileSource = (typeof TILE_SOURCES)[number];
export const DEFAULT_TILE_SOURCES: readonly TileSource[] = [Track.Source.Camera, Track.Source.ScreenShare];

/** One tile source: `camera`, `screen_share` or `microphone`. */
export const parseTileSource = enumParser(TILE_SOURCES);

export const SOURCES_ACCEPTED = 'a comma-separated list of camera, screen_share, microphone';

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
 * tile (shown with a placeholder while there is no camera), a microphone tile, and after them a tile
 * for a screen share, as `sources` asks.
 */
export function gridItems(participants: readonly ParticipantSummary[], filter: ParticipantFilter, sources: readonly TileSource[]): GridItem[] {
  const items: GridItem[] = [];
  for (const p of participants) {
    if ((filter === 'local' && !p.isLocal) || (filter === 'remote' && p.isLocal)) continue;
    for (const source of [Track.Source.Camera, Track.Source.Microphone] as const) {
      if (sources.includes(source)) items.push({ key: itemKey(p.identity, source), identity: p.identity, source });
    }
    if (p.screenShare && sources.includes(Track.Source.ScreenShare)) {
      items.push({ key: itemKey(p.identity, Track.Source.ScreenShare), identity: p.identity, source: Track.Source.ScreenShare });
    }
  }
  return items;
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

/** Everyone in the room while it is connected: the local participant first, then the others in the order they joined. */
export function roomParticipants(room: Room | undefined): Participant[] {
  if (!room || room.state === ConnectionState.Disconnected) return [];
  const local = room.localParticipant.identity ? [room.localParticipant] : [];
  return [...local, ...room.remoteParticipants.values()];
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
