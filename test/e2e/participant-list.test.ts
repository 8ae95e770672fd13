// <lk-participant-list> against the real server: who is listed, what each item says of their
// microphone and camera, and what Chromium's accessibility tree tells a screen reader.
import { expect, fixture, html } from '@open-wc/testing';
import { Room, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkParticipantList, LkRoom } from '../../src/index.js';
import { axList } from '../a11y.js';
import { fetchToken, uniqueRoom, waitFor } from '../helpers.js';

/** The `<li>` of `identity`. */
function itemOf(list: LkParticipantList, identity: string): HTMLLIElement | null {
  return [...list.shadowRoot!.querySelectorAll<HTMLLIElement>('li')].find((li) => li.dataset.identity === identity) ?? null;
}

/** The text alternative of an item's part (`mic`, `camera`, `connection-quality`). */
function label(list: LkParticipantList, identity: string, part: string): string | null {
  return itemOf(list, identity)?.querySelector(`[part~="${part}"]`)?.getAttribute('aria-label') ?? null;
}

/** Another person, on another device: a plain livekit-client Room with camera and microphone on. */
async function otherPerson(roomName: string, identity: string): Promise<Room> {
  const { server_url, participant_token } = await fetchToken(roomName, identity);
  const room = new Room();
  await room.connect(server_url, participant_token);
  await room.localParticipant.setCameraEnabled(true, { resolution: { width: 320, height: 180 } });
  await room.localParticipant.setMicrophoneEnabled(true);
  return room;
}

describe('e2e: <lk-participant-list>', function () {
  this.timeout(120_000);

  it('lists both, the local one first and marked; the other muting and leaving shows; the accessibility tree says the same', async () => {
    const roomName = uniqueRoom('plist');
    const page = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${roomName} participant-identity="ann" participant-name="Ann Example">
      <lk-participant-list list-label="Everyone"><p slot="empty">Nobody yet</p></lk-participant-list>
      <lk-participant-list filter="remote" list-label="Others"></lk-participant-list>
    </lk-room>`);
    const [all, others] = page.querySelectorAll('lk-participant-list');
    await all.updateComplete;
    // Not connected: nobody, and the empty slot in place of the list.
    expect(all.count).to.equal(0);
    expect(all.getAttribute('count')).to.equal('0');
    expect(all.shadowRoot!.querySelector('slot[name=empty]'), 'the empty slot').to.not.equal(null);
    expect(all.shadowRoot!.querySelector('[part=list]')!.hasAttribute('hidden')).to.equal(true);

    page.connect = true;
    await waitFor(() => all.identities.join() === 'ann', 'the local participant listed once connected');
    expect(all.shadowRoot!.querySelector('slot[name=empty]'), 'no empty slot').to.equal(null);
    expect(others.count).to.equal(0);
    const annItem = itemOf(all, 'ann')!;

    const ben = await otherPerson(roomName, 'ben');
    try {
      await waitFor(() => all.identities.join() === 'ann,ben', 'ann then ben in the list');
      await waitFor(() => label(all, 'ben', 'mic') === 'Microphone on' && label(all, 'ben', 'camera') === 'Camera on', "ben's microphone and camera on");
      expect(all.count).to.equal(2);
      expect(all.getAttribute('count')).to.equal('2');
      expect(others.identities).to.deep.equal(['ben']);

      // The local participant: first, marked "(you)" and by the part item-local; ben is not.
      expect(itemOf(all, 'ann')!.getAttribute('part')).to.contain('item-local');
      expect(itemOf(all, 'ann')!.querySelector('[part=name]')!.textContent).to.equal('Ann Example');
      expect(itemOf(all, 'ann')!.querySelector('[part=you]')!.textContent).to.equal('(you)');
      expect(itemOf(all, 'ben')!.getAttribute('part')).to.not.contain('item-local');
      expect(itemOf(all, 'ben')!.querySelector('[part=you]')).to.equal(null);
      expect(label(all, 'ann', 'mic')).to.equal('Microphone off');
      expect(label(all, 'ann', 'camera')).to.equal('Camera off');

      // What a screen reader is told: a list of two items, each named by who and what is on.
      const tree = await waitFor(() => axList('Everyone'), 'the list "Everyone" in the accessibility tree');
      expect(tree.items.map((item) => item.name.replace(' Speaking', ''))).to.deep.equal([
        'Ann Example (you) Microphone off Camera off',
        'ben Microphone on Camera on',
      ]);
      expect(tree.items.every((item) => /connection/i.test(item.description)), `each described by its connection quality: ${JSON.stringify(tree.items)}`).to.equal(true);
      expect((await axList('Others'))?.items.length).to.equal(1);

      // ben mutes the microphone, mutes the camera, then unpublishes it: each shows in the list.
      await ben.localParticipant.setMicrophoneEnabled(false);
      await waitFor(() => label(all, 'ben', 'mic') === 'Microphone muted', "ben's microphone muted");
      expect(itemOf(all, 'ben')!.querySelector('[part=mic]')!.classList.contains('muted')).to.equal(true);
      await ben.localParticipant.setCameraEnabled(false);
      await waitFor(() => label(all, 'ben', 'camera') === 'Camera muted', "ben's camera muted");
      const camera = ben.localParticipant.getTrackPublication(Track.Source.Camera)!.track!;
      await ben.localParticipant.unpublishTrack(camera);
      await waitFor(() => label(all, 'ben', 'camera') === 'Camera off', "ben's camera off once unpublished");
      await waitFor(async () => (await axList('Everyone'))?.items[1]?.name.replace(' Speaking', '') === 'ben Microphone muted Camera off', 'the new state in the accessibility tree');
      await ben.localParticipant.setMicrophoneEnabled(true);
      await waitFor(() => label(all, 'ben', 'mic') === 'Microphone on', "ben's microphone on again");

      // ben leaves: the item goes; ann's item is the same node all along.
      await ben.disconnect();
      await waitFor(() => all.identities.join() === 'ann', "ben's item removed");
      expect(itemOf(all, 'ben')).to.equal(null);
      expect(all.count).to.equal(1);
      expect(others.count).to.equal(0);
      expect(itemOf(all, 'ann') === annItem, "ann's item kept, not re-created").to.equal(true);
      const after = await waitFor(async () => {
        const list = await axList('Everyone');
        return list?.items.length === 1 ? list : undefined;
      }, 'one item in the accessibility tree');
      expect(after.items[0].name).to.equal('Ann Example (you) Microphone off Camera off');
    } finally {
      await ben.disconnect();
    }

    // Leaving the room empties the list.
    await page.leave();
    await waitFor(() => all.count === 0, 'the list empty after leaving');
    expect(all.shadowRoot!.querySelector('slot[name=empty]'), 'the empty slot again').to.not.equal(null);
    await expect(all).to.be.accessible();
  });

  it("the local participant's own microphone and camera, in labels set as attributes (German)", async () => {
    const roomName = uniqueRoom('plist-de');
    const page = await fixture<LkRoom>(html`<lk-room lang="de" token-endpoint="/api/token" room-name=${roomName} participant-identity="ute" participant-name="Ute" audio video
      video-resolution="320x180@15" connect>
      <lk-participant-list list-label="Teilnehmende" you-label="(du)" mic-on-label="Mikrofon an" mic-muted-label="Mikrofon stumm" mic-off-label="Mikrofon aus"
        camera-on-label="Kamera an" camera-muted-label="Kamera stumm" camera-off-label="Kamera aus" speaking-label="Spricht"
        excellent-label="Sehr gute Verbindung" good-label="Gute Verbindung" poor-label="Schlechte Verbindung" lost-label="Verbindung verloren"
        unknown-label="Verbindungsqualität unbekannt"></lk-participant-list>
    </lk-room>`);
    const list = page.querySelector('lk-participant-list')!;
    await waitFor(() => label(list, 'ute', 'mic') === 'Mikrofon an' && label(list, 'ute', 'camera') === 'Kamera an', 'own microphone and camera on');
    expect(itemOf(list, 'ute')!.querySelector('[part=you]')!.textContent).to.equal('(du)');
    expect(label(list, 'ute', 'connection-quality')).to.match(/Verbindung/);

    await page.livekitRoom.localParticipant.setMicrophoneEnabled(false);
    await page.livekitRoom.localParticipant.setCameraEnabled(false);
    await waitFor(() => label(list, 'ute', 'mic') === 'Mikrofon stumm' && label(list, 'ute', 'camera') === 'Kamera stumm', 'own microphone and camera muted');
    const tree = await waitFor(() => axList('Teilnehmende'), 'the list "Teilnehmende" in the accessibility tree');
    expect(tree.items.map((item) => item.name)).to.deep.equal(['Ute (du) Mikrofon stumm Kamera stumm']);
    expect(tree.items[0].description).to.match(/Verbindung/);
    await expect(list).to.be.accessible();
    await page.leave();
  });
});
