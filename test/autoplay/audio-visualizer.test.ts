// Runs in a browser started WITHOUT `--autoplay-policy=no-user-gesture-required` (the `autoplay`
// group), in a page that captures nothing: a viewer's <lk-audio-visualizer> before and after the
// first user gesture. (audio-visualizer-capture.test.ts: a page that captures the microphone.)
import { expect, fixture, html } from '@open-wc/testing';
import { LocalAudioTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkAudioVisualizer } from '../../src/index.js';
import { realClick, waitFor } from '../helpers.js';

describe('autoplay: lk-audio-visualizer before a gesture', () => {
  it('its AudioContext waits suspended with the bars at rest; a click on the page resumes it', async () => {
    // A generated tone, made before any gesture: its own context waits suspended too.
    const source = new AudioContext();
    expect(source.state).to.equal('suspended');
    const oscillator = source.createOscillator();
    const destination = source.createMediaStreamDestination();
    oscillator.connect(destination);
    oscillator.start();
    const track = new LocalAudioTrack(destination.stream.getAudioTracks()[0], undefined, true);

    const contexts: AudioContext[] = [];
    const Original = window.AudioContext;
    window.AudioContext = class extends Original {
      constructor(options?: AudioContextOptions) {
        super(options);
        contexts.push(this);
      }
    };
    try {
      const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer .track=${track}></lk-audio-visualizer>`);
      await waitFor(() => contexts.length === 1, 'the visualizer made its AudioContext');
      expect(contexts[0].state).to.equal('suspended');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(el.levels.every((level) => level === 0)).to.equal(true);

      // A real click anywhere on the page: livekit-client's helper resumes the analyser's context.
      await realClick(el);
      await waitFor(() => contexts[0].state === 'running', 'the visualizer\'s AudioContext resumed by the click');
      await source.resume();
      await waitFor(() => el.levels.some((level) => level > 0.3), 'the bars follow the tone');
    } finally {
      window.AudioContext = Original;
      track.stop();
      await source.close();
    }
  });
});
