import { expect, fixture, html } from '@open-wc/testing';
import { RoomEvent, Track, TrackEvent, type RemoteTrack, type RemoteTrackPublication, type RemoteVideoTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkParticipants, LkParticipantTile, LkRoom, LkTrackView } from '../../src/index.js';
import { duringClick, isFirefox, uniqueRoom, waitFor } from '../helpers.js';

/** The tile of `identity` in a grid (camera, unless `source` says otherwise). */
function tileOf(grid: LkParticipants, identity: string, source = 'camera'): LkParticipantTile | null {
  return grid.querySelector<LkParticipantTile>(`[data-identity="${identity}"][data-source="${source}"] lk-participant-tile`);
}

function viewOf(tile: LkParticipantTile): LkTrackView {
  return tile.shadowRoot!.querySelector('lk-track-view')!;
}

function videoOf(tile: LkParticipantTile): HTMLVideoElement | null {
  return viewOf(tile).mediaElement as HTMLVideoElement | null;
}

/** The identities the grid shows, in order. */
function shown(grid: LkParticipants): string[] {
  return grid.items.map((item) => item.dataset.identity!);
}

/** A publisher: another `<lk-room>` on the page, publishing a small camera (and a microphone if asked). */
async function publisher(room: string, identity: string, options: { name?: string; audio?: boolean; resolution?: string } = {}): Promise<LkRoom> {
  // Voice processing off: it takes the fake microphone's short beeps (20 ms every 500 ms) for noise
  // and removes them, and the server would hear nothing.
  const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity=${identity}
    participant-name=${options.name ?? identity} video-resolution=${options.resolution ?? '320x180@15'} video ?audio=${options.audio}
    echo-cancellation="false" noise-suppression="false" auto-gain-control="false" connect></lk-room>`);
  await waitFor(() => el.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera)?.track, `${identity} publishes its camera`);
  return el;
}

/** A subscriber page holding `content` inside its `<lk-room>`. */
async function viewer(room: string, content: unknown, attrs: { adaptiveStream?: boolean } = {}): Promise<LkRoom> {
  return fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer"
    adaptive-stream=${attrs.adaptiveStream ? 'true' : 'false'} connect>${content}</lk-room>`);
}

/** Every remote track the room has subscribed to. */
function remoteTracks(room: LkRoom): RemoteTrack[] {
  return [...room.livekitRoom.remoteParticipants.values()].flatMap((p) => [...p.trackPublications.values()].flatMap((pub) => (pub.track ? [pub.track] : [])));
}

/** `bytesReceived` and `frameWidth` of a remote video track's inbound stream. */
async function inbound(track: RemoteVideoTrack): Promise<{ bytes: number; width: number }> {
  const stats = await track.getReceiverStats();
  return { bytes: stats?.bytesReceived ?? 0, width: stats?.frameWidth ?? 0 };
}

/** The frame width the publisher sends on each simulcast layer. */
async function sentWidths(sender: RTCRtpSender): Promise<Record<string, number>> {
  const widths: Record<string, number> = {};
  (await sender.getStats()).forEach((s: { type: string; rid?: string; frameWidth?: number }) => {
    if (s.type === 'outbound-rtp' && s.rid && s.frameWidth) widths[s.rid] = s.frameWidth;
  });
  return widths;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Bytes received over `ms`, to show that a stream stopped. */
async function bytesOver(track: RemoteVideoTrack, ms: number): Promise<number> {
  const before = (await inbound(track)).bytes;
  await sleep(ms);
  return (await inbound(track)).bytes - before;
}

describe('e2e: rendering the room', () => {
  it('a page with only <lk-room><lk-participants> shows a tile per publisher, with decoded video and the name as text', async () => {
    const room = uniqueRoom();
    const hostile = '<img src=x onerror="window.__lkPwned=1">';
    const pubs = [await publisher(room, 'ada', { name: 'Ada Lovelace' }), await publisher(room, 'eve', { name: hostile })];
    const page = await viewer(room, html`<lk-participants></lk-participants>`);
    const grid = page.querySelector('lk-participants')!;
    const ada = await waitFor(() => tileOf(grid, 'ada'), 'a tile for ada', 10_000);
    const eve = await waitFor(() => tileOf(grid, 'eve'), 'a tile for eve', 10_000);
    for (const tile of [ada, eve]) {
      await waitFor(() => (videoOf(tile)?.videoWidth ?? 0) > 0, `decoded video of ${tile.livekitParticipant?.identity}`, 10_000);
      expect(videoOf(tile)!.videoWidth).to.equal(320);
      expect(videoOf(tile)!.muted).to.equal(true);
      expect(videoOf(tile)!.playsInline).to.equal(true);
      expect(viewOf(tile).state).to.equal('active');
    }
    const nameOf = (tile: LkParticipantTile) => tile.shadowRoot!.querySelector('[part=name]')!;
    await waitFor(() => nameOf(ada).textContent === 'Ada Lovelace', "ada's name");
    await waitFor(() => nameOf(eve).textContent === hostile, "eve's name, literally");
    // The hostile name is one text node: no element was made of it, and nothing ran.
    expect(nameOf(eve).children).to.have.length(0);
    expect(eve.shadowRoot!.querySelector('img')).to.equal(null);
    expect(grid.querySelector('img')).to.equal(null);
    await sleep(300);
    expect((window as { __lkPwned?: number }).__lkPwned).to.equal(undefined);
    // The viewer's own tile: local, no camera, a placeholder with initials.
    const own = await waitFor(() => tileOf(grid, 'viewer'), 'the viewer tile');
    expect(own.local).to.equal(true);
    expect(own.videoMuted).to.equal(true);
    expect(viewOf(own).state).to.equal('none');
    expect(own.shadowRoot!.querySelector('[part=initials]')!.textContent).to.equal('V');
    // The local tile first; the two already in the room arrive together, in the server's order.
    expect(shown(grid)[0]).to.equal('viewer');
    expect(shown(grid).slice(1).sort()).to.deep.equal(['ada', 'eve']);
    // Three tiles: two columns, the third on a second row.
    const [a, b, c] = grid.items.map((item) => item.getBoundingClientRect());
    expect([a.top === b.top, c.top > a.top, c.left === a.left, Math.round(a.width) === Math.round(b.width)]).to.deep.equal([true, true, true, true]);
    await expect(grid).to.be.accessible();
    await Promise.all([...pubs, page].map((el) => el.leave()));
  });

  it("the local participant's own camera shows in its tile, mirrored", async () => {
    const page = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} participant-identity="me"
      video-resolution="320x180@15" video connect><lk-participants filter="local"></lk-participants></lk-room>`);
    const grid = page.querySelector('lk-participants')!;
    const tile = await waitFor(() => tileOf(grid, 'me'), 'my tile');
    await waitFor(() => (videoOf(tile)?.videoWidth ?? 0) > 0, 'my camera decoded');
    const view = viewOf(tile);
    const camera = page.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)!.track!;
    expect(view.track).to.equal(camera);
    if (isFirefox) {
      // Firefox's fake camera says it faces the environment, as a phone's back camera does: `auto`
      // leaves it the right way round, and `mirror="true"` mirrors it.
      expect(camera.mediaStreamTrack.getSettings().facingMode).to.equal('environment');
      expect(view.mirrored).to.equal(false);
      expect(getComputedStyle(videoOf(tile)!).transform).to.equal('none');
      view.setAttribute('mirror', 'true');
      await view.updateComplete;
    }
    expect(view.mirrored).to.equal(true);
    expect(getComputedStyle(videoOf(tile)!).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    view.setAttribute('mirror', 'false');
    await view.updateComplete;
    expect(view.mirrored).to.equal(false);
    expect(grid.items).to.have.length(1);
    await expect(grid).to.be.accessible();
    await page.leave();
  });

  it('adaptive stream: a 160×90 tile receives the low layer, a 1280×720 one the high layer, and a hidden or scrolled-away tile receives nothing', async () => {
    const room = uniqueRoom();
    const pub = await publisher(room, 'cam', { resolution: 'h720' });
    const sender = pub.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)!.track!.sender!;
    const page = await viewer(
      room,
      html`<div class="scroller" style="height:400px;overflow:auto"><div class="spacer" style="height:0"></div>
        <lk-participants filter="remote" sources="camera" style="width:160px"></lk-participants><div style="height:10px"></div></div>`,
      { adaptiveStream: true },
    );
    const grid = page.querySelector('lk-participants')!;
    const tile = await waitFor(() => tileOf(grid, 'cam'), 'the tile');
    const track = await waitFor(() => viewOf(tile).track as RemoteVideoTrack | undefined, 'the video attached');
    const publication = tile.livekitParticipant!.getTrackPublication(Track.Source.Camera) as RemoteTrackPublication;
    expect(track.isAdaptiveStream).to.equal(true);
    const video = videoOf(tile)!;
    expect([video.clientWidth, video.clientHeight]).to.deep.equal([160, 90]);

    // Small: the lowest layer (320 wide: the smallest one at least 160 wide).
    const low = await waitFor(async () => {
      const [{ width }, sent] = [await inbound(track), await sentWidths(sender)];
      return width > 0 && width === sent.q && width <= 320 && width;
    }, 'the low layer', 20_000);
    expect(low).to.be.at.most(320);

    // Large: the top layer, as wide as the publisher sends it.
    grid.style.width = '1280px';
    await waitFor(() => video.clientWidth === 1280 && video.clientHeight === 720, 'a 1280×720 tile');
    const high = await waitFor(async () => {
      const [{ width }, sent] = [await inbound(track), await sentWidths(sender)];
      return width > 640 && width === sent.f && width;
    }, 'the high layer', 30_000);
    expect(high).to.be.greaterThan(640);

    // display:none pauses the subscription: the client asks for nothing, and no bytes arrive.
    grid.style.display = 'none';
    await waitFor(() => !publication.isEnabled, 'the subscription disabled', 5_000);
    await sleep(1000);
    expect(await bytesOver(track, 1500)).to.equal(0);
    grid.style.display = '';
    await waitFor(async () => publication.isEnabled && (await bytesOver(track, 500)) > 0, 'video flowing again', 10_000);

    // Scrolled out of view: the same.
    page.querySelector<HTMLElement>('.spacer')!.style.height = '2000px';
    await waitFor(() => !publication.isEnabled, 'the subscription disabled when scrolled away', 5_000);
    await sleep(1000);
    expect(await bytesOver(track, 1500)).to.equal(0);
    const scroller = page.querySelector<HTMLElement>('.scroller')!;
    scroller.scrollTop = scroller.scrollHeight;
    await waitFor(async () => publication.isEnabled && (await bytesOver(track, 500)) > 0, 'video flowing when scrolled back', 10_000);
    await expect(grid).to.be.accessible();
    await Promise.all([pub.leave(), page.leave()]);
  });

  it('four publishers join and leave in turn: the grid shows the right set, keeps surviving tiles and attachments, and holds no ended track', async () => {
    const room = uniqueRoom();
    const page = await viewer(room, html`<lk-participants filter="remote"></lk-participants>`);
    const grid = page.querySelector('lk-participants')!;
    await waitFor(() => page.connectionState === 'connected', 'viewer connected');
    // Count every attach of every remote track, and keep the tracks that end.
    const attaches = new Map<RemoteTrack, number>();
    const ended: RemoteTrack[] = [];
    page.livekitRoom.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      attaches.set(track, 0);
      track.on(TrackEvent.ElementAttached, () => attaches.set(track, attaches.get(track)! + 1));
    });
    page.livekitRoom.on(RoomEvent.TrackUnsubscribed, (track: RemoteTrack) => ended.push(track));

    const pubs = new Map<string, LkRoom>();
    let nodes = new Map<string, HTMLElement>();
    const check = async (expected: string[]) => {
      await waitFor(() => JSON.stringify(shown(grid)) === JSON.stringify(expected), `the grid shows ${expected.join(', ') || 'nobody'}`);
      for (const identity of expected) {
        const tile = await waitFor(() => tileOf(grid, identity), `${identity}'s tile`);
        await waitFor(() => (videoOf(tile)?.videoWidth ?? 0) > 0, `${identity}'s video decoded`);
      }
      // Survivors are the same nodes, their tracks attached once.
      const now = new Map(grid.items.map((item) => [item.dataset.identity!, item]));
      for (const [identity, node] of nodes) if (now.has(identity)) expect(now.get(identity), `${identity}'s tile node`).to.equal(node);
      for (const [track, count] of attaches) if (!ended.includes(track)) expect(count, `attaches of ${track.sid}`).to.equal(1);
      nodes = now;
      // No video in the grid holds an ended track; no ended track is attached anywhere.
      for (const video of grid.querySelectorAll('lk-participant-tile')) {
        const stream = videoOf(video)?.srcObject as MediaStream | null;
        for (const t of stream?.getTracks() ?? []) expect(t.readyState, 'a video holds a live track').to.equal('live');
      }
      await waitFor(() => ended.every((t) => t.attachedElements.length === 0), 'ended tracks detached');
    };

    const join = async (identity: string) => pubs.set(identity, await publisher(room, identity, { resolution: 'h90' }));
    const leave = (identity: string) => {
      pubs.get(identity)!.remove();
      pubs.delete(identity);
    };
    await join('p1');
    await check(['p1']);
    await join('p2');
    await check(['p1', 'p2']);
    await join('p3');
    await check(['p1', 'p2', 'p3']);
    leave('p2');
    await check(['p1', 'p3']);
    await join('p4');
    await check(['p1', 'p3', 'p4']);
    leave('p1');
    await check(['p3', 'p4']);
    await join('p2');
    await check(['p3', 'p4', 'p2']);
    leave('p4');
    leave('p3');
    await check(['p2']);
    leave('p2');
    await check([]);
    expect(ended.length).to.be.greaterThan(4);
    await expect(grid).to.be.accessible();
    await page.leave();
  });

  it('a publisher whose microphone makes sound is marked speaking on the viewer\'s tile, with its connection quality', async () => {
    const room = uniqueRoom();
    // The viewer first: the server tells who speaks when it changes. Firefox's fake microphone is a
    // steady tone, so a publisher already speaking when the viewer joins would never change
    // (Chromium's beeps start and stop twice a second).
    const page = await viewer(room, html`<lk-participants filter="remote"></lk-participants>`);
    await waitFor(() => page.connectionState === 'connected', 'viewer connected');
    const loud = await publisher(room, 'loud', { audio: true, resolution: 'h90' });
    const quiet = await publisher(room, 'quiet', { resolution: 'h90' });
    const grid = page.querySelector('lk-participants')!;
    const tile = await waitFor(() => tileOf(grid, 'loud'), "loud's tile");
    const quietTile = await waitFor(() => tileOf(grid, 'quiet'), "quiet's tile");
    await waitFor(() => !tile.audioMuted, "loud's microphone seen", 10_000);
    expect(quietTile.audioMuted).to.equal(true);
    expect(quietTile.shadowRoot!.querySelector('[part=mic-muted]')!.getAttribute('aria-label')).to.equal('Microphone muted');
    expect(tile.shadowRoot!.querySelector('[part=mic-muted]')).to.equal(null);
    await waitFor(() => tile.hasAttribute('speaking'), 'loud marked speaking', 20_000);
    expect(tile.livekitParticipant!.isSpeaking).to.equal(true);
    expect(quietTile.hasAttribute('speaking')).to.equal(false);
    // The server's measure of each connection reaches the tile.
    const quality = tile.shadowRoot!.querySelector('[part=connection-quality]')!;
    await waitFor(() => quality.getAttribute('aria-label') !== 'Connection quality unknown', "loud's connection quality measured", 20_000);
    expect(quality.getAttribute('aria-label')).to.be.oneOf(['Excellent connection', 'Good connection', 'Poor connection']);
    // The bars lit: as many as the quality says, in its colour.
    const lit = quality.getAttribute('class')!.split(' ');
    expect(lit).to.deep.equal({ 'Excellent connection': ['q3', 'excellent'], 'Good connection': ['q2', 'good'], 'Poor connection': ['q1', 'poor'] }[quality.getAttribute('aria-label')!]);
    // Muted, the publisher goes quiet and the mark goes away.
    await loud.livekitRoom.localParticipant.setMicrophoneEnabled(false);
    await waitFor(() => !tile.hasAttribute('speaking') && tile.audioMuted, 'loud no longer speaking, and muted', 20_000);
    expect(tile.shadowRoot!.querySelector('[part=mic-muted]')).to.not.equal(null);
    await expect(grid).to.be.accessible();
    await Promise.all([loud, quiet, page].map((el) => el.leave()));
  });

  it('removing an <lk-participants> leaves no element attached to any track', async () => {
    const room = uniqueRoom();
    const pubs = [await publisher(room, 'r1', { resolution: 'h90' }), await publisher(room, 'r2', { resolution: 'h90' })];
    const page = await viewer(room, html`<lk-participants filter="remote"></lk-participants>`);
    const grid = page.querySelector('lk-participants')!;
    for (const id of ['r1', 'r2']) {
      const tile = await waitFor(() => tileOf(grid, id), `${id}'s tile`);
      await waitFor(() => (videoOf(tile)?.videoWidth ?? 0) > 0, `${id} decoded`);
    }
    const tracks = remoteTracks(page);
    expect(tracks.filter((t) => t.attachedElements.length > 0)).to.have.length(2);
    await expect(grid).to.be.accessible();
    grid.remove();
    await waitFor(() => tracks.every((t) => t.attachedElements.length === 0), 'every track detached');
    expect(remoteTracks(page).flatMap((t) => t.attachedElements)).to.deep.equal([]);
    await Promise.all([...pubs, page].map((el) => el.leave()));
  });

  it('a track view detaches when removed and attaches again, without a detach, when moved', async () => {
    const room = uniqueRoom();
    const pub = await publisher(room, 'mover', { resolution: 'h90' });
    const page = await viewer(room, html`<section class="a"><lk-track-view participant="mover" source="camera"></lk-track-view></section><section class="b"></section>`);
    const view = page.querySelector('lk-track-view')!;
    const track = await waitFor(() => view.track, 'attached');
    const video = view.mediaElement as HTMLVideoElement;
    await waitFor(() => video.videoWidth > 0, 'decoded');
    const events: string[] = [];
    track.on(TrackEvent.ElementAttached, () => events.push('attach'));
    track.on(TrackEvent.ElementDetached, () => events.push('detach'));
    page.querySelector('.b')!.append(view);
    await waitFor(() => !video.paused, 'playing after the move');
    expect(events).to.deep.equal(['attach']);
    expect(track.attachedElements).to.deep.equal([video]);
    await expect(view).to.be.accessible();
    view.remove();
    await waitFor(() => track.attachedElements.length === 0, 'detached after removal');
    expect(events).to.deep.equal(['attach', 'detach']);
    expect(video.srcObject).to.equal(null);
    await Promise.all([pub.leave(), page.leave()]);
  });

  it('a <template> is stamped per participant; the track view and name inside bind to that participant', async () => {
    const room = uniqueRoom();
    const pubs = [await publisher(room, 't1', { name: 'Tee One', resolution: 'h90' }), await publisher(room, 't2', { name: 'Tee Two', resolution: 'h90' })];
    const page = await viewer(
      room,
      html`<lk-participants filter="remote"><template><figure class="card"><lk-track-view source="camera"></lk-track-view><figcaption><lk-participant-name></lk-participant-name></figcaption></figure></template></lk-participants>`,
    );
    const grid = page.querySelector('lk-participants')!;
    await waitFor(() => grid.items.length === 2, 'two items');
    expect(grid.querySelectorAll('lk-participant-tile')).to.have.length(0);
    for (const [identity, name] of [['t1', 'Tee One'], ['t2', 'Tee Two']]) {
      const card = grid.querySelector(`[data-identity="${identity}"] figure.card`)!;
      const view = card.querySelector('lk-track-view')!;
      await waitFor(() => view.livekitParticipant?.identity === identity, `the view of ${identity} bound`);
      await waitFor(() => ((view.mediaElement as HTMLVideoElement | null)?.videoWidth ?? 0) > 0, `${identity} decoded`);
      await waitFor(() => card.querySelector('lk-participant-name')!.text === name, `${identity}'s name`);
    }
    await expect(grid).to.be.accessible();
    await Promise.all([...pubs, page].map((el) => el.leave()));
  });

  it('layout="focus" shows a screen share large, and the camera tiles stay the same nodes', async () => {
    const room = uniqueRoom();
    const sharer = await publisher(room, 'sharer', { resolution: 'h90' });
    const page = await viewer(room, html`<lk-participants filter="remote" layout="focus" style="width:800px"></lk-participants>`);
    const grid = page.querySelector('lk-participants')!;
    const camera = await waitFor(() => grid.querySelector<HTMLElement>('[data-identity="sharer"][data-source="camera"]'), 'the camera tile');
    expect(grid.shadowRoot!.querySelector('[part=focus]')).to.equal(null);
    const share = () => sharer.livekitRoom.localParticipant.setScreenShareEnabled(true, { resolution: { width: 640, height: 360 } });
    // Firefox's getDisplayMedia needs a user gesture (Chromium's, under --use-fake-ui-for-media-stream, does not).
    await (isFirefox ? duringClick(share) : share());
    const screen = await waitFor(() => grid.querySelector<HTMLElement>('[data-identity="sharer"][data-source="screen_share"]'), 'the screen-share tile');
    expect(screen.slot).to.equal('lk-focus');
    expect(camera.slot).to.equal('lk-item');
    const screenTile = screen.querySelector('lk-participant-tile')!;
    expect(screenTile.source).to.equal('screen_share');
    await waitFor(() => (videoOf(screenTile)?.videoWidth ?? 0) > 0, 'the screen share decoded');
    expect(screen.getBoundingClientRect().width).to.be.greaterThan(camera.getBoundingClientRect().width * 2);
    await expect(grid).to.be.accessible();
    await sharer.livekitRoom.localParticipant.setScreenShareEnabled(false);
    await waitFor(() => !grid.querySelector('[data-source="screen_share"]'), 'the screen-share tile gone');
    expect(grid.items).to.deep.equal([camera]);
    expect(grid.shadowRoot!.querySelector('[part=focus]')).to.equal(null);
    await Promise.all([sharer.leave(), page.leave()]);
  });
});
