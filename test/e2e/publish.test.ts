import { expect, fixture, html } from '@open-wc/testing';
import { Track, type RemoteVideoTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import { captureWarnings, uniqueRoom, waitFor } from '../helpers.js';

async function cameraSender(el: LkRoom) {
  const track = await waitFor(() => el.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'camera published');
  return waitFor(() => track.sender, 'camera sender');
}

describe('e2e: the camera publishes with the attributes given', () => {
  it('video-resolution, video-max-bitrate and simulcast-layers show in the sender, and a second room decodes the video', async () => {
    const room = uniqueRoom();
    const publisher = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="pub" connect video
      video-resolution="1280x720@24" video-max-bitrate="1.2M" video-max-framerate="24" simulcast-layers="320x180@15:150k,h360"></lk-room>`);
    const sender = await cameraSender(publisher);
    const settings = publisher.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)!.track!.mediaStreamTrack.getSettings();
    expect([settings.width, settings.height]).to.deep.equal([1280, 720]);
    const encodings = sender.getParameters().encodings;
    expect(encodings.map((e) => e.rid)).to.deep.equal(['q', 'h', 'f']);
    expect(encodings.map((e) => e.maxBitrate)).to.deep.equal([150_000, 450_000, 1_200_000]);
    expect(encodings.map((e) => e.scaleResolutionDownBy)).to.deep.equal([4, 2, 1]);
    expect(encodings.map((e) => e.maxFramerate)).to.deep.equal([15, 20, 24]);

    const subscriber = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="sub" connect></lk-room>`);
    const remote = await waitFor(
      () => subscriber.livekitRoom?.remoteParticipants.get('pub')?.getTrackPublication(Track.Source.Camera)?.videoTrack as RemoteVideoTrack | undefined,
      'subscribed to the camera',
    );
    const video = remote.attach() as HTMLVideoElement;
    video.muted = true;
    document.body.append(video);
    await waitFor(() => video.videoWidth > 0, 'decoded frames');
    expect(video.videoWidth).to.be.greaterThan(0);
    remote.detach(video);
    video.remove();
    await Promise.all([publisher.leave(), subscriber.leave()]);
  });

  it('the extreme values the grammars accept publish through the SDK; values past them are refused and the defaults publish', async () => {
    const room = uniqueRoom();
    const edge = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="edge" connect video audio
      video-max-bitrate="100M" video-max-framerate="240" simulcast-layers="16x16@1:10k, 8192x8192@240:100M" audio-max-bitrate="510k"></lk-room>`);
    const encodings = (await cameraSender(edge)).getParameters().encodings;
    expect(encodings.map((e) => e.maxBitrate)).to.deep.equal([10_000, 100_000_000, 100_000_000]);
    // The SDK caps each lower layer at the top layer's frame rate and never scales a layer up.
    expect(encodings.map((e) => e.maxFramerate)).to.deep.equal([1, 240, 240]);
    expect(encodings[0].scaleResolutionDownBy).to.equal(720 / 16);
    expect(encodings[1].scaleResolutionDownBy).to.equal(1);
    const microphone = await waitFor(() => edge.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)?.track?.sender, 'microphone sender');
    expect(microphone.getParameters().encodings[0].maxBitrate).to.equal(510_000);

    const errors: { attribute?: string; value?: string }[] = [];
    const digits = '9'.repeat(300);
    const past = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="past" connect video
      @lk-error=${(e: CustomEvent) => errors.push(e.detail as { attribute?: string })}
      video-max-bitrate="0.0001k" video-max-framerate=${digits} simulcast-layers="640x360@20:500k:junk"></lk-room>`);
    const fallback = (await cameraSender(past)).getParameters().encodings;
    expect(errors.map((e) => e.attribute).sort()).to.deep.equal(['simulcast-layers', 'video-max-bitrate', 'video-max-framerate']);
    // The SDK's own defaults for a 1280×720 camera: q h f at 160k, 450k, 1.7M.
    expect(fallback.map((e) => e.maxBitrate)).to.deep.equal([160_000, 450_000, 1_700_000]);
    expect(fallback.every((e) => Number.isFinite(e.maxFramerate ?? 0))).to.equal(true);
    await Promise.all([edge.leave(), past.leave()]);
  });

  it('capture and publish defaults changed while connected apply to the next publish', async () => {
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect video simulcast="false" video-max-bitrate="600k"></lk-room>`);
    let encodings = (await cameraSender(el)).getParameters().encodings;
    expect(encodings).to.have.length(1);
    expect(encodings[0].maxBitrate).to.equal(600_000);
    el.setAttribute('video-max-bitrate', '300k');
    await el.updateComplete;
    // The published track keeps its encoding; the next publish takes the new one.
    expect((await cameraSender(el)).getParameters().encodings[0].maxBitrate).to.equal(600_000);
    const participant = el.livekitRoom.localParticipant;
    await participant.unpublishTrack(participant.getTrackPublication(Track.Source.Camera)!.track!);
    el.video = false;
    await el.updateComplete;
    el.video = true;
    await waitFor(() => el.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track?.sender, 'camera republished');
    encodings = (await cameraSender(el)).getParameters().encodings;
    expect(encodings[0].maxBitrate).to.equal(300_000);
    await el.leave();
  });

  it('a dynacast change while connected warns once and applies at the next connection', async () => {
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect></lk-room>`);
    await waitFor(() => el.connectionState === 'connected', 'connected');
    const first = el.livekitRoom;
    expect(first.options.dynacast).to.equal(false);
    const warnings = await captureWarnings(async () => {
      el.setAttribute('dynacast', '');
      await el.updateComplete;
      el.setAttribute('video-max-bitrate', '500k');
      await el.updateComplete;
    });
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.contain('dynacast').and.contain('next connection');
    expect(el.livekitRoom === first, 'el.livekitRoom === first').to.equal(true);
    expect(first.options.dynacast).to.equal(false);
    await el.leave();
    await el.join();
    expect(el.livekitRoom !== first, 'el.livekitRoom !== first').to.equal(true);
    expect(el.livekitRoom.options.dynacast).to.equal(true);
    expect(el.livekitRoom.options.publishDefaults!.videoEncoding!.maxBitrate).to.equal(500_000);
    await el.leave();
  });
});
