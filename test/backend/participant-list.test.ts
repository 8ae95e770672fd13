// <lk-participant-list> with participants published from a backend (tools/publisher: LiveKit's Go
// server SDK) against the real server: everyone listed, a backend mute, speaking, leaves, and a
// room of 16 leaving in waves.
import { expect, fixture, html } from '@open-wc/testing';
import { Track, type Participant } from 'livekit-client';
import '../../src/index.js';
import type { LkParticipantList, LkRoom } from '../../src/index.js';
import { axList } from '../a11y.js';
import { uniqueRoom, waitFor } from '../helpers.js';
import { Backend, stopAllBackends } from './backend.js';

const MIC = { on: 'Microphone on', muted: 'Microphone muted', off: 'Microphone off' };
const CAMERA = { on: 'Camera on', muted: 'Camera muted', off: 'Camera off' };

/**
 * A viewer page: `<lk-participant-list>` in an `<lk-room>` that subscribes to nothing by itself: who
 * publishes what, muted or not, comes over signalling without media.
 */
async function viewer(room: string): Promise<{ room: LkRoom; list: LkParticipantList }> {
  const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer" auto-subscribe="false" connect>
    <lk-participant-list></lk-participant-list>
  </lk-room>`);
  return { room: el, list: el.querySelector('lk-participant-list')! };
}

/**
 * Subscribes the viewer to everyone's microphone: the server tells a participant who speaks only
 * among those it subscribes to.
 */
function subscribeAudio(room: LkRoom): void {
  for (const p of room.livekitRoom.remoteParticipants.values()) p.getTrackPublication(Track.Source.Microphone)?.setSubscribed(true);
}

function itemOf(list: LkParticipantList, identity: string): HTMLLIElement | null {
  return [...list.shadowRoot!.querySelectorAll<HTMLLIElement>('li')].find((li) => li.dataset.identity === identity) ?? null;
}

function label(list: LkParticipantList, identity: string, part: string): string | null {
  return itemOf(list, identity)?.querySelector(`[part~="${part}"]`)?.getAttribute('aria-label') ?? null;
}

function stateOf(participant: Participant, source: Track.Source): 'on' | 'muted' | 'off' {
  const publication = participant.getTrackPublication(source);
  return !publication ? 'off' : publication.isMuted ? 'muted' : 'on';
}

/**
 * Where the list differs from the room as livekit-client knows it now: the identities in order (the
 * local participant, then the others as the Room holds them, in join order), and each item's name,
 * microphone, camera and speaking. Empty when they agree.
 */
function differences(list: LkParticipantList, room: LkRoom): string[] {
  const lkRoom = room.livekitRoom;
  const people: Participant[] = [lkRoom.localParticipant, ...lkRoom.remoteParticipants.values()];
  const wanted = people.map((p) => p.identity);
  const shown = [...list.shadowRoot!.querySelectorAll<HTMLLIElement>('li')].map((li) => li.dataset.identity!);
  if (shown.join() !== wanted.join()) return [`listed ${shown.join()}; the room has ${wanted.join()}`];
  const problems: string[] = [];
  if (list.count !== people.length) problems.push(`count ${list.count}, ${people.length} people`);
  for (const p of people) {
    const item = itemOf(list, p.identity)!;
    const checks: [string, string | null | boolean, string | boolean][] = [
      ['name', item.querySelector('[part=name]')!.textContent, p.name || p.identity],
      ['mic', label(list, p.identity, 'mic'), MIC[stateOf(p, Track.Source.Microphone)]],
      ['camera', label(list, p.identity, 'camera'), CAMERA[stateOf(p, Track.Source.Camera)]],
      ['speaking', item.getAttribute('part')!.includes('item-speaking'), p.isSpeaking],
    ];
    for (const [what, is, should] of checks) if (is !== should) problems.push(`${p.identity} ${what}: ${String(is)}, should be ${String(should)}`);
  }
  return problems;
}

/** Waits until the list agrees with the room (and `also` holds), with the differences in the failure. */
async function agrees(list: LkParticipantList, room: LkRoom, what: string, also: () => boolean = () => true, timeout = 30_000): Promise<void> {
  let last: string[] = [];
  await waitFor(() => (last = differences(list, room)).length === 0 && also(), what, timeout).catch((err: Error) => {
    throw new Error(`${err.message}; ${last.join('; ')}`);
  });
}

describe('backend publisher (server SDK) in <lk-participant-list>', function () {
  this.timeout(180_000);

  afterEach(async () => {
    await stopAllBackends();
  });

  it('lists all six with names and states; a backend mute shows; speaking moves without reordering; a leave removes the item', async () => {
    const room = uniqueRoom('backend-plist');
    const names = 'Ada Lovelace,Grace Hopper,Alan Turing,Radia Perlman,Edsger Dijkstra,Frances Allen';
    const backend = await Backend.start({ room, count: 6, speaking: 'rotate', speakPeriod: '2s', names });
    const { room: el, list } = await viewer(room);
    const ids = backend.identities;
    await agrees(list, el, 'the viewer and the six, microphones and cameras on', () => list.count === 7 && ids.every((id) => label(list, id, 'camera') === CAMERA.on));
    expect(list.identities[0]).to.equal('viewer');
    expect(itemOf(list, 'viewer')!.getAttribute('part')).to.contain('item-local');
    const shownNames = ids.map((id) => itemOf(list, id)!.querySelector('[part=name]')!.textContent);
    expect([...shownNames].sort()).to.deep.equal(names.split(',').sort());
    const order = list.identities.join();

    // A mute from the backend, through the server, into the list.
    await backend.command(`mute audio ${ids[0]}`);
    await agrees(list, el, `${ids[0]}'s microphone muted`, () => label(list, ids[0], 'mic') === MIC.muted);
    await backend.command(`mute video ${ids[1]}`);
    await agrees(list, el, `${ids[1]}'s camera muted`, () => label(list, ids[1], 'camera') === CAMERA.muted);
    await backend.command(`unmute audio ${ids[0]}`);
    await backend.command(`unmute video ${ids[1]}`);
    await agrees(list, el, 'both on again', () => label(list, ids[0], 'mic') === MIC.on && label(list, ids[1], 'camera') === CAMERA.on);

    // Speaking moves from one to the next: the list follows, and never reorders.
    subscribeAudio(el);
    const speakers = new Set<string>();
    const reordered: string[] = [];
    await waitFor(
      () => {
        if (list.identities.join() !== order) reordered.push(list.identities.join());
        if (differences(list, el).length === 0) for (const id of ids) if (itemOf(list, id)!.getAttribute('part')!.includes('item-speaking')) speakers.add(id);
        return speakers.size >= 3;
      },
      'three backend participants shown speaking in turn',
      45_000,
    );
    expect(reordered, 'the order while speaking moved').to.deep.equal([]);
    // A speaker's item tells a screen reader so.
    const spoken = await waitFor(async () => (await axList('Participants'))?.items.find((item) => / Speaking /.test(item.name)), 'an item named as speaking', 30_000);
    expect(spoken.name).to.match(/^(Ada Lovelace|Grace Hopper|Alan Turing|Radia Perlman|Edsger Dijkstra|Frances Allen) Speaking Microphone on Camera on$/);

    // One leaves: the item goes, the others stay in their order.
    await backend.command(`leave ${ids[2]}`);
    await agrees(list, el, `${ids[2]}'s item removed`, () => !itemOf(list, ids[2]));
    expect(list.count).to.equal(6);
    expect(list.identities.join()).to.equal(order.split(',').filter((id) => id !== ids[2]).join());
    const tree = await waitFor(async () => {
      const ax = await axList('Participants');
      return ax?.items.length === 6 ? ax : undefined;
    }, 'six items in the accessibility tree');
    expect(tree.items[0].name).to.match(/^viewer \(you\) /);
  });

  it('sixteen: the list agrees with the room throughout, through a mute and leave waves, down to the viewer alone', async () => {
    const room = uniqueRoom('backend-plist16');
    const backend = await Backend.start({ room, count: 16, video: false, speaking: 'rotate', speakPeriod: '1s', leaveAfter: '30s', leaveWave: 4, leaveInterval: '4s' });
    const { room: el, list } = await viewer(room);
    const ids = backend.identities;
    await agrees(list, el, 'the viewer and the sixteen', () => list.count === 17, 25_000);
    subscribeAudio(el);
    expect(ids.every((id) => label(list, id, 'camera') === CAMERA.off), 'no cameras (audio only)').to.equal(true);
    await backend.command(`mute audio ${ids[5]}`);
    await agrees(list, el, `${ids[5]}'s microphone muted`, () => label(list, ids[5], 'mic') === MIC.muted);

    // The waves: 4 leave every 4 s from 30 s after the publisher started. At every look the list is the room.
    const counts = new Set<number>();
    const disagreements: string[] = [];
    const speakers = new Set<string>();
    await waitFor(
      () => {
        const problems = differences(list, el);
        if (problems.length) disagreements.push(problems.join('; '));
        for (const id of list.identities) if (itemOf(list, id)!.getAttribute('part')!.includes('item-speaking')) speakers.add(id);
        counts.add(list.count);
        return list.count === 1;
      },
      'everyone but the viewer gone',
      90_000,
    );
    expect(list.identities).to.deep.equal(['viewer']);
    expect([...counts].some((n) => n > 1 && n < 17), `the list shrank in waves (counts seen: ${[...counts].join(', ')})`).to.equal(true);
    expect(disagreements, 'looks where the list and the room differed').to.deep.equal([]);
    expect(speakers.size, 'speakers shown while they left').to.be.above(0);
  });
});
