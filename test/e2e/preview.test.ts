// `preview` against the real server: while it is set the server never sees the participant;
// removing it connects with the page's credentials and publishes (a second, plain livekit-client
// participant receives and decodes the camera); setting it again leaves the call.
import { expect, fixture, html } from '@open-wc/testing';
import { ConnectionState, Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkConference } from '../../src/index.js';
import { deepQueryAll, fetchToken, serverParticipants, uniqueRoom, waitFor } from '../helpers.js';

describe('e2e: preview, then the real call', () => {
  let viewer: Room | undefined;
  afterEach(async () => {
    await viewer?.disconnect();
    viewer = undefined;
  });

  it('removing preview with token-endpoint and room-name connects and publishes; setting it again leaves', async () => {
    const room = uniqueRoom('preview');
    const el = await fixture<LkConference>(html`<lk-conference preview="5" token-endpoint="/api/token" room-name=${room} participant-identity="builder" video connect
      style="block-size: 600px"></lk-conference>`);
    await el.updateComplete;
    expect(el.connectionState).to.equal('connected');
    expect(el.livekitRoom.localParticipant.identity).to.equal('preview-local');
    // A while in preview: the server has nobody in the room.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await serverParticipants(room)).to.deep.equal([]);

    // A plain livekit-client participant in the same room sees what the page publishes.
    viewer = new Room();
    const { server_url, participant_token } = await fetchToken(room, 'viewer');
    const received = new Promise<RemoteTrack>((resolve) =>
      viewer!.on(RoomEvent.TrackSubscribed, (track, _publication, participant) => {
        if (participant.identity === 'builder' && track.source === Track.Source.Camera) resolve(track);
      }),
    );
    await viewer.connect(server_url, participant_token);

    el.removeAttribute('preview');
    await waitFor(() => el.connectionState === 'connected' && el.livekitRoom.state === ConnectionState.Connected && el.livekitRoom.localParticipant.identity === 'builder', 'the real connection');
    await waitFor(async () => (await serverParticipants(room)).includes('builder'), 'the server to list the participant');
    const track = await received;
    const video = track.attach() as HTMLVideoElement;
    video.muted = true;
    document.body.append(video);
    await waitFor(() => video.videoWidth > 0, 'the camera decoded by the viewer');
    video.remove();
    // The conference's tiles are the real call's now: the page's participant and the viewer.
    await waitFor(() => {
      const tiles = deepQueryAll<HTMLElementTagNameMap['lk-participant-tile']>(el.shadowRoot!, 'lk-participant-tile');
      return tiles.map((tile) => tile.livekitParticipant?.identity).sort().join() === 'builder,viewer';
    }, 'the real tiles');

    // Back to the preview: the page leaves the call, `connect` stays for the next time.
    el.setAttribute('preview', '');
    await waitFor(async () => !(await serverParticipants(room)).includes('builder'), 'the participant to leave the server');
    expect(el.connectionState).to.equal('connected');
    expect(el.livekitRoom.localParticipant.identity).to.equal('preview-local');
    expect(el.hasAttribute('connect')).to.equal(true);
  });
});
