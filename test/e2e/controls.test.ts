import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { RoomEvent, Track, TrackEvent, VideoQuality, type LocalTrackPublication, type RemoteVideoTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkCameraToggle, LkMicrophoneToggle, LkRoom, LkScreenShare } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings, fmtpOf, isFirefox, nextEvent, outboundStats, publisherAnswer, realClick, recordRemoteAnswers, uniqueRoom, waitFor } from '../helpers.js';

const button = (el: HTMLElement) => el.shadowRoot!.querySelector('button')!;

async function connectedRoom(markup: ReturnType<typeof html>) {
  const page = await fixture<HTMLDivElement>(markup);
  const room = page.querySelector<LkRoom>('lk-room')!;
  await waitFor(() => room.connectionState === 'connected', 'connected');
  return { page, room };
}

async function publication(room: LkRoom, source: Track.Source): Promise<LocalTrackPublication> {
  return waitFor(() => {
    const pub = room.livekitRoom?.localParticipant.getTrackPublication(source);
    return pub?.track?.sender ? pub : undefined;
  }, `${source} published`);
}

async function subscribe(roomName: string, identity: string, publisher: string, source: Track.Source) {
  const sub = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${roomName} participant-identity=${identity} connect></lk-room>`);
  const pub = await waitFor(() => sub.livekitRoom?.remoteParticipants.get(publisher)?.getTrackPublication(source), `${identity} sees ${source}`);
  return { sub, pub };
}

describe('e2e: camera toggle', () => {
  it('publishes with the room defaults (q h f) when clicked, and a subscriber decodes it', async () => {
    const name = uniqueRoom();
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${name} participant-identity="pub" connect>
      <lk-camera-toggle></lk-camera-toggle></lk-room></div>`);
    const toggle = page.querySelector<LkCameraToggle>('lk-camera-toggle')!;
    await waitFor(() => !button(toggle).disabled, 'enabled once connected');
    expect(toggle.pressed).to.equal(false);
    const toggled = nextEvent(toggle, 'lk-toggle');
    button(toggle).click();
    await toggle.updateComplete;
    // While the capture is in flight: pending, busy, and clicks ignored.
    expect(toggle.pending).to.equal(true);
    expect(toggle.hasAttribute('pending')).to.equal(true);
    expect(button(toggle).getAttribute('aria-busy')).to.equal('true');
    button(toggle).click();
    expect((await toggled).detail).to.deep.equal({ source: Track.Source.Camera, enabled: true });
    expect(toggle.pending).to.equal(false);
    expect(toggle.pressed).to.equal(true);
    expect(toggle.hasAttribute('pressed')).to.equal(true);
    expect(button(toggle).getAttribute('aria-pressed')).to.equal('true');
    const encodings = (await publication(room, Track.Source.Camera)).track!.sender!.getParameters().encodings;
    expect(encodings.map((e) => e.rid)).to.deep.equal(['q', 'h', 'f']);
    expect(encodings.map((e) => e.scaleResolutionDownBy)).to.deep.equal([4, 2, 1]);
    expect(encodings.map((e) => e.maxBitrate)).to.deep.equal([160_000, 450_000, 1_700_000]);

    const { sub, pub } = await subscribe(name, 'sub', 'pub', Track.Source.Camera);
    const track = await waitFor(() => pub.videoTrack as RemoteVideoTrack | undefined, 'subscribed');
    const video = track.attach() as HTMLVideoElement;
    document.body.append(video);
    await waitFor(() => video.videoWidth > 0, 'decoded frames');
    track.detach(video);
    video.remove();
    await Promise.all([room.leave(), sub.leave()]);
  });

  it('turning the camera off mutes it for others and stops the capture; on unmutes', async () => {
    const name = uniqueRoom();
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${name} participant-identity="pub" connect video>
      <lk-camera-toggle></lk-camera-toggle></lk-room></div>`);
    const toggle = page.querySelector<LkCameraToggle>('lk-camera-toggle')!;
    const local = await publication(room, Track.Source.Camera);
    await waitFor(() => toggle.pressed, 'pressed: the camera was turned on by the room, not by a click');
    const { sub, pub } = await subscribe(name, 'sub', 'pub', Track.Source.Camera);
    await waitFor(() => pub.isSubscribed, 'subscribed');
    expect(pub.isMuted).to.equal(false);

    const muted = new Promise<void>((resolve) => sub.livekitRoom.once(RoomEvent.TrackMuted, () => resolve()));
    button(toggle).click();
    await muted;
    expect(pub.isMuted).to.equal(true);
    expect(toggle.pressed).to.equal(false);
    expect(local.isMuted).to.equal(true);
    expect(local.track!.mediaStreamTrack.readyState).to.equal('ended');

    const unmuted = new Promise<void>((resolve) => sub.livekitRoom.once(RoomEvent.TrackUnmuted, () => resolve()));
    button(toggle).click();
    await unmuted;
    expect(pub.isMuted).to.equal(false);
    expect(toggle.pressed).to.equal(true);
    expect(local.track!.mediaStreamTrack.readyState).to.equal('live');
    await Promise.all([room.leave(), sub.leave()]);
  });

  it('simulcast="false" gives one encoding; max-bitrate and max-framerate override the room', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect video-max-bitrate="2M" video-max-framerate="30">
      <lk-camera-toggle simulcast="false" max-bitrate="700k" max-framerate="12"></lk-camera-toggle></lk-room></div>`);
    button(page.querySelector('lk-camera-toggle')!).click();
    const encodings = (await publication(room, Track.Source.Camera)).track!.sender!.getParameters().encodings;
    expect(encodings).to.have.length(1);
    expect(encodings[0]).to.include({ maxBitrate: 700_000, maxFramerate: 12 });
    await room.leave();
  });

  it('custom simulcast-layers give exactly those layers', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
      <lk-camera-toggle resolution="h720" simulcast-layers="320x180@10:120k, 640x360@15:300k"></lk-camera-toggle></lk-room></div>`);
    button(page.querySelector('lk-camera-toggle')!).click();
    const encodings = (await publication(room, Track.Source.Camera)).track!.sender!.getParameters().encodings;
    expect(encodings.map((e) => [e.rid, e.scaleResolutionDownBy, e.maxBitrate, e.maxFramerate])).to.deep.equal([
      ['q', 4, 120_000, 10],
      ['h', 2, 300_000, 15],
      ['f', 1, 1_700_000, 30],
    ]);
    await room.leave();
  });

  it('codec="h264" negotiates H264', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
      <lk-camera-toggle codec="h264" resolution="h360"></lk-camera-toggle></lk-room></div>`);
    let sender!: RTCRtpSender;
    const warnings = await captureWarnings(async () => {
      button(page.querySelector('lk-camera-toggle')!).click();
      sender = (await publication(room, Track.Source.Camera)).track!.sender!;
    });
    const stats = await waitFor(async () => {
      const s = await outboundStats(sender);
      return s.mimeType ? s : undefined;
    }, 'codec stats');
    // Debian's Firefox encodes H264 only with the OpenH264 plugin, which it downloads at run time
    // (never, on a closed network): without H264 among its sender codecs the codec preference
    // matches nothing and the default, VP8, is negotiated.
    const h264 = RTCRtpSender.getCapabilities('video')?.codecs.some((c) => c.mimeType === 'video/H264');
    expect(stats.mimeType).to.equal(isFirefox && !h264 ? 'video/VP8' : 'video/H264');
    // Where the browser cannot send the codec, the toggle says so.
    expect(warnings.filter((w) => w.includes('cannot send H264'))).to.have.length(isFirefox && !h264 ? 1 : 0);
    await room.leave();
  });

  it('follows the SDK when code turns the camera on, without firing lk-toggle', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
      <lk-camera-toggle></lk-camera-toggle></lk-room></div>`);
    const toggle = page.querySelector<LkCameraToggle>('lk-camera-toggle')!;
    let toggles = 0;
    toggle.addEventListener('lk-toggle', () => toggles++);
    await room.livekitRoom.localParticipant.setCameraEnabled(true);
    await waitFor(() => toggle.pressed, 'pressed after code turned it on');
    await room.livekitRoom.localParticipant.setCameraEnabled(false);
    await waitFor(() => !toggle.pressed, 'unpressed after code turned it off');
    expect(toggles).to.equal(0);
    await room.leave();
  });

  for (const tag of ['lk-camera-toggle', 'lk-microphone-toggle', 'lk-screenshare'] as const) {
    it(`<${tag}>: Space and Enter toggle it from the keyboard`, async () => {
      const page = await fixture<HTMLDivElement>(`<div><lk-room token-endpoint="/api/token" room-name="${uniqueRoom()}" connect><${tag}></${tag}></lk-room></div>`);
      const room = page.querySelector<LkRoom>('lk-room')!;
      const toggle = page.querySelector<LkCameraToggle>(tag)!;
      await waitFor(() => !button(toggle).disabled, 'enabled');
      toggle.focus();
      // ' ', the key Space types: puppeteer's WebDriver BiDi keyboard (Firefox) has no key named 'Space'.
      await sendKeys({ press: ' ' });
      await waitFor(() => toggle.pressed && !toggle.pending, 'on after Space');
      await sendKeys({ press: 'Enter' });
      await waitFor(() => !toggle.pressed && !toggle.pending, 'off after Enter');
      await expect(toggle).to.be.accessible();
      await room.leave();
    });
  }

  it('is disabled when the token may not publish the camera', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token?can_publish=microphone" room-name=${uniqueRoom()} connect>
      <lk-camera-toggle></lk-camera-toggle><lk-microphone-toggle></lk-microphone-toggle></lk-room></div>`);
    const mic = page.querySelector<LkMicrophoneToggle>('lk-microphone-toggle')!;
    await waitFor(() => !button(mic).disabled, 'microphone enabled');
    expect(button(page.querySelector('lk-camera-toggle')!).disabled).to.equal(true);
    await room.leave();
  });

  it('an invalid override gives lk-error invalid-attribute and the control still works', async () => {
    const errors: LkErrorDetail[] = [];
    let room!: LkRoom;
    let toggle!: LkCameraToggle;
    await captureWarnings(async () => {
      const page = await fixture<HTMLDivElement>(html`<div @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}>
        <lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect><lk-camera-toggle max-bitrate="fast" resolution="h360"></lk-camera-toggle></lk-room></div>`);
      room = page.querySelector<LkRoom>('lk-room')!;
      toggle = page.querySelector<LkCameraToggle>('lk-camera-toggle')!;
      await waitFor(() => !button(toggle).disabled, 'enabled');
    });
    expect(errors).to.have.length(1);
    expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'max-bitrate', value: 'fast' });
    button(toggle).click();
    const encodings = (await publication(room, Track.Source.Camera)).track!.sender!.getParameters().encodings;
    // The SDK default for a 640×360 capture: two layers, the top one at h360's 450 kbps.
    expect(encodings.at(-1)!.maxBitrate).to.equal(450_000);
    await room.leave();
  });
});

describe('e2e: dynacast', () => {
  async function setup(dynacast: boolean) {
    const name = uniqueRoom();
    const pubRoom = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${name} participant-identity="pub" connect video dynacast=${dynacast ? 'on' : 'off'}></lk-room>`);
    const sender = (await publication(pubRoom, Track.Source.Camera)).track!.sender!;
    const publishedAt = performance.now();
    const { sub, pub } = await subscribe(name, 'sub', 'pub', Track.Source.Camera);
    await waitFor(() => pub.isSubscribed, 'subscribed');
    return { pubRoom, sender, sub, pub, publishedAt };
  }
  const active = (sender: RTCRtpSender) => sender.getParameters().encodings.map((e) => e.active);
  async function bytes(sender: RTCRtpSender, rid: string) {
    return (await outboundStats(sender)).byRid.get(rid)?.bytesSent ?? 0;
  }

  it('pauses the layers nobody watches and resumes them when asked for', async () => {
    const { pubRoom, sender, sub, pub } = await setup(true);
    pub.setVideoQuality(VideoQuality.LOW);
    await waitFor(() => {
      const [q, h, f] = active(sender);
      return q && !h && !f;
    }, 'h and f paused', 30_000);
    // Packets already queued may still leave; then the paused layers send nothing more.
    let last = -1;
    await waitFor(async () => {
      const now = await bytes(sender, 'f');
      const stopped = now === last;
      last = now;
      await new Promise((r) => setTimeout(r, 500));
      return stopped;
    }, 'f stopped sending');
    const [q0, h0, f0] = [await bytes(sender, 'q'), await bytes(sender, 'h'), await bytes(sender, 'f')];
    await new Promise((r) => setTimeout(r, 2000));
    expect(await bytes(sender, 'f')).to.equal(f0);
    expect(await bytes(sender, 'h')).to.equal(h0);
    expect(await bytes(sender, 'q')).to.be.greaterThan(q0);

    pub.setVideoQuality(VideoQuality.HIGH);
    await waitFor(() => active(sender).every(Boolean), 'all layers active again', 30_000);
    const resumed = await bytes(sender, 'f');
    await waitFor(async () => (await bytes(sender, 'f')) > resumed, 'f sending again');
    await Promise.all([pubRoom.leave(), sub.leave()]);
  });

  it('keeps every layer active without dynacast', async () => {
    const { pubRoom, sender, sub, pub, publishedAt } = await setup(false);
    pub.setVideoQuality(VideoQuality.LOW);
    // The server sends its first quality update within 10 s of the publish: watch past that.
    while (performance.now() - publishedAt < 12_000) {
      expect(active(sender)).to.deep.equal([true, true, true]);
      await new Promise((r) => setTimeout(r, 500));
    }
    const before = await bytes(sender, 'f');
    await waitFor(async () => (await bytes(sender, 'f')) > before, 'f still sending');
    await Promise.all([pubRoom.leave(), sub.leave()]);
  });
});

describe('e2e: microphone toggle', () => {
  it('audio-preset sets the sender bitrate; dtx and red are on by default', async () => {
    // The server writes usedtx=1 into its answer to the offer that adds the microphone; an answer to
    // a later renegotiation was seen without it (the server then found no track for the section),
    // so every answer the page applies is kept.
    const recorded = recordRemoteAnswers();
    try {
      const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
        <lk-microphone-toggle audio-preset="speech"></lk-microphone-toggle></lk-room></div>`);
      button(page.querySelector('lk-microphone-toggle')!).click();
      const pub = await publication(room, Track.Source.Microphone);
      expect(pub.track!.sender!.getParameters().encodings[0].maxBitrate).to.equal(24_000);
      // What the server recorded for the track, and the negotiated Opus parameters.
      expect(pub.trackInfo).to.include({ disableDtx: false, disableRed: false });
      // The renegotiation that adds the microphone can take a while when the machine is busy.
      await waitFor(() => {
        if (recorded.answers.some((sdp) => fmtpOf(sdp, 'opus').includes('usedtx=1'))) return true;
        throw new Error(`the answers' opus fmtp: ${recorded.answers.map((sdp) => `"${fmtpOf(sdp, 'opus')}"`).join(', ') || 'no answer yet'}`);
      }, 'usedtx=1 negotiated', 45_000);
      if (isFirefox) {
        // Firefox has no Opus RED (no audio/red among its sender codecs): it offers none, the answer has none.
        expect(RTCRtpSender.getCapabilities('audio')!.codecs.some((c) => c.mimeType === 'audio/red')).to.equal(false);
        expect(publisherAnswer(room.livekitRoom)).not.to.match(/a=rtpmap:\d+ red\/48000/);
      } else {
        expect(publisherAnswer(room.livekitRoom)).to.match(/a=rtpmap:\d+ red\/48000/);
      }
      await room.leave();
    } finally {
      recorded.stop();
    }
  });

  it('dtx="false" and red="false" turn both off; max-bitrate wins over the preset', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect>
      <lk-microphone-toggle audio-preset="musicHighQuality" max-bitrate="40k" dtx="false" red="false"></lk-microphone-toggle></lk-room></div>`);
    button(page.querySelector('lk-microphone-toggle')!).click();
    const sender = (await publication(room, Track.Source.Microphone)).track!.sender!;
    expect(sender.getParameters().encodings[0].maxBitrate).to.equal(40_000);
    const pub = room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)!;
    expect(pub.trackInfo).to.include({ disableDtx: true, disableRed: true });
    const opus = fmtpOf(publisherAnswer(room.livekitRoom), 'opus');
    // The parameters are there (Firefox's offer has no minptime, but the bitrate cap shows).
    expect(opus).to.contain(isFirefox ? 'maxaveragebitrate=40000' : 'minptime');
    expect(opus).not.to.contain('usedtx=1');
    await room.leave();
  });

  it('turning it off mutes it, and stop-mic-on-mute also ends the capture', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect audio stop-mic-on-mute>
      <lk-microphone-toggle></lk-microphone-toggle></lk-room></div>`);
    const toggle = page.querySelector<LkMicrophoneToggle>('lk-microphone-toggle')!;
    const local = await publication(room, Track.Source.Microphone);
    await waitFor(() => toggle.pressed, 'pressed');
    button(toggle).click();
    await waitFor(() => !toggle.pressed && !toggle.pending, 'off');
    expect(local.isMuted).to.equal(true);
    expect(local.track!.mediaStreamTrack.readyState).to.equal('ended');
    await room.leave();
  });
});

describe('e2e: screen share', () => {
  it('publishes the screen with the room encoding; the browser ending the capture un-presses and unpublishes', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect screenshare-max-bitrate="900k" screenshare-max-framerate="5">
      <lk-screenshare></lk-screenshare></lk-room></div>`);
    const toggle = page.querySelector<LkScreenShare>('lk-screenshare')!;
    await waitFor(() => !button(toggle).disabled, 'enabled');
    const toggled = nextEvent(toggle, 'lk-toggle');
    await realClick(toggle);
    expect((await toggled).detail).to.deep.equal({ source: Track.Source.ScreenShare, enabled: true });
    const pub = await publication(room, Track.Source.ScreenShare);
    expect(pub.source).to.equal(Track.Source.ScreenShare);
    const top = pub.track!.sender!.getParameters().encodings.at(-1)!;
    expect(top).to.include({ maxBitrate: 900_000, maxFramerate: 5 });
    expect(toggle.pressed).to.equal(true);

    let toggles = 0;
    toggle.addEventListener('lk-toggle', () => toggles++);
    // What the browser's own "Stop sharing" button does: the capture track ends.
    pub.track!.mediaStreamTrack.stop();
    if (isFirefox) {
      // Firefox calls no listener for an 'ended' event a script dispatches on a track, and nothing
      // here can press its sharing indicator: livekit-client's own signal that the track ended.
      pub.track!.emit(TrackEvent.Ended, pub.track!);
    } else {
      pub.track!.mediaStreamTrack.dispatchEvent(new Event('ended'));
    }
    await waitFor(() => !toggle.pressed, 'un-pressed');
    await waitFor(() => !room.livekitRoom.localParticipant.getTrackPublication(Track.Source.ScreenShare), 'unpublished');
    expect(toggles).to.equal(0);
    await room.leave();
  });

  it('audio on the element publishes the shared audio too', async () => {
    const name = uniqueRoom();
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${name} participant-identity="pub" connect>
      <lk-screenshare audio></lk-screenshare></lk-room></div>`);
    const toggle = page.querySelector<LkScreenShare>('lk-screenshare')!;
    await waitFor(() => !button(toggle).disabled, 'enabled');
    await realClick(toggle);
    await publication(room, Track.Source.ScreenShare);
    if (isFirefox) {
      // Firefox's getDisplayMedia captures no audio: the share is on with the screen alone.
      await waitFor(() => toggle.pressed && !toggle.pending, 'on');
      expect(room.livekitRoom.localParticipant.getTrackPublication(Track.Source.ScreenShareAudio)).to.equal(undefined);
      await realClick(toggle);
      await waitFor(() => !room.livekitRoom.localParticipant.getTrackPublication(Track.Source.ScreenShare), 'unpublished');
      await room.leave();
      return;
    }
    const audio = await publication(room, Track.Source.ScreenShareAudio);
    expect(audio.kind).to.equal(Track.Kind.Audio);
    const { sub, pub } = await subscribe(name, 'sub', 'pub', Track.Source.ScreenShareAudio);
    await waitFor(() => pub.isSubscribed, 'the subscriber receives the shared audio');
    // Turning the share off takes both away.
    await realClick(toggle);
    await waitFor(() => !room.livekitRoom.localParticipant.getTrackPublication(Track.Source.ScreenShareAudio), 'audio unpublished');
    expect(room.livekitRoom.localParticipant.getTrackPublication(Track.Source.ScreenShare)).to.equal(undefined);
    await Promise.all([room.leave(), sub.leave()]);
  });

  it('overrides on the element win: max-bitrate, max-framerate, resolution preset', async () => {
    const { page, room } = await connectedRoom(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} connect screenshare-max-bitrate="900k">
      <lk-screenshare max-bitrate="1.5M" max-framerate="10" resolution="h720fps15" content-hint="text"></lk-screenshare></lk-room></div>`);
    await realClick(page.querySelector('lk-screenshare')!);
    const pub = await publication(room, Track.Source.ScreenShare);
    expect(pub.track!.sender!.getParameters().encodings.at(-1)).to.include({ maxBitrate: 1_500_000, maxFramerate: 10 });
    expect(pub.track!.mediaStreamTrack.contentHint).to.equal('text');
    const settings = pub.track!.mediaStreamTrack.getSettings();
    expect(settings.width).to.be.at.most(1280);
    await room.leave();
  });
});
