/**
 * End-to-end encryption against the real server, with livekit-client's own E2EE (its key provider
 * and worker). Four `<lk-room>`s share one LiveKit room: ann and bob with the same passphrase (ann
 * publishes her camera), eve with another passphrase, and pat without encryption. What crossed the
 * wire is read from each receiver's WebRTC stats (bytes received, frames decoded) and from the
 * pixels its `<video>` shows.
 *
 * Data: the kit builds the `Room` with `RoomOptions.encryption` (not the older `e2ee`), with which
 * livekit-client 2.23 also encrypts data packets (chat, data streams, RPC; not the server's own
 * transcription, speaker and metrics packets). Chat between ann and bob works; eve and pat cannot
 * read it.
 */
import { expect, fixture, fixtureCleanup, html } from '@open-wc/testing';
import { RemoteVideoTrack, Track, type RemoteParticipant } from 'livekit-client';
import '../../src/index.js';
import type { LkChat, LkParticipantTile, LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import type { LkChatMessageDetail } from '../../src/events.js';
import { deepQueryAll, uniqueRoom, waitFor } from '../helpers.js';

/** livekit-client's worker, as the test server serves it (the built kit finds it by itself). */
const WORKER = '/node_modules/livekit-client/dist/livekit-client.e2ee.worker.mjs';

/** The inbound video stats of `room`'s subscription to `identity`'s camera. */
async function inboundVideo(room: LkRoom, identity: string): Promise<{ bytesReceived: number; framesDecoded: number; framesReceived: number }> {
  const participant = room.livekitRoom.remoteParticipants.get(identity);
  const track = participant?.getTrackPublication(Track.Source.Camera)?.track;
  const out = { bytesReceived: 0, framesDecoded: 0, framesReceived: 0 };
  if (!(track instanceof RemoteVideoTrack) || !track.receiver) return out;
  const stats = await track.receiver.getStats();
  stats.forEach((s: { type: string; kind?: string; bytesReceived?: number; framesDecoded?: number; framesReceived?: number }) => {
    if (s.type !== 'inbound-rtp' || s.kind !== 'video') return;
    out.bytesReceived += s.bytesReceived ?? 0;
    out.framesDecoded += s.framesDecoded ?? 0;
    out.framesReceived += s.framesReceived ?? 0;
  });
  return out;
}

/**
 * The share of the pixels in the `<video>` of `tile` that look like ann's picture (0 with no
 * picture): Chromium's fake camera draws a green frame (about rgb(0, 140, 0)) with a small
 * moving figure.
 */
function cameraShare(tile: LkParticipantTile): number {
  const video = deepQueryAll<HTMLVideoElement>(tile.shadowRoot!, 'video')[0];
  if (!video || video.videoWidth === 0) return 0;
  const canvas = document.createElement('canvas');
  canvas.width = 64;
  canvas.height = 36;
  const ctx = canvas.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(video, 0, 0, canvas.width, canvas.height);
  const data = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let green = 0;
  for (let i = 0; i < data.length; i += 4) if (data[i + 1] > 90 && data[i + 1] > data[i] + 40 && data[i + 1] > data[i + 2] + 40) green++;
  return green / (data.length / 4);
}

function collect(room: LkRoom) {
  const errors: LkErrorDetail[] = [];
  const messages: LkChatMessageDetail[] = [];
  room.addEventListener('lk-error', (e) => errors.push(e.detail));
  room.addEventListener('lk-chat-message', (e) => messages.push(e.detail));
  return { errors, messages };
}

describe('end-to-end encryption (e2e)', function () {
  this.timeout(90_000);

  it('the same passphrase decodes; another key and no encryption receive bytes they cannot decode', async () => {
    const name = uniqueRoom('e2ee');
    const page = await fixture<HTMLDivElement>(html`<div>
      <lk-room id="ann" token-endpoint="/api/token" room-name=${name} participant-identity="ann" e2ee-passphrase="correct horse" e2ee-worker=${WORKER} video connect
        ><lk-participant-tile participant="local"></lk-participant-tile><lk-chat></lk-chat
      ></lk-room>
      <lk-room id="bob" token-endpoint="/api/token" room-name=${name} participant-identity="bob" e2ee-passphrase="correct horse" e2ee-worker=${WORKER} connect
        ><lk-participant-tile participant="ann"></lk-participant-tile><lk-chat></lk-chat
      ></lk-room>
      <lk-room id="eve" token-endpoint="/api/token" room-name=${name} participant-identity="eve" e2ee-passphrase="battery staple" e2ee-worker=${WORKER} connect
        ><lk-participant-tile participant="ann"></lk-participant-tile><lk-chat></lk-chat
      ></lk-room>
      <lk-room id="pat" token-endpoint="/api/token" room-name=${name} participant-identity="pat" connect
        ><lk-participant-tile participant="ann"></lk-participant-tile><lk-chat></lk-chat
      ></lk-room>
    </div>`);
    const [ann, bob, eve, pat] = [...page.querySelectorAll<LkRoom>('lk-room')];
    const [annLog, bobLog, eveLog, patLog] = [ann, bob, eve, pat].map(collect);
    const tile = (room: LkRoom) => room.querySelector<LkParticipantTile>('lk-participant-tile')!;
    for (const room of [ann, bob, eve, pat]) await waitFor(() => room.connectionState === 'connected', `${room.id} connected`);

    // Ann publishes encrypted: the server marks her camera's track as encrypted.
    await waitFor(() => ann.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'ann publishes her camera');
    await waitFor(() => ann.encrypted, 'ann reflects `encrypted`');
    expect(ann.hasAttribute('encrypted')).to.equal(true);
    expect(pat.encrypted).to.equal(false);
    expect(ann.livekitRoom.hasE2EESetup && pat.livekitRoom.hasE2EESetup === false).to.equal(true);
    await waitFor(() => tile(ann).encrypted, "ann's own tile shows the padlock");

    // Bob, same passphrase: frames decoded, and the picture shows.
    await waitFor(async () => (await inboundVideo(bob, 'ann')).framesDecoded > 10, 'bob decodes ann’s frames', 30_000);
    await waitFor(() => cameraShare(tile(bob)) > 0.5, 'bob sees ann’s picture', 30_000);
    await waitFor(() => tile(bob).encrypted, "bob's tile of ann is `encrypted`");
    expect(tile(bob).shadowRoot!.querySelector('[part=encrypted]')!.getAttribute('aria-label')).to.equal('Encrypted');
    expect(tile(bob).decryptFailed).to.equal(false);

    // Eve, another key: bytes arrive, no frame decodes; she is told once, and her tile says so.
    await waitFor(async () => (await inboundVideo(eve, 'ann')).bytesReceived > 20_000, 'eve receives ann’s encrypted bytes', 30_000);
    await waitFor(() => eveLog.errors.some((e) => e.code === 'encryption'), 'eve gets lk-error encryption', 30_000);
    await waitFor(() => tile(eve).decryptFailed, "eve's tile of ann shows `decrypt-failed`");
    expect(tile(eve).hasAttribute('decrypt-failed')).to.equal(true);
    expect(tile(eve).shadowRoot!.querySelector('[part=decrypt-failed]')!.getAttribute('aria-label')).to.equal('Cannot decrypt');
    const eveStats = await inboundVideo(eve, 'ann');
    expect(eveStats.framesDecoded).to.equal(0);
    expect(cameraShare(tile(eve))).to.equal(0);

    // Pat, no encryption: bytes arrive, nothing readable shows; told once, the tile says so.
    await waitFor(async () => (await inboundVideo(pat, 'ann')).bytesReceived > 20_000, 'pat receives ann’s encrypted bytes', 30_000);
    await waitFor(() => patLog.errors.some((e) => e.code === 'encryption'), 'pat gets lk-error encryption', 30_000);
    await waitFor(() => tile(pat).decryptFailed, "pat's tile of ann shows `decrypt-failed`");
    const patStats = await inboundVideo(pat, 'ann');
    const patShare = cameraShare(tile(pat));
    // Ciphertext handed to the VP8 decoder: it fails on (nearly) every frame, and the rare frame it
    // does make of it (seen: 1 of 12) is noise, not ann's picture.
    const patSays = `${patStats.framesDecoded} frames decoded of ${patStats.framesReceived}, ${patShare} of the pixels ann's`;
    expect(patStats.framesDecoded < patStats.framesReceived, patSays).to.equal(true);
    expect(patShare < 0.2, patSays).to.equal(true);

    // Chat: ann to bob, encrypted; eve (another key) and pat (none) cannot read it.
    await ann.querySelector<LkChat>('lk-chat')!.send('over the encrypted channel');
    await waitFor(() => bobLog.messages.some((m) => m.identity === 'ann' && m.message === 'over the encrypted channel'), 'bob reads ann’s message');
    expect(ann.livekitRoom.engine.e2eeManager?.isDataChannelEncryptionEnabled).to.equal(true);
    // Bob's copy came in: the others had the same time, and nothing of it reached their chats.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(eveLog.messages.filter((m) => m.identity === 'ann').length).to.equal(0);
    expect(patLog.messages.filter((m) => m.identity === 'ann').length).to.equal(0);

    // Each failing room said it once, however many frames failed since.
    expect(eveLog.errors.filter((e) => e.code === 'encryption').length).to.equal(1);
    expect(patLog.errors.filter((e) => e.code === 'encryption').length).to.equal(1);
    expect(annLog.errors.length + bobLog.errors.length).to.equal(0);

    // Eve gets the right key from the page: her frames decode from now on, and the tile follows.
    await eve.setEncryptionKey('correct horse');
    await waitFor(async () => (await inboundVideo(eve, 'ann')).framesDecoded > 10, 'eve decodes after the right key', 30_000);
    await waitFor(() => !tile(eve).decryptFailed, "eve's tile clears `decrypt-failed`");
    await waitFor(() => cameraShare(tile(eve)) > 0.5, 'eve sees ann’s picture', 30_000);
    expect((bob.livekitRoom.remoteParticipants.get('ann') as RemoteParticipant).isEncrypted).to.equal(true);
    for (const room of [ann, bob, eve, pat]) await room.leave();
  });

  it('a room that leaves and joins again stays encrypted and decodes again', async () => {
    const name = uniqueRoom('e2ee-again');
    const page = await fixture<HTMLDivElement>(html`<div>
      <lk-room token-endpoint="/api/token" room-name=${name} participant-identity="ann" e2ee-passphrase="again" e2ee-worker=${WORKER} video connect></lk-room>
      <lk-room token-endpoint="/api/token" room-name=${name} participant-identity="bob" e2ee-passphrase="again" e2ee-worker=${WORKER} connect
        ><lk-participant-tile participant="ann"></lk-participant-tile
      ></lk-room>
    </div>`);
    const [ann, bob] = [...page.querySelectorAll<LkRoom>('lk-room')];
    const [annLog, bobLog] = [ann, bob].map(collect);
    const tile = bob.querySelector<LkParticipantTile>('lk-participant-tile')!;
    await waitFor(async () => (await inboundVideo(bob, 'ann')).framesDecoded > 10, 'bob decodes ann’s frames', 30_000);
    const first = bob.livekitRoom;
    await bob.leave();
    await bob.join();
    expect(bob.livekitRoom === first, 'the same Room, its encryption kept').to.equal(true);
    await waitFor(() => bob.encrypted, 'bob is encrypted again');
    await waitFor(async () => (await inboundVideo(bob, 'ann')).framesDecoded > 10, 'bob decodes ann’s frames after joining again', 30_000);
    await waitFor(() => cameraShare(tile) > 0.5, 'bob sees ann’s picture again', 30_000);
    // Ann leaves and joins again too: her new tracks are encrypted with the same key.
    await ann.leave();
    await ann.join({ video: true });
    await waitFor(() => ann.encrypted, 'ann is encrypted again');
    await waitFor(() => cameraShare(tile) > 0.5 && tile.encrypted && !tile.decryptFailed, 'bob sees ann’s new camera, encrypted', 30_000);
    expect(annLog.errors.length + bobLog.errors.length).to.equal(0);
    for (const room of [ann, bob]) await room.leave();
  });

  it('e2ee="fragment" reads the passphrase from the page URL; without one the room does not connect', async () => {
    const name = uniqueRoom('e2ee-frag');
    const before = location.hash;
    history.replaceState(null, '', `${location.pathname}${location.search}`);
    try {
      const el = document.createElement('lk-room');
      const { errors } = collect(el);
      Object.assign(el, { tokenEndpoint: '/api/token', roomName: name, participantIdentity: 'fran', e2ee: 'fragment', e2eeWorker: WORKER, connect: true });
      await fixture(html`<div></div>`).then((div) => div.append(el));
      await waitFor(() => errors.some((e) => e.code === 'encryption'), 'lk-error encryption: no passphrase');
      expect(el.connectionState).to.equal('disconnected');
      expect(el.livekitRoom.state).to.equal('disconnected');
      // The passphrase arrives in the fragment (LiveKit Meet's form: the whole fragment): the room joins, encrypted.
      location.hash = encodeURIComponent('pass phrase/1');
      await waitFor(() => el.connectionState === 'connected', 'connected once the fragment has a passphrase');
      expect(el.livekitRoom.hasE2EESetup).to.equal(true);
      await el.livekitRoom.localParticipant.setCameraEnabled(true);
      await waitFor(() => el.encrypted, '`encrypted` once connected');
      expect(errors.filter((e) => e.code === 'encryption').length).to.equal(1);
      await el.leave();
      fixtureCleanup();
    } finally {
      history.replaceState(null, '', `${location.pathname}${location.search}${before}`);
    }
  });
});
