import { expect, fixture, html } from '@open-wc/testing';
import { ConnectionState, RoomEvent, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkConnectionStateElement, LkRoom } from '../../src/index.js';
import { failedConnection, fetchToken, nextEvent, uniqueRoom, waitFor } from '../helpers.js';

const connected = (el: LkRoom) => waitFor(() => el.livekitRoom?.state === ConnectionState.Connected && el.connectionState === 'connected', `${el.id || 'lk-room'} connected`);

describe('e2e: lk-room connects to a real LiveKit server', () => {
  it('connects with token-endpoint, going connecting → connected, and disconnects when connect is removed', async () => {
    const states: string[] = [];
    const room = uniqueRoom();
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="alice"
      participant-name="Alice A." participant-metadata='{"team":"blue"}'
      @lk-connection-state-changed=${(e: CustomEvent<{ state: string }>) => states.push(e.detail.state)} connect></lk-room>`);
    await connected(el);
    expect(el.getAttribute('connection-state')).to.equal('connected');
    expect(el.livekitRoom.name).to.equal(room);
    expect(el.livekitRoom.localParticipant.identity).to.equal('alice');
    expect(el.livekitRoom.localParticipant.name).to.equal('Alice A.');
    expect(el.livekitRoom.localParticipant.metadata).to.equal('{"team":"blue"}');
    expect(states).to.deep.equal(['connecting', 'connected']);
    el.removeAttribute('connect');
    await waitFor(() => el.connectionState === 'disconnected', 'disconnected');
    expect(el.livekitRoom.state).to.equal(ConnectionState.Disconnected);
    expect(el.getAttribute('connection-state')).to.equal('disconnected');
    expect(states).to.deep.equal(['connecting', 'connected', 'disconnected']);
  });

  it('connects with url and token', async () => {
    const room = uniqueRoom();
    const { server_url, participant_token } = await fetchToken(room, 'bob');
    const el = await fixture<LkRoom>(html`<lk-room url=${server_url} token=${participant_token} connect></lk-room>`);
    await nextEvent(el, 'lk-connected');
    expect(el.livekitRoom.name).to.equal(room);
    expect(el.livekitRoom.localParticipant.identity).to.equal('bob');
    await el.leave();
  });

  it('two rooms with different identities on one page see each other', async () => {
    const room = uniqueRoom();
    const a = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="ann" connect></lk-room>`);
    await connected(a);
    const joined = nextEvent(a, 'lk-participant-connected');
    const b = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="ben" connect></lk-room>`);
    const { participant } = (await joined).detail;
    expect(participant.identity).to.equal('ben');
    await connected(b);
    await waitFor(() => b.livekitRoom.remoteParticipants.has('ann'), 'ben sees ann');
    const left = nextEvent(a, 'lk-participant-disconnected');
    b.remove();
    expect(((await left).detail).participant.identity).to.equal('ben');
    await a.leave();
  });

  it('a bad token gives lk-error code token and state disconnected', async () => {
    const { server_url } = await fetchToken(uniqueRoom(), 'x');
    const { el, detail } = await failedConnection((room) => {
      room.url = server_url;
      room.token = 'not-a-valid-token';
    });
    expect(detail.code).to.equal('token');
    expect(detail.message).to.match(/401|refused|token/i);
    await waitFor(() => el.connectionState === 'disconnected', 'disconnected after failure');
    expect(el.livekitRoom.state).to.equal(ConnectionState.Disconnected);
    el.remove();
  });

  it('an unreachable URL gives lk-error code server-unreachable', async () => {
    const { participant_token } = await fetchToken(uniqueRoom(), 'x');
    const { el, detail } = await failedConnection((room) => {
      room.url = 'ws://127.0.0.1:9';
      room.token = participant_token;
    });
    expect(detail.code).to.equal('server-unreachable');
    // `connect` means stay connected: the session tries again after a pause, and says so.
    expect(el.connectionState).to.equal('connecting');
    el.connect = false;
    await waitFor(() => el.connectionState === 'disconnected', 'disconnected once connect is cleared');
    el.remove();
  });

  it('a token endpoint that fails gives lk-error code token', async () => {
    const { el, detail } = await failedConnection((room) => (room.tokenEndpoint = '/no-such-endpoint'));
    expect(detail.code).to.equal('token');
    expect(detail.message).to.contain('/no-such-endpoint');
    expect(el.connectionState).to.equal('disconnected');
    el.remove();
  });

  it('a child bound by context and an element elsewhere bound by room="id" get the same connected Room', async () => {
    const page = await fixture<HTMLDivElement>(html`<div>
      <lk-room id="ctx-room" token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
        <lk-connection-state class="inside"></lk-connection-state>
      </lk-room>
      <aside><lk-connection-state class="outside" room="ctx-room"></lk-connection-state></aside>
    </div>`);
    const el = page.querySelector<LkRoom>('lk-room')!;
    const inside = page.querySelector<LkConnectionStateElement>('.inside')!;
    const outside = page.querySelector<LkConnectionStateElement>('.outside')!;
    await connected(el);
    expect(inside.livekitRoom === el.livekitRoom, 'inside.livekitRoom === el.livekitRoom').to.equal(true);
    expect(outside.livekitRoom === el.livekitRoom, 'outside.livekitRoom === el.livekitRoom').to.equal(true);
    await waitFor(() => inside.state === 'connected' && outside.state === 'connected', 'both show connected');
    expect(outside.shadowRoot!.textContent).to.contain('Connected');
    await el.leave();
  });

  it('removing lk-room disconnects it and ends the local tracks it published', async () => {
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect video audio></lk-room>`);
    const room = el.livekitRoom;
    const camera = await waitFor(() => room.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera published');
    const mic = await waitFor(() => room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, 'microphone published');
    expect(camera.mediaStreamTrack.readyState).to.equal('live');
    el.remove();
    await waitFor(() => room.state === ConnectionState.Disconnected, 'disconnected after removal');
    await waitFor(() => camera.mediaStreamTrack.readyState === 'ended' && mic.mediaStreamTrack.readyState === 'ended', 'tracks ended');
  });

  it('moving lk-room in the DOM does not reconnect it nor restart its tracks', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><section class="a"><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect video></lk-room></section><section class="b"></section></div>`);
    const el = page.querySelector<LkRoom>('lk-room')!;
    const room = el.livekitRoom;
    const camera = await waitFor(() => room.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera published');
    const events: string[] = [];
    for (const event of [RoomEvent.Disconnected, RoomEvent.Reconnecting, RoomEvent.LocalTrackUnpublished]) room.on(event, () => events.push(event));
    page.querySelector('.b')!.append(el);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 500));
    expect(el.livekitRoom === room, 'el.livekitRoom === room').to.equal(true);
    expect(room.state).to.equal(ConnectionState.Connected);
    expect(camera.mediaStreamTrack.readyState).to.equal('live');
    expect(room.localParticipant.getTrackPublication(Track.Source.Camera)?.track).to.equal(camera);
    expect(events).to.deep.equal([]);
    await el.leave();
  });

  it('auto-subscribe="false" subscribes to nothing', async () => {
    const room = uniqueRoom();
    const pub = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="pub" connect video></lk-room>`);
    await waitFor(() => pub.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera published');
    const sub = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="sub" auto-subscribe="false" connect></lk-room>`);
    const remote = await waitFor(() => sub.livekitRoom?.remoteParticipants.get('pub')?.getTrackPublication(Track.Source.Camera), 'publication seen');
    await new Promise((r) => setTimeout(r, 1000));
    expect(remote.isSubscribed).to.equal(false);
    await Promise.all([pub.leave(), sub.leave()]);
  });
});
