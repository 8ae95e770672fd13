// Runs in a browser started WITHOUT `--autoplay-policy=no-user-gesture-required` (the `autoplay`
// group): in a page that captures the microphone, <lk-audio-visualizer> needs no gesture.
import { expect, fixture, html } from '@open-wc/testing';
import { createLocalAudioTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkAudioVisualizer } from '../../src/index.js';
import { waitFor } from '../helpers.js';

describe('autoplay: lk-audio-visualizer in a page that captures', () => {
  it('before capturing a new AudioContext waits suspended; once the page captures, the visualizer\'s runs without a click', async () => {
    const before = new AudioContext();
    expect(before.state).to.equal('suspended');
    await before.close();
    const track = await createLocalAudioTrack();
    try {
      const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer .track=${track}></lk-audio-visualizer>`);
      await waitFor(() => el.levels.some((level) => level > 0.3), 'the bars follow the fake microphone, no gesture made');
      expect(navigator.userActivation.hasBeenActive).to.equal(false);
    } finally {
      track.stop();
    }
  });
});
