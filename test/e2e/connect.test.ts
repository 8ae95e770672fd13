import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ConnectionState, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import { fetchToken, uniqueRoom, waitFor } from '../helpers.js';

describe('lk-room against a real LiveKit server', () => {
  it('connects with token-endpoint, going connecting → connected, and disconnects when connect is removed', async () => {
    const states: string[] = [];
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} participant-identity="alice"
      @lk-connection-state-changed=${(e: CustomEvent<{ state: string }>) => states.push(e.detail.state)} connect></lk-room>`);
    await waitFor(() => el.connectionState === 'connected', 'connected');
    expect(el.getAttribute('connection-state')).to.equal('connected');
    expect(el.room!.state).to.equal(ConnectionState.Connected);
    expect(el.room!.localParticipant.identity).to.equal('alice');
    expect(states).to.deep.equal(['connecting', 'connected']);
    el.removeAttribute('connect');
    await waitFor(() => el.connectionState === 'disconnected', 'disconnected');
    expect(el.room!.state).to.equal(ConnectionState.Disconnected);
    expect(states.at(-1)).to.equal('disconnected');
  });

  it('connects with url and token', async () => {
    const room = uniqueRoom();
    const { server_url, participant_token } = await fetchToken(room, 'bob');
    const el = await fixture<LkRoom>(html`<lk-room url=${server_url} token=${participant_token} connect></lk-room>`);
    await oneEvent(el, 'lk-connected');
    expect(el.room!.name).to.equal(room);
    expect(el.room!.localParticipant.identity).to.equal('bob');
    await el.disconnect();
  });

  it('publishes the camera with the attributes given', async () => {
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect video
      video-resolution="h720" video-max-bitrate="1.2M" simulcast-layers="h180,h360"></lk-room>`);
    const pub = await waitFor(() => el.room?.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera track');
    const sender = await waitFor(() => pub.sender, 'sender');
    const encodings = sender.getParameters().encodings;
    expect(encodings.map((e) => e.rid)).to.deep.equal(['q', 'h', 'f']);
    expect(encodings.map((e) => e.maxBitrate)).to.deep.equal([160_000, 450_000, 1_200_000]);
    await el.disconnect();
  });
});
