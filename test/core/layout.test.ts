// The layout of <lk-participants>: pages, the page size that fits a box, the tile in focus and the
// speaker order (fast-check for the properties every input must keep).
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Track } from 'livekit-client';
import { InvalidValue } from '../../src/core/grammar.js';
import { autoPageSize, clampPage, focusKey, pageCount, pageItems, parsePage, parsePageSize, speakerOrder } from '../../src/core/layout.js';
import { gridItems, type ParticipantSummary } from '../../src/core/participants.js';
import { PinState } from '../../src/core/pins.js';

const people: ParticipantSummary[] = [
  { identity: 'me', isLocal: true, screenShare: false },
  { identity: 'ann', isLocal: false, screenShare: false },
  { identity: 'bob', isLocal: false, screenShare: true },
  { identity: 'cy', isLocal: false, screenShare: false },
];
const cameras = [Track.Source.Camera, Track.Source.ScreenShare] as const;

describe('core: pages', () => {
  it('page-size is auto or a whole number from 1 to 100', () => {
    expect(parsePageSize('9')).to.equal(9);
    expect(parsePageSize(' AUTO ')).to.equal('auto');
    for (const bad of ['0', '101', '-1', '2.5', '1e2', 'nine', '', ' ']) expect(() => parsePageSize(bad), bad).to.throw(InvalidValue, /auto/);
  });

  it('page is a whole number from 1', () => {
    expect(parsePage('3')).to.equal(3);
    for (const bad of ['0', '-2', '1.5', 'last', '', '99999999999']) expect(() => parsePage(bad), bad).to.throw(InvalidValue);
  });

  it('25 tiles at 9 a page: 3 pages of 9, 9 and 7; a page past the last shows the last', () => {
    const tiles = Array.from({ length: 25 }, (_, i) => i);
    expect(pageCount(25, 9)).to.equal(3);
    expect(pageItems(tiles, 1, 9)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(pageItems(tiles, 3, 9)).to.deep.equal([18, 19, 20, 21, 22, 23, 24]);
    expect(clampPage(7, 25, 9)).to.equal(3);
    expect(pageCount(0, 9)).to.equal(1);
  });

  it('every tile is on exactly one page, and no page holds more than the page size', () => {
    fc.assert(
      fc.property(fc.nat(300), fc.integer({ min: 1, max: 100 }), (count, size) => {
        const tiles = Array.from({ length: count }, (_, i) => i);
        const pages = Array.from({ length: pageCount(count, size) }, (_, i) => pageItems(tiles, i + 1, size));
        expect(pages.flat()).to.deep.equal(tiles);
        expect(pages.every((page) => page.length <= size)).to.equal(true);
        expect(pages.slice(0, -1).every((page) => page.length === size)).to.equal(true);
      }),
    );
  });

  it('auto page size: the tiles of the minimum width that fit the box, at least one', () => {
    // 1280×720 with 8rem (128px) tiles at 16/9 and 8px gaps: 9 columns, 9 rows.
    expect(autoPageSize({ width: 1280, height: 720, minTileWidth: 128, aspectRatio: 16 / 9, gap: 8 })).to.equal(81);
    expect(autoPageSize({ width: 300, height: 200, minTileWidth: 200, aspectRatio: 16 / 9, gap: 8 })).to.equal(1);
    expect(autoPageSize({ width: 0, height: 0, minTileWidth: 128, aspectRatio: 16 / 9, gap: 8 })).to.equal(1);
    fc.assert(
      fc.property(fc.nat(5000), fc.nat(5000), fc.integer({ min: 16, max: 600 }), fc.double({ min: 0.25, max: 4, noNaN: true }), fc.nat(40), (width, height, min, ratio, gap) => {
        const size = autoPageSize({ width, height, minTileWidth: min, aspectRatio: ratio, gap });
        expect(Number.isInteger(size) && size >= 1 && size <= 100).to.equal(true);
      }),
    );
  });
});

describe('core: the tile in focus', () => {
  const items = gridItems(people, 'all', cameras);
  const spoke = (entries: [string, number][]) => new Map(entries);

  it('the pinned tile first, then a screen share', () => {
    expect(focusKey(items, { layout: 'focus', lastSpoke: spoke([]), pinned: { identity: 'ann', source: 'camera' } })).to.equal('camera:ann');
    expect(focusKey(items, { layout: 'focus', lastSpoke: spoke([]) })).to.equal('screen_share:bob');
    // A pin of someone not (or no longer) in the grid is no focus.
    expect(focusKey(items, { layout: 'focus', lastSpoke: spoke([]), pinned: { identity: 'gone', source: 'camera' } })).to.equal('screen_share:bob');
  });

  it('the speaker layout: the remote participant who spoke last, never the local one', () => {
    const noShare = gridItems(people, 'all', [Track.Source.Camera]);
    const input = { layout: 'speaker', localIdentity: 'me' };
    expect(focusKey(noShare, { ...input, lastSpoke: spoke([['cy', 5], ['ann', 3], ['me', 9]]) })).to.equal('camera:cy');
    // Before anyone spoke: the first remote participant.
    expect(focusKey(noShare, { ...input, lastSpoke: spoke([]) })).to.equal('camera:ann');
    expect(focusKey(noShare, { ...input, layout: 'focus', lastSpoke: spoke([['cy', 5]]) })).to.equal(undefined);
  });
});

describe('core: the speaker order', () => {
  const keys = ['a', 'b', 'c', 'd', 'e', 'f'];

  it('a speaker below the fold takes the place of the visible tile heard longest ago', () => {
    const order = speakerOrder(keys, keys, new Map([['a', 10], ['b', 5], ['c', 8], ['e', 20]]), 3);
    // b (5) is the oldest of a, b, c: e takes its place, b goes where e was.
    expect(order).to.deep.equal(['a', 'e', 'c', 'd', 'b', 'f']);
  });

  it('nobody moves while the speakers are already visible', () => {
    expect(speakerOrder(keys, keys, new Map([['a', 10], ['c', 8]]), 3)).to.deep.equal(keys);
  });

  it('newcomers come last and leavers leave no gap', () => {
    expect(speakerOrder(['a', 'b', 'c'], ['c', 'a', 'x'], new Map(), 2)).to.deep.equal(['a', 'c', 'x']);
  });

  it('properties: a permutation; visible tiles stay put unless displaced; the visible ones are heard at least as recently as any hidden speaker', () => {
    const key = fc.constantFrom(...'abcdefghijklmnop');
    fc.assert(
      fc.property(
        fc.uniqueArray(key, { maxLength: 16 }),
        fc.uniqueArray(key, { maxLength: 16 }),
        fc.dictionary(key, fc.nat(100)),
        fc.integer({ min: 0, max: 16 }),
        (previous, now, times, visible) => {
          const lastSpoke = new Map(Object.entries(times));
          const order = speakerOrder(previous, now, lastSpoke, visible);
          expect([...order].sort()).to.deep.equal([...now].sort());
          const at = (k: string) => lastSpoke.get(k) ?? 0;
          const shown = order.slice(0, visible);
          const hidden = order.slice(visible);
          const oldestShown = Math.min(...shown.map(at));
          if (shown.length === visible) expect(hidden.every((k) => at(k) <= oldestShown), JSON.stringify({ order, times })).to.equal(true);
          // A tile that was visible before (in the order that stays) and is visible now is in the same place.
          const before = speakerOrder([], previous.filter((k) => now.includes(k)), new Map(), 0);
          shown.forEach((k, i) => {
            const was = before.indexOf(k);
            if (was >= 0 && was < visible) expect(was, `${k} keeps its place`).to.equal(i);
          });
        },
      ),
    );
  });
});

describe('core: pin state', () => {
  it('one tile at a time, a change event per change, and a participant who leaves is unpinned', () => {
    const pins = new PinState();
    let changes = 0;
    pins.addEventListener('change', () => changes++);
    pins.pin({ identity: 'ann', source: 'camera' });
    pins.pin({ identity: 'ann', source: 'camera' });
    expect(changes).to.equal(1);
    expect(pins.isPinned('ann', 'camera')).to.equal(true);
    pins.pin({ identity: 'bob', source: 'screen_share' });
    expect(pins.isPinned('ann', 'camera')).to.equal(false);
    pins.forget('ann');
    expect(pins.pinned).to.deep.equal({ identity: 'bob', source: 'screen_share' });
    pins.forget('bob');
    expect(pins.pinned).to.equal(undefined);
    expect(changes).to.equal(3);
  });
});
