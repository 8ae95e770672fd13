import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Room, RoomEvent, Track } from 'livekit-client';
import '../../src/index.js';
import { LkTrackView, type LkParticipants, type LkRoom } from '../../src/index.js';
import { captureWarnings, fetchToken, uniqueRoom, waitFor } from '../helpers.js';

/** The page's JS heap in use after a forced garbage collection (scripts/heap-plugin.mjs). */
async function heap(): Promise<number> {
  return (await executeServerCommand<{ usedSize: number }, { count: Record<string, string> }>('heap', { count: {} })).usedSize;
}

/** Plain livekit-client participants joined from this page, left when a test ends. */
const joined: Room[] = [];

async function join(roomName: string, identity: string): Promise<Room> {
  const { server_url, participant_token } = await fetchToken(roomName, identity);
  const room = new Room();
  joined.push(room);
  // They only publish: receiving each other's microphones (a dozen squared) would load the machine.
  await room.connect(server_url, participant_token, { autoSubscribe: false });
  return room;
}

/** A viewer: `<lk-room>` with a `<lk-participants>` grid, which renders a tile per participant. */
async function viewer(roomName: string): Promise<{ page: LkRoom; grid: LkParticipants }> {
  const page = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${roomName} participant-identity="viewer"
    adaptive-stream="false" connect><lk-participants></lk-participants></lk-room>`);
  await waitFor(() => page.connectionState === 'connected', 'the viewer connected');
  return { page, grid: page.querySelector('lk-participants')! };
}

/** The tiles of the grid whose participant is known, by identity. */
function tiles(grid: LkParticipants): Map<string, HTMLElementTagNameMap['lk-participant-tile']> {
  const all = [...grid.querySelectorAll('lk-participant-tile')].filter((t) => t.livekitParticipant);
  return new Map(all.map((t) => [t.livekitParticipant!.identity, t]));
}

/** How many listeners the Room has for each event it has any for. */
function listenerCounts(room: Room): Map<string, number> {
  return new Map(room.eventNames().map((event) => [String(event), room.listenerCount(event as RoomEvent)]));
}

afterEach(async () => {
  await Promise.all(joined.splice(0).map((room) => room.disconnect()));
});

describe('e2e: many participants', () => {
  it("the Room's listeners do not grow with the tiles: 32 tiles, no MaxListenersExceededWarning", async () => {
    const name = uniqueRoom('scale');
    let page!: LkRoom;
    let before!: Map<string, number>;
    let after!: Map<string, number>;
    const warnings = await captureWarnings(async () => {
      ({ page } = await viewer(name));
      const grid = page.querySelector('lk-participants')!;
      await join(name, 'p0');
      // The viewer's tile and one remote tile, every element of both rendered.
      await waitFor(() => tiles(grid).size === 2, 'two tiles');
      await grid.updateComplete;
      before = listenerCounts(page.livekitRoom);
      for (let i = 1; i < 31; i++) await join(name, `p${i}`);
      await waitFor(() => tiles(grid).size === 32, '32 tiles', 60_000);
      // Every tile's track view is in the page and bound to the tile's participant.
      await waitFor(
        () => [...tiles(grid).values()].every((t) => t.shadowRoot?.querySelector('lk-track-view')?.livekitParticipant === t.livekitParticipant),
        "every tile's track view bound",
      );
      after = listenerCounts(page.livekitRoom);
    });
    const grown = [...after].filter(([event, count]) => count !== (before.get(event) ?? 0)).map(([event, count]) => `${event}: ${before.get(event) ?? 0} → ${count}`);
    expect(grown.join(', ')).to.equal('');
    expect(after.get(RoomEvent.ConnectionStateChanged) ?? 0).to.be.below(20);
    expect(warnings.filter((w) => w.includes('MaxListenersExceeded') || w.includes('memory leak')).join('\n')).to.equal('');
    // The grid and its tiles gone: they took their listeners with them. What they held of the JS
    // heap (after a forced collection) is reported, not asserted: it varies from run to run.
    const withTiles = await heap();
    page.querySelector('lk-participants')!.remove();
    const rest = listenerCounts(page.livekitRoom);
    const withoutTiles = await heap();
    console.log(`JS heap per tile: ${Math.round((withTiles - withoutTiles) / 32 / 1024)} KiB`);
    expect([...rest].filter(([event, count]) => count > (before.get(event) ?? 0)).join(', ')).to.equal('');
    await page.leave();
  });

  it('elements that name a participant by identity share one listener per Room event, released when the last leaves', async () => {
    const name = uniqueRoom('scale');
    const page = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${name} participant-identity="viewer" connect></lk-room>`);
    await waitFor(() => page.connectionState === 'connected', 'the viewer connected');
    await join(name, 'ann');
    await waitFor(() => page.livekitRoom.remoteParticipants.has('ann'), 'ann in the room');
    const room = page.livekitRoom;
    const before = listenerCounts(room);
    const names = Array.from({ length: 40 }, (_, i) => {
      const el = document.createElement('lk-participant-name');
      el.setAttribute('participant', i % 2 ? 'ann' : 'late');
      return el;
    });
    page.append(...names);
    await waitFor(() => names.every((el, i) => el.text === (i % 2 ? 'ann' : '')), 'ann named, late not yet');
    const during = listenerCounts(room);
    for (const event of [RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.ConnectionStateChanged]) {
      expect(during.get(event)! - (before.get(event) ?? 0), event).to.equal(1);
    }
    // The shared listener still finds a participant who joins later.
    await join(name, 'late');
    await waitFor(() => names.every((el, i) => el.text === (i % 2 ? 'ann' : 'late')), 'late named once joined');
    for (const el of names) el.remove();
    const after = listenerCounts(room);
    expect([...after].filter(([event, count]) => count !== (before.get(event) ?? 0)).join(', ')).to.equal('');
    await page.leave();
  });

  it('track views update in proportion to what changed: 12 participants join and publish a microphone', async function () {
    // Sequential joins on a shared machine: more than Mocha's default minute.
    this.timeout(180_000);
    const n = 12;
    const name = uniqueRoom('scale');
    const { page, grid } = await viewer(name);
    let updates = 0;
    // Every track view's `updated()` counted: one per render of one view.
    const proto = LkTrackView.prototype as unknown as { updated: (this: LkTrackView, ...args: unknown[]) => void };
    const updated = proto.updated;
    proto.updated = function (...args) {
      updates++;
      updated.apply(this, args);
    };
    try {
      for (let i = 0; i < n; i++) {
        const room = await join(name, `p${i}`);
        // A microphone only: a dozen cameras encoded and decoded in one page starve a small machine.
        await room.localParticipant.setMicrophoneEnabled(true);
      }
      const subscribed = () => [...page.livekitRoom.remoteParticipants.values()].filter((p) => p.getTrackPublication(Track.Source.Microphone)?.isSubscribed);
      await waitFor(() => subscribed().length === n && tiles(grid).size === n + 1, `${n} microphones received, ${n + 1} tiles`, 60_000);
      // The tiles' track views have caught up.
      await Promise.all([...tiles(grid).values()].map((t) => t.shadowRoot!.querySelector('lk-track-view')!.updateComplete));
    } finally {
      proto.updated = updated;
    }
    console.log(`track-view updates for ${n} joins: ${updates}`);
    // Each view updates a handful of times for its own participant's events (published, subscribed,
    // stream state…), not once for every event of every other participant: a view that followed
    // every track event in the room updated 204 times for 12.
    expect(updates).to.be.at.most(8 * n);
    await page.leave();
  });
});
