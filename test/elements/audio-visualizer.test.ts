// <lk-audio-visualizer> over a local microphone from Chromium's fake device, no server: the bars
// follow the sound, `bars` is checked, reduced motion calms them, and what it set up it closes.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import { createLocalAudioTrack, type LocalAudioTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkAudioVisualizer } from '../../src/index.js';
import { BARS_ACCEPTED, REDUCED_MOTION_INTERVAL_MS } from '../../src/core/audio-visualizer.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings, waitFor } from '../helpers.js';

/** Every `AudioContext` the page makes from now on, until `restore()`. */
function recordAudioContexts(): { contexts: AudioContext[]; restore: () => void } {
  const contexts: AudioContext[] = [];
  const Original = window.AudioContext;
  window.AudioContext = class extends Original {
    constructor(options?: AudioContextOptions) {
      super(options);
      contexts.push(this);
    }
  };
  return { contexts, restore: () => (window.AudioContext = Original) };
}

/** How many animation frames the page asks for while `fn` runs. */
async function framesAskedDuring(fn: () => Promise<unknown>): Promise<number> {
  const original = window.requestAnimationFrame.bind(window);
  let asked = 0;
  window.requestAnimationFrame = (callback) => {
    asked++;
    return original(callback);
  };
  try {
    await fn();
  } finally {
    window.requestAnimationFrame = original;
  }
  return asked;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function barsOf(el: LkAudioVisualizer): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part="bar"]')];
}

/** The bars' levels as the page shows them: each bar's height over the host's. */
function shownHeights(el: LkAudioVisualizer): number[] {
  const height = el.getBoundingClientRect().height;
  return barsOf(el).map((bar) => bar.getBoundingClientRect().height / height);
}

describe('lk-audio-visualizer (no server)', function () {
  this.timeout(60_000);
  let track: LocalAudioTrack | undefined;

  afterEach(async () => {
    track?.stop();
    track = undefined;
    await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('without audio: five bars at rest, hidden from assistive technology', async () => {
    const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer></lk-audio-visualizer>`);
    expect(barsOf(el)).to.have.length(5);
    expect(el.levels).to.deep.equal([0, 0, 0, 0, 0]);
    expect(el.audioTrack).to.equal(undefined);
    expect(el.active).to.equal(false);
    expect(el.shadowRoot!.querySelector('[part="bars"]')!.getAttribute('aria-hidden')).to.equal('true');
    // At rest a bar keeps its least height (0.375em of 2em).
    for (const height of shownHeights(el)) expect(height).to.be.closeTo(0.375 / 2, 0.02);
    await expect(el).to.be.accessible();
  });

  it('with a local microphone the bars rise above rest and `active` is reflected', async () => {
    track = await createLocalAudioTrack();
    const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer .track=${track}></lk-audio-visualizer>`);
    expect(el.audioTrack === track, 'audioTrack is the track given').to.equal(true);
    await waitFor(() => el.levels.some((level) => level > 0.3), 'a bar above 0.3');
    await waitFor(() => el.hasAttribute('active'), 'active reflected');
    await waitFor(() => Math.max(...shownHeights(el)) > 0.3, 'a bar drawn taller than its rest height');
    await expect(el).to.be.accessible();
  });

  it('bars="n" draws n bars; a value that is not a whole number from 1 to 32 is reported and gives 5', async () => {
    const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer bars="12"></lk-audio-visualizer>`);
    expect(barsOf(el)).to.have.length(12);
    for (const value of ['0', '33', '2.5', 'many', '']) {
      const errors: LkErrorDetail[] = [];
      const listener = (e: Event) => errors.push((e as CustomEvent<LkErrorDetail>).detail);
      el.addEventListener('lk-error', listener);
      const warnings = await captureWarnings(async () => {
        el.setAttribute('bars', value);
        await el.updateComplete;
      });
      el.removeEventListener('lk-error', listener);
      expect(errors, `bars="${value}"`).to.have.length(1);
      expect(errors[0]).to.include({ code: 'invalid-attribute', attribute: 'bars', value, accepted: BARS_ACCEPTED });
      expect(warnings[0]).to.contain(`bars="${value}"`);
      expect(barsOf(el)).to.have.length(5);
    }
    el.setAttribute('bars', '32');
    await el.updateComplete;
    expect(barsOf(el)).to.have.length(32);
    el.removeAttribute('bars');
    await el.updateComplete;
    expect(barsOf(el)).to.have.length(5);
    el.bars = 1;
    await el.updateComplete;
    expect(barsOf(el)).to.have.length(1);
  });

  it('the bars show a spectrum; with prefers-reduced-motion they show one level, at most four times a second, without transitions', async () => {
    track = await createLocalAudioTrack();
    const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer bars="8" .track=${track}></lk-audio-visualizer>`);
    await waitFor(() => new Set(el.levels).size > 1, 'bars at different levels (a spectrum)');
    expect(getComputedStyle(barsOf(el)[0]).transitionDuration).to.not.equal('0s');

    await emulateMedia({ reducedMotion: 'reduce' });
    await waitFor(() => new Set(el.levels).size === 1, 'every bar at one level');
    expect(getComputedStyle(barsOf(el)[0]).transitionDuration).to.equal('0s');
    // Every change of the bars over two seconds: all at one level each time, and few of them.
    const changes: number[][] = [];
    const observer = new MutationObserver(() => changes.push(el.levels));
    observer.observe(el.shadowRoot!, { attributes: true, attributeFilter: ['style'], subtree: true });
    const span = 2000;
    await sleep(span);
    observer.disconnect();
    const seen = changes.map((levels) => new Set(levels).size);
    expect(seen.every((size) => size === 1), `levels seen: ${JSON.stringify(changes)}`).to.equal(true);
    // Each update changes up to 8 bars at once (one mutation record batch each): count the updates.
    const updates = new Set(changes.map((levels) => levels.join())).size;
    expect(updates).to.be.at.most(span / REDUCED_MOTION_INTERVAL_MS + 1);
    await waitFor(() => el.levels[0] > 0.3, 'the one level still follows the sound');
  });

  it('removing the element closes its AudioContext and asks for no more frames; hiding, muting and restarting the track close it too', async () => {
    track = await createLocalAudioTrack();
    // From here on (livekit-client's own silence check on a new track has made its context).
    const recorder = recordAudioContexts();
    try {
      const el = await fixture<LkAudioVisualizer>(html`<lk-audio-visualizer .track=${track}></lk-audio-visualizer>`);
      await waitFor(() => el.levels.some((level) => level > 0.3), 'a bar above 0.3');
      expect(recorder.contexts).to.have.length(1);
      const [first] = recorder.contexts;
      expect(first.state).to.equal('running');
      expect(await framesAskedDuring(() => sleep(300))).to.be.greaterThan(0);

      // Hidden: the context is closed and the bars rest.
      el.hidden = true;
      await waitFor(() => first.state === 'closed', 'the AudioContext closed while hidden');
      expect(el.levels.every((level) => level === 0)).to.equal(true);
      expect(el.active).to.equal(false);
      el.hidden = false;
      await waitFor(() => recorder.contexts.length === 2 && el.levels.some((level) => level > 0.3), 'shown again: a new context, bars moving');

      // Muted: the same.
      await track.mute();
      await waitFor(() => recorder.contexts[1].state === 'closed', 'the AudioContext closed while muted');
      expect(el.levels.every((level) => level === 0)).to.equal(true);
      await track.unmute();
      await waitFor(() => recorder.contexts.length === 3 && el.levels.some((level) => level > 0.3), 'unmuted: a new context, bars moving');

      // Restarted on another capture (a device switch): the old context closed, the new track shown.
      const oldSource = track.mediaStreamTrack;
      const made = recorder.contexts.length;
      await track.restartTrack();
      expect(track.mediaStreamTrack !== oldSource, 'a new MediaStreamTrack').to.equal(true);
      await waitFor(() => recorder.contexts[2].state === 'closed', 'the old capture\'s AudioContext closed');
      await waitFor(() => recorder.contexts.length > made && el.levels.some((level) => level > 0.3), 'the new capture moves the bars');

      el.remove();
      await waitFor(() => recorder.contexts.every((context) => context.state === 'closed'), 'every AudioContext closed after removal');
      expect(await framesAskedDuring(() => sleep(500))).to.equal(0);
      expect(el.levels.every((level) => level === 0)).to.equal(true);
    } finally {
      recorder.restore();
    }
  });
});
