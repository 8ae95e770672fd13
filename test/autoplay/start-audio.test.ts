// Runs in a browser started WITHOUT `--autoplay-policy=no-user-gesture-required` (the `autoplay`
// group): audio may play only after a user gesture, as on a real page.
import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import { realClick, uniqueRoom, waitFor } from '../helpers.js';

/**
 * A publisher of a generated tone. Not the fake microphone: while a page captures from
 * `getUserMedia`, Chromium lets it play audio without a gesture, and nothing would be blocked.
 */
async function tonePublisher(room: string): Promise<{ el: LkRoom; context: AudioContext }> {
  const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="tone" connect></lk-room>`);
  await waitFor(() => el.connectionState === 'connected', 'the publisher connected');
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const destination = context.createMediaStreamDestination();
  oscillator.connect(destination);
  oscillator.start();
  await el.livekitRoom.localParticipant.publishTrack(destination.stream.getAudioTracks()[0], { source: Track.Source.Microphone });
  return { el, context };
}

describe('autoplay: lk-start-audio', () => {
  it('shows while the browser blocks playback, and a real click starts the audio and hides it', async () => {
    const room = uniqueRoom();
    const { el: pub, context } = await tonePublisher(room);
    const page = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="listener" connect>
      <lk-start-audio></lk-start-audio>
      <lk-audio-renderer></lk-audio-renderer>
    </lk-room>`);
    const start = page.querySelector('lk-start-audio')!;
    const renderer = page.querySelector('lk-audio-renderer')!;
    const audio = await waitFor(() => renderer.audioElements[0], 'the tone attached');
    await waitFor(() => start.blocked, 'lk-start-audio shown', 10_000);
    expect(page.livekitRoom.canPlaybackAudio).to.equal(false);
    expect(getComputedStyle(start).display).to.not.equal('none');
    expect(audio.paused).to.equal(true);
    const button = start.shadowRoot!.querySelector('button')!;
    expect(button.textContent).to.equal('Start audio');
    await expect(start).to.be.accessible();

    // A real mouse click through the browser (sendMouse): a user gesture, unlike el.click().
    await realClick(button);
    await waitFor(() => !start.blocked && page.livekitRoom.canPlaybackAudio, 'playback allowed after the click');
    expect(getComputedStyle(start).display).to.equal('none');
    await waitFor(() => !audio.paused && audio.currentTime > 0, 'the tone playing');
    const time = audio.currentTime;
    await waitFor(() => audio.currentTime > time, 'time advancing');
    await expect(start).to.be.accessible();
    await context.close();
    await Promise.all([pub.leave(), page.leave()]);
  });
});
