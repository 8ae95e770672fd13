// Participants published from a backend (tools/publisher: LiveKit's Go server SDK, pre-encoded VP8
// simulcast and Opus) as a page with `<lk-participants>` sees them, against the real server.
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { RemoteVideoTrack } from 'livekit-client';
import { Track } from 'livekit-client';
import '../../src/index.js';
import type { LkParticipants, LkParticipantTile, LkRoom, LkTrackView } from '../../src/index.js';
import { uniqueRoom, waitFor } from '../helpers.js';
import { Backend, stopAllBackends } from './backend.js';


function tileOf(grid: LkParticipants, identity: string): LkParticipantTile | null {
  return grid.querySelector<LkParticipantTile>(`[data-identity="${identity}"][data-source="camera"] lk-participant-tile`);
}

function videoOf(tile: LkParticipantTile): HTMLVideoElement | null {
  return (tile.shadowRoot!.querySelector<LkTrackView>('lk-track-view')?.mediaElement as HTMLVideoElement | null) ?? null;
}

/** A viewer page: `<lk-participants>` of the remote participants, `width`×`height` CSS px. */
async function viewer(room: string, size: { width: number; height: number }): Promise<{ room: LkRoom; grid: LkParticipants }> {
  const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer"
    adaptive-stream="true" dynacast connect>
    <lk-participants filter="remote" style=${`display:block;width:${size.width}px;height:${size.height}px`}></lk-participants>
  </lk-room>`);
  return { room: el, grid: el.querySelector('lk-participants')! };
}

/** The frame width of what the viewer receives of `identity`'s camera. */
async function receivedWidth(room: LkRoom, identity: string): Promise<number> {
  const track = room.livekitRoom.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Camera)?.track as RemoteVideoTrack | undefined;
  return (await track?.getReceiverStats())?.frameWidth ?? 0;
}

describe('backend publisher (server SDK) in <lk-participants>', function () {
  this.timeout(180_000);

  before(async () => {
    await setViewport({ width: 1400, height: 900 });
  });

  afterEach(async () => {
    await stopAllBackends();
  });

  it('a backend participant gets a tile that decodes its video, and the tile size picks the simulcast layer', async () => {
    const room = uniqueRoom('backend');
    const backend = await Backend.start({ room, count: 1, speaking: 'none' });
    const [identity] = backend.identities;
    // One small tile: the grid is 280×158, so adaptive stream asks for the 320×180 layer.
    const { room: el, grid } = await viewer(room, { width: 280, height: 158 });
    const tile = await waitFor(() => tileOf(grid, identity), `a tile for ${identity}`);
    const video = await waitFor(() => videoOf(tile), 'the tile attaches a <video>');
    await waitFor(() => video.videoWidth > 0, 'the tile decodes video', 45_000);
    const framesBefore = video.getVideoPlaybackQuality().totalVideoFrames;
    await waitFor(() => video.getVideoPlaybackQuality().totalVideoFrames > framesBefore + 10, 'the video keeps decoding frames', 30_000);
    let width = 0;
    await waitFor(async () => (width = await receivedWidth(el, identity)) === 320, 'the small tile receives the 180p layer (320 wide)', 45_000).catch((err: Error) => {
      throw new Error(`${err.message}; it receives ${width} wide`);
    });
    expect(video.videoWidth).to.equal(320);

    // The same tile made large: the server switches to the 720p layer.
    grid.style.width = '1280px';
    grid.style.height = '720px';
    await waitFor(async () => (await receivedWidth(el, identity)) === 1280, 'the large tile receives the 720p layer (1280 wide)', 60_000);
    await waitFor(() => video.videoWidth === 1280, 'the tile shows the 720p layer', 30_000);
  });

  it('the backend muting its camera and microphone shows on the tile, and unmuting clears it', async () => {
    const room = uniqueRoom('backend-mute');
    const backend = await Backend.start({ room, count: 1, speaking: 'none' });
    const [identity] = backend.identities;
    const { grid } = await viewer(room, { width: 640, height: 360 });
    const tile = await waitFor(() => tileOf(grid, identity), `a tile for ${identity}`);
    await waitFor(() => videoOf(tile)?.videoWidth, 'the tile decodes video', 45_000);
    expect(tile.videoMuted).to.equal(false);
    expect(tile.audioMuted).to.equal(false);

    await backend.command(`mute video ${identity}`);
    await waitFor(() => tile.hasAttribute('video-muted'), 'the tile shows the camera muted');
    await backend.command(`mute audio ${identity}`);
    await waitFor(() => tile.hasAttribute('audio-muted'), 'the tile shows the microphone muted');
    const micIcon = tile.shadowRoot!.querySelector('[part~="mic-muted"]');
    expect(micIcon, 'the microphone-muted icon').to.exist;

    await backend.command(`unmute video ${identity}`);
    await backend.command(`unmute audio ${identity}`);
    await waitFor(() => !tile.hasAttribute('video-muted') && !tile.hasAttribute('audio-muted'), 'the tile shows both unmuted');
    const video = videoOf(tile)!;
    const frames = video.getVideoPlaybackQuality().totalVideoFrames;
    await waitFor(() => video.getVideoPlaybackQuality().totalVideoFrames > frames + 5, 'the video decodes again after unmuting', 45_000);
  });

  it('the speaking pattern moves the speaking ring from one backend participant to the next', async () => {
    const room = uniqueRoom('backend-speaking');
    const backend = await Backend.start({ room, count: 2, video: false, speaking: 'rotate', speakPeriod: '3s' });
    const { grid } = await viewer(room, { width: 640, height: 360 });
    const seen = new Set<string>();
    await waitFor(
      () => {
        for (const identity of backend.identities) if (tileOf(grid, identity)?.hasAttribute('speaking')) seen.add(identity);
        return seen.size === backend.identities.length;
      },
      'each backend participant shown speaking in turn',
      45_000,
    );
  });

  it('leaving removes the tile: one participant on command, then the rest in waves', async () => {
    const room = uniqueRoom('backend-leave');
    const backend = await Backend.start({ room, count: 5, audio: false, speaking: 'none', leaveAfter: '20s', leaveWave: 2, leaveInterval: '4s' });
    const { grid } = await viewer(room, { width: 800, height: 450 });
    await waitFor(() => backend.identities.every((identity) => tileOf(grid, identity)), 'a tile for each of the 5', 30_000);

    const [first] = backend.identities;
    await backend.command(`leave ${first}`);
    await waitFor(() => !tileOf(grid, first), `${first}'s tile removed`);
    expect(grid.items.length).to.equal(4);

    // The waves: 2 leave every 4 s from 20 s after the publisher started.
    const counts = new Set<number>();
    await waitFor(
      () => {
        counts.add(grid.items.length);
        return grid.items.length === 0;
      },
      'every tile removed as the waves leave',
      60_000,
    );
    expect([...counts].some((n) => n > 0 && n < 4), `the tiles left in waves (counts seen: ${[...counts].join(', ')})`).to.equal(true);
  });
});
