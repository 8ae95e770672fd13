import { expect, fixture, html } from '@open-wc/testing';
import { ConnectionState, ParticipantEvent, RoomEvent } from 'livekit-client';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import { CONNECT_TIMEOUT_MS } from '../../src/core/room-session.js';
import { captureWarnings, failedConnection, fetchToken, openMedia, recordMedia, serverParticipants, uniqueRoom, waitFor } from '../helpers.js';

const connected = (el: LkRoom) => waitFor(() => el.connectionState === 'connected' && el.livekitRoom.state === ConnectionState.Connected, `${el.participantIdentity ?? 'lk-room'} connected`);

/** Everything that was left: open peer connections, live tracks, the room's participants on the server. */
async function nothingLeft(room: string): Promise<void> {
  // livekit-client may make a peer connection late for an attempt cut short; the kit closes it then.
  await waitFor(() => openMedia().peerConnections === 0, 'no open peer connection', 10_000);
  await waitFor(() => openMedia().liveTracks === 0, 'no live track', 10_000);
  await waitFor(async () => (await serverParticipants(room)).length === 0, 'nobody left in the room on the server', 15_000);
}

describe('e2e: the room session', () => {
  before(() => recordMedia());

  describe('a bounded connect', () => {
    it(`a url that answers HTTP 404 (not a LiveKit server) ends the attempt within ${CONNECT_TIMEOUT_MS / 1000} s with lk-error timeout, and keeps trying`, async () => {
      const { participant_token } = await fetchToken(uniqueRoom(), 'x');
      // The test server answers 404 on any unknown path, readable by the page: livekit-client alone retries this for ever.
      const url = `${location.origin.replace(/^http/, 'ws')}/not-a-livekit-server`;
      const started = performance.now();
      const { el, detail, warnings } = await failedConnection((room) => {
        room.url = url;
        room.token = participant_token;
      });
      const took = performance.now() - started;
      expect(detail.code).to.be.oneOf(['timeout', 'server-unreachable']);
      expect(took).to.be.below(CONNECT_TIMEOUT_MS + 5000);
      expect(warnings.join('\n')).to.match(/^lk-room: /);
      // `connect` stays: the session tries again after a pause.
      expect(el.connect).to.equal(true);
      expect(el.connectionState).to.equal('connecting');
      el.connect = false;
      await waitFor(() => el.connectionState === 'disconnected', 'disconnected once connect is cleared');
      expect(el.hasAttribute('connect')).to.equal(false);
      el.remove();
      await waitFor(() => openMedia().peerConnections === 0, 'no open peer connection', 10_000);
    });
  });

  describe('leaving mid-connect leaves nothing behind', () => {
    for (const when of ['connecting', 'connected'] as const) {
      it(`removing <lk-room connect video audio> when ${when}: no peer connection, no live track, nobody on the server`, async () => {
        const room = uniqueRoom('leave');
        const el = document.createElement('lk-room');
        el.tokenEndpoint = '/api/token';
        el.roomName = room;
        el.participantIdentity = 'leaver';
        el.connect = el.video = el.audio = true;
        document.body.append(el);
        await waitFor(() => el.connectionState === when, when);
        el.remove();
        await nothingLeft(room);
        expect(el.connectionState).to.equal('disconnected');
      });
    }

    it('clearing connect while connecting, then setting it again, connects once', async () => {
      const room = uniqueRoom('toggle');
      const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="toggler" connect></lk-room>`);
      await waitFor(() => el.connectionState === 'connecting', 'connecting');
      el.removeAttribute('connect');
      await waitFor(() => el.connectionState === 'disconnected', 'disconnected');
      await nothingLeft(room);
      el.setAttribute('connect', '');
      await connected(el);
      expect(await serverParticipants(room)).to.deep.equal(['toggler']);
      await el.leave();
      await nothingLeft(room);
    });
  });

  describe('no needless reconnect', () => {
    it('with a plain token, changing participant-name, -identity or -metadata keeps the connection', async () => {
      const room = uniqueRoom();
      const { server_url, participant_token } = await fetchToken(room, 'plain');
      const el = await fixture<LkRoom>(html`<lk-room url=${server_url} token=${participant_token} connect></lk-room>`);
      await connected(el);
      const lkRoom = el.livekitRoom;
      const sid = lkRoom.localParticipant.sid;
      const events: string[] = [];
      for (const event of [RoomEvent.Disconnected, RoomEvent.Reconnecting, RoomEvent.SignalReconnecting]) lkRoom.on(event, () => events.push(event));
      const warnings = await captureWarnings(async () => {
        el.participantName = 'Someone Else';
        el.participantIdentity = 'someone-else';
        el.participantMetadata = '{"x":1}';
        await el.updateComplete;
        await new Promise((r) => setTimeout(r, 1500));
      });
      expect(events).to.deep.equal([]);
      expect(el.livekitRoom === lkRoom).to.equal(true);
      expect(lkRoom.localParticipant.sid).to.equal(sid);
      expect(el.connectionState).to.equal('connected');
      expect(warnings).to.deep.equal([]);
      await el.leave();
    });

    it('with token-endpoint and a token that may update its metadata, a name or metadata change updates the participant in place', async () => {
      const room = uniqueRoom();
      const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token?can_update_metadata=true" room-name=${room} participant-identity="ann" participant-name="Ann" connect></lk-room>`);
      const viewer = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer" connect></lk-room>`);
      await connected(el);
      await connected(viewer);
      const ann = await waitFor(() => viewer.livekitRoom.remoteParticipants.get('ann'), 'the viewer sees ann');
      const sid = el.livekitRoom.localParticipant.sid;
      const events: string[] = [];
      for (const event of [RoomEvent.Disconnected, RoomEvent.Reconnecting]) el.livekitRoom.on(event, () => events.push(event));
      el.participantName = 'Ann B.';
      el.participantMetadata = '{"team":"red"}';
      await waitFor(() => ann.name === 'Ann B.' && ann.metadata === '{"team":"red"}', 'the viewer sees the new name and metadata');
      expect(events).to.deep.equal([]);
      expect(el.livekitRoom.localParticipant.sid).to.equal(sid);
      await Promise.all([el.leave(), viewer.leave()]);
    });

    it('with token-endpoint and a token that may not, a name change connects again with a new token', async () => {
      const room = uniqueRoom();
      const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="bea" participant-name="Bea" connect></lk-room>`);
      const viewer = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer" connect></lk-room>`);
      await connected(el);
      await connected(viewer);
      el.participantName = 'Bea C.';
      await waitFor(
        () => (viewer.livekitRoom.remoteParticipants.get('bea'))?.name === 'Bea C.',
        'the viewer sees bea under the new name',
      );
      // The server may tell the viewer before the new connection's join response reaches bea's page.
      await waitFor(() => el.livekitRoom.localParticipant.name === 'Bea C.' && el.connectionState === 'connected', 'bea connected again under the new name');
      await Promise.all([el.leave(), viewer.leave()]);
    });
  });

  describe('secrets never leak', () => {
    for (const [what, query] of [
      ['an expired token', '?expired=true'],
      ['a wrongly signed token', '?bad_signature=true'],
    ] as const) {
      it(`${what}: lk-error token, and neither the event nor the console carries the token`, async () => {
        const { server_url, participant_token } = await fetchToken(uniqueRoom(), 'secret', query);
        const { el, detail, warnings } = await failedConnection((room) => {
          room.url = server_url;
          room.token = participant_token;
        });
        expect(detail.code).to.equal('token');
        expect(detail.message).to.match(/401|refused/);
        const signature = participant_token.split('.')[2];
        for (const text of [detail.message, ...warnings]) {
          expect(text).to.not.contain(participant_token);
          expect(text).to.not.contain(signature);
          expect(text).to.not.match(/eyJ[\w-]+\.[\w-]+/);
        }
        expect(warnings.join('\n')).to.contain('[redacted]');
        // A refused token is not tried again until it changes.
        await waitFor(() => el.connectionState === 'disconnected', 'disconnected');
        el.remove();
      });
    }
  });

  it('a participant events listener sees the participant the session restores after leave and join', async () => {
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} participant-identity="rejoiner" connect video></lk-room>`);
    await connected(el);
    const lkRoom = el.livekitRoom;
    await waitFor(() => lkRoom.localParticipant.isCameraEnabled, 'camera on');
    await el.leave();
    expect(el.connect).to.equal(false);
    const published = new Promise((resolve) => lkRoom.localParticipant.once(ParticipantEvent.LocalTrackPublished, resolve));
    await el.join();
    // The same Room, connected again: it is reused across connections.
    expect(el.livekitRoom === lkRoom).to.equal(true);
    await published;
    expect(lkRoom.localParticipant.isCameraEnabled).to.equal(true);
    expect(el.connect).to.equal(true);
    await el.leave();
  });
});
