import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import { captureWarnings, nextEvent, uniqueRoom, waitFor } from '../helpers.js';

/** A publisher of its camera (small) and its fake microphone. */
async function talker(room: string, identity: string): Promise<LkRoom> {
  const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity=${identity}
    video-resolution="h90" video audio connect></lk-room>`);
  await waitFor(() => el.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, `${identity} publishes its microphone`);
  return el;
}

describe('e2e: remote audio', () => {
  it('<lk-audio-renderer> plays each remote microphone, with volume, muted and the room\'s audio-output-device', async () => {
    const room = uniqueRoom();
    const pub = await talker(room, 'talker');
    const outputs = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'audiooutput' && d.deviceId !== 'default');
    expect(outputs.length).to.be.at.least(2);
    const page = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="listener"
      audio-output-device=${outputs[0].deviceId} connect><lk-audio-renderer volume="0.5"></lk-audio-renderer></lk-room>`);
    const renderer = page.querySelector('lk-audio-renderer')!;
    const audio = await waitFor(() => renderer.audioElements[0], 'an audio element');
    const track = renderer.tracks[0];
    expect(track.source).to.equal(Track.Source.Microphone);
    expect(track.attachedElements).to.deep.equal([audio]);
    await waitFor(() => !audio.paused && audio.currentTime > 0, 'playing');
    const time = audio.currentTime;
    await waitFor(() => audio.currentTime > time, 'time advancing');
    expect(audio.volume).to.equal(0.5);
    await waitFor(() => audio.sinkId === outputs[0].deviceId, 'on the room\'s output device');
    renderer.muted = true;
    await renderer.updateComplete;
    expect(audio.volume).to.equal(0);
    renderer.muted = false;
    await renderer.updateComplete;
    expect(audio.volume).to.equal(0.5);
    // A change of the room's output device moves the playing audio.
    page.setAttribute('audio-output-device', outputs[1].deviceId);
    await waitFor(() => audio.sinkId === outputs[1].deviceId, 'on the new output device');
    // A device that does not exist: an lk-error on the room, and the audio stays where it was.
    const failed = nextEvent(page, 'lk-error');
    const warnings = await captureWarnings(async () => {
      page.setAttribute('audio-output-device', 'no-such-device');
      expect((await failed).detail.code).to.equal('device-not-found');
    });
    expect(warnings.join()).to.contain('audio output');
    expect(audio.sinkId).to.equal(outputs[1].deviceId);
    await expect(renderer).to.be.accessible();
    pub.remove();
    await waitFor(() => renderer.audioElements.length === 0 && track.attachedElements.length === 0, 'gone and detached when the talker leaves');
    await page.leave();
  });
});
