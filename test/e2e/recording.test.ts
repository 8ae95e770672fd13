/**
 * The recording notice against the real server. No egress runs here, so the recording is what the
 * server itself reports when a participant of kind `egress` (what an egress joins as) is in the
 * room: livekit-server sets the room's `active_recording` and sends a room update, from which
 * livekit-client sets `Room.isRecording` and emits `RoomEvent.RecordingStatusChanged`. The elements
 * follow that event: nothing in the page fakes it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { Room, RoomEvent } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkRecordingIndicatorElement, LkRoom } from '../../src/index.js';
import { fetchToken, uniqueRoom, waitFor } from '../helpers.js';

/** A participant that the server counts as a recorder: an egress's kind, joined with livekit-client. */
async function recorder(roomName: string): Promise<Room> {
  const { server_url, participant_token } = await fetchToken(roomName, `egress-${Math.random().toString(36).slice(2, 6)}`, '?kind=egress');
  const room = new Room();
  await room.connect(server_url, participant_token, { autoSubscribe: false });
  return room;
}

const badge = (indicator: HTMLElement) => indicator.shadowRoot!.querySelector<HTMLElement>('[part=badge]')!;

type AxNode = { name?: string; role?: string; children?: AxNode[] };
const find = (node: AxNode | undefined, test: (n: AxNode) => boolean): AxNode | undefined =>
  !node ? undefined : test(node) ? node : node.children?.map((child) => find(child, test)).find(Boolean);

describe('recording notice (e2e)', function () {
  this.timeout(60_000);

  it('<lk-room> reflects `recording` and emits lk-recording-changed when a recorder joins and leaves', async () => {
    const name = uniqueRoom('rec');
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${name} participant-identity="ann" connect
      ><lk-recording-indicator label="Aufnahme"></lk-recording-indicator
    ></lk-room>`);
    const events: boolean[] = [];
    el.addEventListener('lk-recording-changed', (e) => events.push(e.detail.recording));
    await waitFor(() => el.connectionState === 'connected', 'connected');
    const indicator = el.querySelector<LkRecordingIndicatorElement>('lk-recording-indicator')!;
    expect(el.hasAttribute('recording')).to.equal(false);
    expect(indicator.hasAttribute('recording')).to.equal(false);
    // Not recording: the live region is there, empty and without a box.
    expect(badge(indicator).getAttribute('role')).to.equal('status');
    expect(badge(indicator).textContent).to.equal('');
    expect(badge(indicator).getBoundingClientRect().width).to.equal(0);

    const sdkEvents: boolean[] = [];
    el.livekitRoom.on(RoomEvent.RecordingStatusChanged, (recording: boolean) => sdkEvents.push(recording));
    const rec = await recorder(name);
    try {
      await waitFor(() => el.hasAttribute('recording'), '`recording` after a recorder joined');
      expect(sdkEvents).to.deep.equal([true]);
      expect(el.livekitRoom.isRecording).to.equal(true);
      expect(events).to.deep.equal([true]);
      await waitFor(() => indicator.hasAttribute('recording'), 'the indicator shows');
      expect(badge(indicator).textContent.trim()).to.equal('Aufnahme');
      expect(badge(indicator).getBoundingClientRect().width > 0).to.equal(true);
      expect(indicator.shadowRoot!.querySelector('[part=dot]')).to.not.equal(null);
      // A screen reader is told: a status (polite live) region named by the label.
      const tree = (await a11ySnapshot({})) as unknown as AxNode;
      const status = find(tree, (n) => n.role === 'status' && !!n.children?.some((c) => c.name === 'Aufnahme'));
      expect(!!status).to.equal(true);
    } finally {
      await rec.disconnect();
    }
    // The server clears `active_recording` once no recorder is left.
    await waitFor(() => !el.hasAttribute('recording'), '`recording` cleared after the recorder left', 30_000);
    expect(events).to.deep.equal([true, false]);
    expect(sdkEvents).to.deep.equal([true, false]);
    await waitFor(() => !indicator.hasAttribute('recording'), 'the indicator hides');
    expect(badge(indicator).textContent).to.equal('');
  });

  it('a room joined while recording says so at once; leaving clears it', async () => {
    const name = uniqueRoom('rec');
    const rec = await recorder(name);
    try {
      const el = await fixture<LkConference>(html`<lk-conference token-endpoint="/api/token" room-name=${name} participant-identity="bob" connect></lk-conference>`);
      const events: boolean[] = [];
      el.addEventListener('lk-recording-changed', (e) => events.push(e.detail.recording));
      await waitFor(() => el.connectionState === 'connected', 'connected');
      await waitFor(() => el.hasAttribute('recording'), '`recording` from the join response');
      const indicator = el.shadowRoot!.querySelector<LkRecordingIndicatorElement>('lk-recording-indicator[part=recording]')!;
      await waitFor(() => indicator.hasAttribute('recording'), 'the conference shows its indicator');
      expect(badge(indicator).textContent.trim()).to.equal('Recording');
      await el.leave();
      await waitFor(() => !el.hasAttribute('recording'), '`recording` cleared on leaving');
      expect(events).to.deep.equal([true, false]);
      await waitFor(() => !indicator.hasAttribute('recording'), 'the indicator hides');
    } finally {
      await rec.disconnect();
    }
  });
});
