// The layouts of <lk-participants> with many participants published from a backend (tools/publisher),
// against the real server: pages and what each page receives, keyboard and swipe, pinning and the
// focus strip, the speaker order, and the audio layout. What is not on screen is not received:
// asserted from the viewer's inbound RTP statistics.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot, sendKeys, setViewport } from '@web/test-runner-commands';
import { Track, type RemoteVideoTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkAudioVisualizer, LkParticipants, LkParticipantTile, LkRoom } from '../../src/index.js';
import { uniqueRoom, waitFor } from '../helpers.js';
import { Backend, stopAllBackends } from './backend.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A viewer page: `<lk-room>` (adaptive stream, dynacast) holding `content`. */
async function viewer(room: string, content: unknown, identity = 'viewer'): Promise<LkRoom> {
  return fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity=${identity} adaptive-stream="true" dynacast connect
    >${content}</lk-room
  >`);
}

/** The identities of the items in the page now, in order. */
function shown(grid: LkParticipants): string[] {
  return grid.items.map((item) => item.dataset.identity!);
}

function tileOf(grid: LkParticipants, identity: string, source = 'camera'): LkParticipantTile | null {
  return grid.querySelector<LkParticipantTile>(`[data-identity="${identity}"][data-source="${source}"] lk-participant-tile`);
}

/** The identities whose camera video reaches the viewer over `ms`: the bytes received grew. Sorted. */
async function receiving(room: LkRoom, ms = 2000): Promise<string[]> {
  const tracks = [...room.livekitRoom.remoteParticipants.values()].flatMap((p) => {
    const track = p.getTrackPublication(Track.Source.Camera)?.track as RemoteVideoTrack | undefined;
    return track ? [{ identity: p.identity, track }] : [];
  });
  const bytes = () => Promise.all(tracks.map(async ({ track }) => (await track.getReceiverStats())?.bytesReceived ?? 0));
  const before = await bytes();
  await sleep(ms);
  const after = await bytes();
  return tracks.filter((_, i) => after[i] > before[i]).map(({ identity }) => identity).sort();
}

/** Waits until exactly `expected` receive video (the server and adaptive stream take a moment to follow). */
async function waitReceiving(room: LkRoom, expected: string[], what: string, timeout = 30_000): Promise<void> {
  const want = [...expected].sort().join(',');
  let got = '';
  await waitFor(async () => (got = (await receiving(room)).join(',')) === want, what, timeout).catch((err: Error) => {
    throw new Error(`${err.message}: wanted [${want}], received [${got}]`);
  });
}

interface AxNode {
  role?: string;
  name?: string;
  pressed?: boolean | 'mixed';
  disabled?: boolean;
  live?: string;
  children?: AxNode[];
}

function findAll(node: AxNode, test: (node: AxNode) => boolean, found: AxNode[] = []): AxNode[] {
  if (test(node)) found.push(node);
  for (const child of node.children ?? []) findAll(child, test, found);
  return found;
}

describe('backend publishers in the layouts of <lk-participants>', function () {
  this.timeout(240_000);

  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  afterEach(async () => {
    await stopAllBackends();
  });

  it('25 video publishers, 9 tiles a page: the viewer receives the 9 of the page and nothing of the other 16, and turning the page swaps them', async () => {
    const room = uniqueRoom('pages');
    const backend = await Backend.start({ room, count: 25, speaking: 'none', audio: false });
    const el = await viewer(room, html`<lk-participants filter="remote" page-size="9" style="display:block;width:1200px;height:700px"></lk-participants>`);
    const grid = el.querySelector('lk-participants')!;
    const pages: { page: number; pageCount: number }[] = [];
    grid.addEventListener('lk-page-changed', (event) => pages.push(event.detail));
    await waitFor(() => el.livekitRoom?.remoteParticipants.size === 25, 'all 25 publishers in the room', 60_000);
    await waitFor(() => grid.pageCount === 3, 'three pages');
    expect(grid.getAttribute('page-count')).to.equal('3');
    expect(grid.page).to.equal(1);
    const first = shown(grid);
    expect(first).to.have.length(9);
    expect(grid.querySelectorAll('lk-participant-tile')).to.have.length(9);
    await waitReceiving(el, first, 'page 1 received, nothing else');

    // The next-page button: page 2, its 9 received, page 1's no longer.
    const next = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~=next-page]')!;
    next.click();
    await waitFor(() => grid.page === 2, 'page 2');
    expect(grid.getAttribute('page')).to.equal('2');
    const second = shown(grid);
    expect(second).to.have.length(9);
    expect(second.filter((id) => first.includes(id))).to.deep.equal([]);
    await waitReceiving(el, second, 'page 2 received, page 1 no longer');

    // The page set from the attribute: the last page holds the other 7.
    grid.setAttribute('page', '3');
    await waitFor(() => grid.page === 3, 'page 3');
    const third = shown(grid);
    expect(third).to.have.length(7);
    expect([...first, ...second, ...third].sort()).to.deep.equal([...backend.identities].sort());
    await waitReceiving(el, third, 'page 3 received');
    expect(pages.some((p) => p.page === 2 && p.pageCount === 3)).to.equal(true);
    expect(pages.at(-1)).to.deep.equal({ page: 3, pageCount: 3 });

    // People leaving shrink the page count; the page shown stays within it.
    for (const identity of third) await backend.command(`leave ${identity}`);
    await waitFor(() => grid.pageCount === 2 && grid.page === 2, 'two pages left, the last one shown', 30_000);
    expect(grid.getAttribute('page')).to.equal('2');
  });

  it('keyboard, buttons and swipe turn the pages, and the page controls are named for screen readers', async () => {
    const room = uniqueRoom('pages-keys');
    await Backend.start({ room, count: 10, video: false, speaking: 'none' });
    const el = await viewer(room, html`<lk-participants filter="remote" page-size="4" style="display:block;width:800px;height:450px"></lk-participants>`);
    const grid = el.querySelector('lk-participants')!;
    await waitFor(() => grid.pageCount === 3, 'three pages of 4, 4 and 2', 60_000);
    const prev = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~=previous-page]')!;
    const next = grid.shadowRoot!.querySelector<HTMLButtonElement>('[part~=next-page]')!;
    expect(prev.disabled).to.equal(true);

    // Chromium's accessibility tree (what a screen reader is told): the two page buttons named, the
    // first one disabled, the page number a polite live region; each tile's pin button named.
    expect(grid.shadowRoot!.querySelector('[part=pagination]')!.getAttribute('aria-label')).to.equal('Pages');
    const tree = (await a11ySnapshot({})) as unknown as AxNode;
    const buttons = findAll(tree, (n) => n.role === 'button').map((b) => `${b.name}${b.disabled ? ' (disabled)' : ''}`);
    expect(buttons).to.deep.equal(['Pin', 'Pin', 'Pin', 'Pin', 'Previous page (disabled)', 'Next page']);
    const live = findAll(tree, (n) => n.live === 'polite')[0];
    expect(live?.children?.map((c) => c.name).join('')).to.equal('1 / 3');

    // Keyboard: PageDown from the next button, End, Home, PageUp at the first page does nothing.
    next.focus();
    await sendKeys({ press: 'PageDown' });
    await waitFor(() => grid.page === 2, 'PageDown: page 2');
    await sendKeys({ press: 'End' });
    await waitFor(() => grid.page === 3, 'End: the last page');
    // The next button is disabled on the last page: the focus moved to the previous one, still inside.
    await waitFor(() => grid.shadowRoot!.activeElement === prev, 'the focus on the previous-page button');
    expect(shown(grid)).to.have.length(2);
    await sendKeys({ press: 'Home' });
    await waitFor(() => grid.page === 1, 'Home: page 1');
    await sendKeys({ press: 'PageUp' });
    await sleep(100);
    expect(grid.page).to.equal(1);
    await sendKeys({ press: 'Enter' });
    await waitFor(() => grid.page === 2, 'Enter on the next button: page 2');

    // A swipe to the left on a touch screen: the next page; to the right: back.
    const area = grid.shadowRoot!.querySelector<HTMLElement>('[part=grid]')!;
    const swipe = (from: number, to: number) => {
      const common = { pointerType: 'touch', pointerId: 7, bubbles: true, composed: true, isPrimary: true };
      area.dispatchEvent(new PointerEvent('pointerdown', { ...common, clientX: from, clientY: 200 }));
      area.dispatchEvent(new PointerEvent('pointerup', { ...common, clientX: to, clientY: 210 }));
    };
    swipe(600, 300);
    await waitFor(() => grid.page === 3, 'swipe left: page 3');
    swipe(300, 600);
    await waitFor(() => grid.page === 2, 'swipe right: page 2');
    // Too short, or mostly vertical: no turn. A mouse drag: no turn.
    swipe(300, 330);
    area.dispatchEvent(new PointerEvent('pointerdown', { pointerType: 'mouse', pointerId: 1, bubbles: true, clientX: 600, clientY: 200 }));
    area.dispatchEvent(new PointerEvent('pointerup', { pointerType: 'mouse', pointerId: 1, bubbles: true, clientX: 100, clientY: 200 }));
    await sleep(100);
    expect(grid.page).to.equal(2);
    await expect(grid).to.be.accessible();
  });

  it('pinning a tile shows it large in the focus layout, every element of the room agrees, the strip receives only what it shows, and unpinning returns to the grid', async () => {
    const room = uniqueRoom('pin');
    const backend = await Backend.start({ room, count: 8, speaking: 'none', audio: false });
    const el = await viewer(
      room,
      html`<lk-participants class="focus" filter="remote" layout="focus" style="display:block;width:1000px;height:400px"></lk-participants>
        <lk-participants class="grid" filter="remote" page-size="4" style="display:block;width:400px;height:240px"></lk-participants>
        <lk-participant-list filter="remote"></lk-participant-list>`,
    );
    const focus = el.querySelector<LkParticipants>('lk-participants.focus')!;
    const grid = el.querySelector<LkParticipants>('lk-participants.grid')!;
    await waitFor(() => shown(focus).length === 8 && grid.pageCount === 2, 'both grids show all 8', 60_000);
    expect(focus.shadowRoot!.querySelector('[part=focus]'), 'no focus while nothing is pinned or shared').to.equal(null);
    const pins: unknown[] = [];
    el.addEventListener('lk-pin', (event) => pins.push(event.detail.pinned));

    // Pin the 6th publisher with its tile's pin button in the focus layout.
    const target = backend.identities[5];
    const tile = tileOf(focus, target)!;
    const button = tile.shadowRoot!.querySelector<HTMLButtonElement>('[part=pin-button]')!;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(button.getAttribute('aria-label')).to.equal('Pin');
    // From the keyboard: the pin button is a real button, Space presses it.
    button.focus();
    await sendKeys({ press: 'Space' });
    await waitFor(() => tile.pinned && tile.hasAttribute('pinned'), 'the tile is pinned');
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    expect(pins).to.deep.equal([{ identity: target, source: 'camera' }]);
    // Large: the same tile node, now in the focus area.
    await waitFor(() => focus.items[0]?.dataset.identity === target && tile.closest('[slot=lk-focus]'), 'the pinned tile in the focus area');
    expect(tileOf(focus, target)).to.equal(tile);
    const large = tile.getBoundingClientRect();
    expect(large.width).to.be.greaterThan(500);
    // The other grid of the same room: the pinned tile first, marked pinned; the list's pin button pressed.
    await waitFor(() => shown(grid)[0] === target && tileOf(grid, target)?.pinned, 'the other grid shows the same pin, first');
    const list = el.querySelector('lk-participant-list')!;
    const listPin = (identity: string) => list.shadowRoot!.querySelector<HTMLButtonElement>(`li[data-identity="${identity}"] [part=pin-button]`)!;
    await waitFor(() => listPin(target)?.getAttribute('aria-pressed') === 'true', 'the list shows the pin');
    expect(listPin(backend.identities[0]).getAttribute('aria-pressed')).to.equal('false');

    // The strip scrolls: the tiles out of its view (and off the other grid's page) receive nothing.
    const strip = focus.shadowRoot!.querySelector<HTMLElement>('[part=grid]')!;
    expect(strip.scrollHeight).to.be.greaterThan(strip.clientHeight);
    const visible = () => {
      const box = strip.getBoundingClientRect();
      const inStrip = focus.items.filter((item) => item.slot === 'lk-item').filter((item) => {
        const r = item.getBoundingClientRect();
        return r.bottom > box.top + 1 && r.top < box.bottom - 1;
      });
      return [...new Set([target, ...inStrip.map((i) => i.dataset.identity!), ...shown(grid)])];
    };
    const before = visible();
    expect(before.length).to.be.lessThan(8);
    await waitReceiving(el, before, 'the pinned tile, the visible strip and the other grid’s page');
    strip.scrollTop = strip.scrollHeight;
    await waitFor(() => visible().join() !== before.join(), 'the strip scrolled');
    await waitReceiving(el, visible(), 'what the strip shows after scrolling');

    // Pin another from the participant list: it takes the focus, the first one is unpinned.
    const other = backend.identities[1];
    listPin(other).click();
    await waitFor(() => focus.items[0]?.dataset.identity === other && tileOf(focus, other)?.pinned, 'the list pinned another participant').catch((err: Error) => {
      throw new Error(`${err.message}: lk-pin ${JSON.stringify(pins)}; focus shows ${shown(focus).join()}; list button ${listPin(other)?.getAttribute('aria-pressed')}; tile ${tileOf(focus, other)?.outerHTML} pinned=${tileOf(focus, other)?.pinned}; items ${focus.items.map((i) => i.slot).join()}`);
    });
    expect(tile.pinned).to.equal(false);
    expect(pins.at(-1)).to.deep.equal({ identity: other, source: 'camera' });

    // Unpin from the other grid's tile property: back to the grid in both, and in the list.
    tileOf(grid, other)!.pinned = false;
    await waitFor(() => !focus.shadowRoot!.querySelector('[part=focus]'), 'the focus layout back to the grid');
    expect(tileOf(focus, other)!.pinned).to.equal(false);
    expect(tileOf(focus, other)!.hasAttribute('pinned')).to.equal(false);
    expect(pins.at(-1)).to.equal(undefined);
    await waitFor(() => listPin(other).getAttribute('aria-pressed') === 'false', 'the list shows no pin');

    // A pinned participant who leaves is unpinned.
    tileOf(focus, backend.identities[2])!.setAttribute('pinned', '');
    await waitFor(() => focus.items[0]?.dataset.identity === backend.identities[2], 'pinned by the attribute');
    await backend.command(`leave ${backend.identities[2]}`);
    await waitFor(() => pins.at(-1) === undefined && !focus.shadowRoot!.querySelector('[part=focus]'), 'unpinned when they left', 30_000);
  });

  it('sort="speaker": speakers from the second page move onto the first in place of the one heard longest ago, and the tiles that stay are the same nodes in the same places', async () => {
    const room = uniqueRoom('speaker-sort');
    await Backend.start({ room, count: 8, video: false, speaking: 'rotate', speakPeriod: '1500ms' });
    const el = await viewer(room, html`<lk-participants filter="remote" page-size="4" sort="speaker" style="display:block;width:800px;height:450px"></lk-participants>`);
    const grid = el.querySelector('lk-participants')!;
    await waitFor(() => el.livekitRoom?.remoteParticipants.size === 8 && grid.pageCount === 2, 'two pages of 4', 60_000);

    // Watch for 20 s (the rotation goes round the 8 about twice): the first page, and who spoke when.
    const spoke: { at: number; identity: string }[] = [];
    const onSpeakers = (event: HTMLElementEventMap['lk-active-speakers-changed']) => {
      for (const p of event.detail.speakers) spoke.push({ at: performance.now(), identity: p.identity });
    };
    el.addEventListener('lk-active-speakers-changed', onSpeakers);
    const pages: { at: number; ids: string[]; nodes: (Element | null)[] }[] = [];
    const end = performance.now() + 20_000;
    while (performance.now() < end) {
      const ids = shown(grid);
      if (ids.join() !== pages.at(-1)?.ids.join()) pages.push({ at: performance.now(), ids, nodes: ids.map((id) => tileOf(grid, id)) });
      await sleep(50);
    }
    el.removeEventListener('lk-active-speakers-changed', onSpeakers);

    expect(pages.length, 'the first page changed as people spoke').to.be.greaterThan(2);
    const speakers = new Set(spoke.map((s) => s.identity));
    expect(speakers.size, 'most of the 8 spoke').to.be.greaterThan(5);
    for (let i = 1; i < pages.length; i++) {
      const [a, b] = [pages[i - 1], pages[i]];
      expect(b.ids).to.have.length(4);
      b.ids.forEach((id, index) => {
        if (id === a.ids[index]) {
          expect(b.nodes[index] === a.nodes[index], `${id} stayed in place as the same tile`).to.equal(true);
        } else {
          // A newcomer to the first page spoke within the last few seconds.
          expect(spoke.some((s) => s.identity === id && s.at <= b.at && s.at > b.at - 5000), `${id} moved in because it spoke`).to.equal(true);
        }
      });
    }
    // Every speaker heard well inside the watch was on the first page soon after.
    for (const { at, identity } of spoke.filter((s) => s.at < end - 5000)) {
      expect(
        pages.some((p, i) => p.ids.includes(identity) && (pages[i + 1]?.at ?? Infinity) > at && p.at < at + 5000),
        `${identity}, heard at ${Math.round(at)}, on the first page within 5 s`,
      ).to.equal(true);
    }
  });

  it('the audio layout: a tile per participant with initials, name, mute state and speaking, and no video received at all', async () => {
    const room = uniqueRoom('audio-layout');
    const backend = await Backend.start({ room, count: 4, speaking: 'rotate', speakPeriod: '1500ms', names: 'Ada Lovelace,Grace Hopper,Alan Turing,Edsger Dijkstra' });
    const el = await viewer(
      room,
      html`<lk-participants filter="remote" layout="audio" style="display:block;width:800px;height:400px"></lk-participants><lk-audio-renderer></lk-audio-renderer>`,
    );
    const grid = el.querySelector('lk-participants')!;
    await waitFor(() => shown(grid).length === 4, 'four audio tiles', 60_000);
    const tiles = backend.identities.map((id) => tileOf(grid, id, 'microphone')!);
    expect(tiles.every(Boolean), 'every tile is a microphone tile').to.equal(true);
    expect(tiles.map((t) => t.getAttribute('source'))).to.deep.equal(['microphone', 'microphone', 'microphone', 'microphone']);
    expect(tiles.map((t) => t.shadowRoot!.querySelector('[part=initials]')?.textContent)).to.deep.equal(['AL', 'GH', 'AT', 'ED']);
    expect(tiles.map((t) => t.shadowRoot!.querySelector('[part=name]')?.textContent)).to.deep.equal(['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Edsger Dijkstra']);
    expect(grid.querySelectorAll('lk-participant-tile')[0].shadowRoot!.querySelector('lk-track-view'), 'no video element').to.equal(null);
    const square = tiles[0].getBoundingClientRect();
    expect(Math.abs(square.width - square.height)).to.be.lessThan(2);

    // The speaking ring and each tile's visualizer follow the rotation; a backend mute shows.
    const visualizers = tiles.map((t) => t.shadowRoot!.querySelector<LkAudioVisualizer>('lk-audio-visualizer[part=audio-visualizer]')!);
    expect(visualizers.every(Boolean), 'a visualizer in every audio tile').to.equal(true);
    const seen = new Set<string>();
    const loud = new Set<string>();
    await waitFor(() => {
      tiles.forEach((t, i) => t.speaking && seen.add(backend.identities[i]));
      visualizers.forEach((v, i) => v.active && loud.add(backend.identities[i]));
      return seen.size >= 3 && loud.size >= 3;
    }, 'three of the four seen speaking, and their bars moving', 30_000).catch((err: Error) => {
      const state = visualizers.map((v) => `${v.audioTrack ? 'track' : 'no track'} ${v.levels.map((l) => l.toFixed(2)).join(' ')}`);
      throw new Error(`${err.message}: speaking [${[...seen].join()}], bars moving [${[...loud].join()}]; visualizers: ${state.join('; ')}`);
    });
    await backend.command(`mute audio ${backend.identities[0]}`);
    await waitFor(() => tiles[0].audioMuted && tiles[0].shadowRoot!.querySelector('[part=mic-muted]'), 'the mute shows on the audio tile');

    // The publishers send video, and none of it reaches the viewer: no tile shows it.
    expect(await receiving(el, 3000)).to.deep.equal([]);
    await expect(grid).to.be.accessible();
  });
});
