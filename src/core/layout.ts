/**
 * How `<lk-participants>` lays its tiles out: pages, the page size that fits a box, the tile in
 * focus, and the speaker order that brings recent speakers onto the first page without shuffling
 * the tiles already there. Pure functions, no DOM.
 */
import { Track } from 'livekit-client';
import { InvalidValue } from './grammar.js';
import type { GridItem } from './participants.js';

/** The most tiles a page may hold: beyond it, tiles are too small to tell people apart. */
export const MAX_PAGE_SIZE = 100;

export const PAGE_SIZE_ACCEPTED = `auto (as many tiles as fit the box at their minimum width), or a whole number of tiles from 1 to ${MAX_PAGE_SIZE}`;

/** `page-size="9"` or `page-size="auto"`. */
export function parsePageSize(value: string): number | 'auto' {
  const word = value.trim().toLowerCase();
  if (word === 'auto') return 'auto';
  if (!/^\d+$/.test(word)) throw new InvalidValue(PAGE_SIZE_ACCEPTED);
  const size = Number(word);
  if (size < 1 || size > MAX_PAGE_SIZE) throw new InvalidValue(PAGE_SIZE_ACCEPTED, `${size} is out of range`);
  return size;
}

export const PAGE_ACCEPTED = 'a page number: a whole number from 1 (a number past the last page shows the last page)';

/** `page="2"`: a whole number from 1. A page past the last is shown as the last (see {@link clampPage}). */
export function parsePage(value: string): number {
  const word = value.trim();
  if (!/^\d{1,9}$/.test(word) || Number(word) < 1) throw new InvalidValue(PAGE_ACCEPTED);
  return Number(word);
}

export const SORTS = ['join', 'speaker'] as const;
export type Sort = (typeof SORTS)[number];

/** The number of pages `count` tiles take at `size` a page: at least 1, so that page 1 always exists. */
export function pageCount(count: number, size: number): number {
  return Math.max(1, Math.ceil(count / size));
}

/** The page to show: `page`, within 1 and the last page. */
export function clampPage(page: number, count: number, size: number): number {
  return Math.min(Math.max(1, Math.floor(page)), pageCount(count, size));
}

/** The items of page `page` (1-based). */
export function pageItems<T>(items: readonly T[], page: number, size: number): T[] {
  const start = (clampPage(page, items.length, size) - 1) * size;
  return items.slice(start, start + size);
}

export interface Box {
  /** The box's inner size, in CSS px. */
  width: number;
  height: number;
  /** The narrowest a tile may be, in CSS px. */
  minTileWidth: number;
  /** A tile's width over its height (16 / 9). */
  aspectRatio: number;
  /** The space between tiles, in CSS px. */
  gap: number;
}

/**
 * `page-size="auto"`: as many tiles as fit the box in full, each at least `minTileWidth` wide at the
 * tile aspect ratio; at least 1 (a box smaller than one tile still shows one, scrolled).
 */
export function autoPageSize(box: Box): number {
  const tileHeight = box.minTileWidth / box.aspectRatio;
  const fit = (room: number, tile: number) => (tile > 0 && Number.isFinite(room) ? Math.floor((room + box.gap) / (tile + box.gap)) : 1);
  const columns = Math.max(1, fit(box.width, box.minTileWidth));
  const rows = Math.max(1, fit(box.height, tileHeight));
  return Math.min(MAX_PAGE_SIZE, columns * rows);
}

/** A tile that is pinned: a participant's camera or screen share. */
export interface PinTarget {
  identity: string;
  source: string;
}

export interface FocusInput {
  /** The tile pinned in the room session, if any. */
  pinned?: PinTarget;
  /** `speaker`: with nothing pinned and no screen share, the most recent remote speaker is in focus. */
  layout: string;
  /** When each participant last spoke (ms), for the speaker layout. */
  lastSpoke: ReadonlyMap<string, number>;
  /** The local participant's identity, never focused as the speaker (nobody wants to watch themself large). */
  localIdentity?: string;
}

/**
 * The key of the tile shown large: the pinned tile; else the first screen share; else, in the
 * speaker layout, the remote participant who spoke last (the first remote one before anyone spoke).
 * `undefined`: no focus, the plain grid.
 */
export function focusKey(items: readonly GridItem[], input: FocusInput): string | undefined {
  const { pinned } = input;
  const pinnedItem = pinned && items.find((item) => item.identity === pinned.identity && String(item.source) === pinned.source);
  if (pinnedItem) return pinnedItem.key;
  const share = items.find((item) => item.source === Track.Source.ScreenShare);
  if (share) return share.key;
  if (input.layout !== 'speaker') return undefined;
  const remote = items.filter((item) => item.source !== Track.Source.ScreenShare && item.identity !== input.localIdentity);
  let best: GridItem | undefined;
  for (const item of remote) {
    const at = input.lastSpoke.get(item.identity) ?? 0;
    if (at > 0 && at > (best ? (input.lastSpoke.get(best.identity) ?? 0) : 0)) best = item;
  }
  return (best ?? remote[0])?.key;
}

/**
 * The speaker order: `keys` (the tiles in join order) arranged so that the first `visible` are the
 * ones heard most recently, while a tile already among the first `visible` of `previous` keeps its
 * place. Tiles that stay keep their order; newcomers come last; a speaker from further down takes the
 * place of the visible tile heard longest ago (never heard: first of all), and only if it spoke more
 * recently than that tile. So a tile moves only when someone who is not on screen speaks.
 *
 * `lastSpoke` maps a key to when it last spoke (ms; absent or 0: never).
 */
export function speakerOrder(previous: readonly string[], keys: readonly string[], lastSpoke: ReadonlyMap<string, number>, visible: number): string[] {
  const present = new Set(keys);
  const order = previous.filter((key) => present.has(key));
  const placed = new Set(order);
  for (const key of keys) if (!placed.has(key)) order.push(key);
  const at = (key: string) => lastSpoke.get(key) ?? 0;
  const shown = Math.min(visible, order.length);
  // Those below the fold who spoke, most recent first.
  const waiting = order
    .slice(shown)
    .filter((key) => at(key) > 0)
    .sort((a, b) => at(b) - at(a));
  for (const speaker of waiting) {
    let oldest = -1;
    for (let i = 0; i < shown; i++) if (oldest < 0 || at(order[i]) < at(order[oldest])) oldest = i;
    if (oldest < 0 || at(order[oldest]) >= at(speaker)) break;
    const from = order.indexOf(speaker);
    order[from] = order[oldest];
    order[oldest] = speaker;
  }
  return order;
}
