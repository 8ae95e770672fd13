import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { ConnectionState, Room, RoomEvent, Track, type RemoteTrack } from 'livekit-client';
import { fetchToken, isFirefox, uniqueRoom, waitFor } from '../helpers.js';

// A call page of another origin (scripts/embed-plugin.mjs: the bundle and markup on another loopback
// port), framed by this page with and without `allow`. The frame is cross-origin, so it is read
// through its harness (test/embed/harness.js) over postMessage.

interface FramedState {
  defined: boolean;
  connectionState?: string;
  identity?: string;
  published: string[];
  remote: { identity: string; source: string; subscribed: boolean; videoWidth: number }[];
  errors: { code: string; message: string }[];
  violations: { directive: string; blocked: string; sample: string }[];
  controls: { tag: string; disabled: boolean; title?: string; description?: string }[];
  policy?: string[];
  prejoinLevel?: string;
  prejoin?: { camera: { disabled: boolean; title?: string }; microphone: { disabled: boolean; title?: string }; notice: string; previewing: boolean };
}

const ALL = 'allow="camera; microphone; display-capture; autoplay"';

let nextId = 1;

/** Asks the framed page's harness; rejects after 5 s without an answer. */
function ask<T>(frame: HTMLIFrameElement, origin: string, command: string, selector?: string): Promise<T> {
  const id = nextId++;
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      removeEventListener('message', onMessage);
      reject(new Error(`the framed page did not answer ${command}`));
    }, 5_000);
    const onMessage = (event: MessageEvent<{ id: number; result?: T; error?: string }>) => {
      if (event.origin !== origin || event.data?.id !== id) return;
      clearTimeout(timer);
      removeEventListener('message', onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.result as T);
    };
    addEventListener('message', onMessage);
    frame.contentWindow!.postMessage({ id, command, selector }, origin);
  });
}

const stateOf = (frame: HTMLIFrameElement, origin: string) => ask<FramedState>(frame, origin, 'state');

/** This page in the room with its camera on: what the framed page can subscribe to, and the server's view of it. */
async function host(room: string): Promise<Room> {
  const { server_url, participant_token } = await fetchToken(room, 'host');
  const lkRoom = new Room();
  await lkRoom.connect(server_url, participant_token);
  await lkRoom.localParticipant.setCameraEnabled(true);
  return lkRoom;
}

async function frameCall(origin: string, room: string, allow: string | undefined, extra = ''): Promise<HTMLIFrameElement> {
  const src = `${origin}/call.html?room=${room}&identity=framed&video&audio${extra}`;
  const frame = await fixture<HTMLIFrameElement>(
    allow === undefined
      ? html`<iframe title="A call embedded from another origin" style="width: 640px; height: 360px" src=${src}></iframe>`
      : html`<iframe title="A call embedded from another origin" style="width: 640px; height: 360px" allow=${allow} src=${src}></iframe>`,
  );
  await waitFor(async () => (await stateOf(frame, origin).catch(() => undefined))?.defined, 'the framed page defined the elements');
  return frame;
}

describe('e2e: a call in a cross-origin iframe', function () {
  this.timeout(90_000);
  let origin: string;
  let csp: string;
  let hostRoom: Room | undefined;

  before(async () => {
    ({ origin, csp } = await executeServerCommand<{ origin: string; csp: string }, undefined>('embed-server'));
  });

  afterEach(async () => {
    await hostRoom?.disconnect();
    hostRoom = undefined;
  });

  it(`without allow: one blocked-by-embedder names ${ALL}; the controls are disabled and say why; the room connects as a viewer and subscribes`, async function () {
    // Firefox gathers ICE candidates in a page without media permission on its default route only,
    // and the loopback-only namespace has none: a viewer frame cannot connect here (on a real
    // network it does). Its classification of a refused capture is proven by the next test.
    if (isFirefox) this.skip();
    expect(new URL(origin).origin, 'the frame is of another origin').to.not.equal(location.origin);
    const room = uniqueRoom('embed');
    hostRoom = await host(room);
    const frame = await frameCall(origin, room, undefined);

    let last: FramedState | undefined;
    const connected = await waitFor(async () => {
      const state = (last = await stateOf(frame, origin));
      return state.connectionState === 'connected' && state.remote.some((t) => t.source === 'camera' && t.videoWidth > 0) ? state : undefined;
    }, 'the framed page connected and shows the host camera', 30_000).catch((err: Error) => {
      throw new Error(`${err.message}; the frame said ${JSON.stringify(last)}`);
    });
    expect(connected.policy, 'the frame policy blocks them all').to.deep.equal(['camera', 'microphone', 'display-capture', 'autoplay']);

    // Said once for the room, whatever the number of controls, and not as the person's refusal.
    const blocked = connected.errors.filter((e) => e.code === 'blocked-by-embedder');
    expect(blocked, JSON.stringify(connected.errors)).to.have.length(1);
    expect(blocked[0].message).to.contain(ALL);
    expect(connected.errors.map((e) => e.code)).to.not.include('permission-denied');

    // Nothing captured or published; the server sees the framed participant without tracks.
    expect(connected.published).to.deep.equal([]);
    const framed = await waitFor(() => hostRoom!.remoteParticipants.get('framed'), 'the host sees the framed participant');
    expect(framed.trackPublications.size).to.equal(0);

    const byTag = Object.fromEntries(connected.controls.map((c) => [c.tag, c]));
    for (const [tag, feature] of [['lk-camera-toggle', 'camera'], ['lk-microphone-toggle', 'microphone'], ['lk-screenshare', 'display-capture']]) {
      expect(byTag[tag].disabled, `${tag} disabled`).to.equal(true);
      expect(byTag[tag].title, `${tag} title`).to.contain(`allow="${feature}"`);
      expect(byTag[tag].description, `${tag} description`).to.equal(byTag[tag].title);
    }
    // Still one error once everything has settled.
    const later = await stateOf(frame, origin);
    expect(later.errors.filter((e) => e.code === 'blocked-by-embedder')).to.have.length(1);
  });

  it('without allow: <lk-prejoin> disables its camera and microphone switches with the reason and asks for neither; <lk-conference> connects with its controls disabled', async function () {
    if (isFirefox) this.skip(); // as above: no candidates for a viewer frame in this network
    const room = uniqueRoom('embed');
    hostRoom = await host(room);
    const frame = await frameCall(origin, room, undefined, '&conference');
    const state = await waitFor(async () => {
      const s = await stateOf(frame, origin);
      return s.connectionState === 'connected' && s.remote.some((t) => t.source === 'camera' && t.videoWidth > 0) ? s : undefined;
    }, 'the framed conference connected and shows the host camera', 30_000);
    const prejoin = state.prejoin!;
    expect(prejoin.camera.disabled).to.equal(true);
    expect(prejoin.camera.title).to.contain('allow="camera"');
    expect(prejoin.microphone.disabled).to.equal(true);
    expect(prejoin.microphone.title).to.contain('allow="microphone"');
    expect(prejoin.notice).to.contain(prejoin.camera.title).and.contain(prejoin.microphone.title);
    expect(prejoin.previewing, 'no preview asked for').to.equal(false);
    expect(state.controls.length, 'the conference controls').to.be.greaterThan(1);
    for (const c of state.controls) expect(c.disabled, `${c.tag} disabled`).to.equal(true);
    expect(state.errors.map((e) => e.code)).to.deep.equal(['blocked-by-embedder']);
    expect(state.published).to.deep.equal([]);
  });

  it('with allow="camera" only: the error names the rest; the camera publishes and the host decodes it; the microphone toggle says why it is off (Firefox: the refused microphone is told as blocked-by-embedder, not permission-denied)', async () => {
    const room = uniqueRoom('embed');
    hostRoom = await host(room);
    const subscribed = new Promise<RemoteTrack>((resolve) =>
      hostRoom!.on(RoomEvent.TrackSubscribed, (track, _pub, participant) => {
        if (participant.identity === 'framed' && track.source === Track.Source.Camera) resolve(track);
      }),
    );
    const frame = await frameCall(origin, room, 'camera');
    const track = await subscribed;
    const video = track.attach() as HTMLVideoElement;
    await waitFor(() => video.videoWidth > 0, 'the host decoded the framed camera');
    expect(video.videoWidth).to.be.greaterThan(0);
    track.detach(video);

    const state = await waitFor(async () => {
      const s = await stateOf(frame, origin);
      return s.published.includes(Track.Source.Camera) && s.errors.length > 0 ? s : undefined;
    }, 'the framed page published its camera and reported what is missing');
    expect(state.errors.map((e) => e.code), JSON.stringify(state)).to.deep.equal(['blocked-by-embedder']);
    expect(state.published).to.deep.equal([Track.Source.Camera]);
    const byTag = Object.fromEntries(state.controls.map((c) => [c.tag, c]));
    expect(byTag['lk-camera-toggle'].disabled).to.equal(false);
    expect(byTag['lk-camera-toggle'].title).to.equal(undefined);
    if (isFirefox) {
      // No policy API: the microphone was tried, refused without a prompt, and classified by its
      // missing devices; the error names its feature, and the control stays usable.
      expect(state.policy).to.equal(undefined);
      expect(state.errors[0].message).to.contain('add allow="microphone" to it');
      expect(byTag['lk-microphone-toggle'].disabled).to.equal(false);
    } else {
      expect(state.errors[0].message).to.contain('add allow="microphone; display-capture; autoplay" to it');
      expect(byTag['lk-microphone-toggle'].disabled).to.equal(true);
      expect(byTag['lk-microphone-toggle'].title).to.contain('allow="microphone"');
    }
  });

  it(`with ${ALL}: no error, the controls work, and the camera and microphone reach the server`, async () => {
    const room = uniqueRoom('embed');
    hostRoom = await host(room);
    const frame = await frameCall(origin, room, 'camera; microphone; display-capture; autoplay');
    const framed = await waitFor(() => {
      const participant = hostRoom!.remoteParticipants.get('framed');
      return participant?.getTrackPublication(Track.Source.Camera)?.track && participant.getTrackPublication(Track.Source.Microphone)?.track ? participant : undefined;
    }, 'the host subscribed to the framed camera and microphone', 30_000);
    const video = framed.getTrackPublication(Track.Source.Camera)!.track!.attach() as HTMLVideoElement;
    await waitFor(() => video.videoWidth > 0, 'the host decoded the framed camera');
    expect(video.videoWidth).to.be.greaterThan(0);

    const state = await stateOf(frame, origin);
    expect(state.errors).to.deep.equal([]);
    expect(state.connectionState).to.equal('connected');
    expect([...state.published].sort()).to.deep.equal([Track.Source.Camera, Track.Source.Microphone].sort());
    for (const c of state.controls) {
      expect(c.disabled, `${c.tag} enabled`).to.equal(false);
      expect(c.title, `${c.tag} has no reason`).to.equal(undefined);
    }
    // The camera toggle works from inside the frame: off, then the host sees it muted.
    await ask(frame, origin, 'click', 'lk-camera-toggle');
    await waitFor(() => framed.getTrackPublication(Track.Source.Camera)?.isMuted || !framed.getTrackPublication(Track.Source.Camera), 'the host saw the camera turned off');
    expect(hostRoom.state).to.equal(ConnectionState.Connected);
  });

  it('under the strict CSP of docs/embedding.md: a conference and a pre-join connect, publish and subscribe with no violation', async () => {
    // The policy served is the one docs/embedding.md gives, its connect-src naming the test server.
    const doc = await (await fetch('/docs/embedding.md')).text();
    const block = /```\nContent-Security-Policy:\n([\s\S]*?)```/.exec(doc)![1];
    const directives = (policy: string) => policy.split(';').map((d) => d.trim().replace(/\s+/g, ' ')).filter((d) => d && !d.startsWith('connect-src'));
    expect(directives(csp)).to.deep.equal(directives(block));
    expect(csp).to.match(/connect-src 'self' ws:\/\/127\.0\.0\.1:\d+ http:\/\/127\.0\.0\.1:\d+/);
    const room = uniqueRoom('embed-csp');
    hostRoom = await host(room);
    const frame = await frameCall(origin, room, 'camera; microphone; display-capture; autoplay', '&conference&csp');
    const framed = await waitFor(() => hostRoom!.remoteParticipants.get('framed')?.getTrackPublication(Track.Source.Camera)?.track, 'the host subscribed to the framed camera', 30_000);
    const video = framed.attach() as HTMLVideoElement;
    await waitFor(() => video.videoWidth > 0, 'the host decoded the framed camera');
    expect(video.videoWidth).to.be.greaterThan(0);
    const state = await waitFor(async () => {
      const s = await stateOf(frame, origin);
      return s.remote.some((t) => t.source === 'camera' && t.videoWidth > 0) && Number(s.prejoinLevel) > 0 ? s : undefined;
    }, 'the framed conference shows the host camera and the pre-join meter moves', 30_000);
    expect(state.connectionState).to.equal('connected');
    expect(state.errors).to.deep.equal([]);
    expect(state.violations, JSON.stringify(state.violations)).to.deep.equal([]);
  });
});
