// <lk-audio-visualizer> over remote microphones: two backend participants (tools/publisher) that
// speak in turn, the speaker sending a tone and the other encoded silence, seen by a page that
// subscribes to both and publishes its own (fake) microphone.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkAudioVisualizer, LkRoom } from '../../src/index.js';
import { uniqueRoom, waitFor } from '../helpers.js';
import { Backend, stopAllBackends } from './backend.js';

/** A bar this high is sound; below `QUIET` the visualizer counts as at rest. */
const LOUD = 0.3;
const QUIET = 0.05;

const loudest = (el: LkAudioVisualizer) => Math.max(...el.levels);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The viewer: a room with a visualizer for each backend participant and one for itself. */
async function viewer(room: string, identities: string[]): Promise<{ el: LkRoom; visualizers: LkAudioVisualizer[]; local: LkAudioVisualizer }> {
  const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer" audio connect>
    ${identities.map((identity) => html`<lk-audio-visualizer participant=${identity}></lk-audio-visualizer>`)}
    <lk-audio-visualizer participant="local"></lk-audio-visualizer>
  </lk-room>`);
  const all = [...el.querySelectorAll('lk-audio-visualizer')];
  return { el, visualizers: all.slice(0, identities.length), local: all[identities.length] };
}

describe('lk-audio-visualizer with backend participants', function () {
  this.timeout(180_000);

  afterEach(async () => {
    await stopAllBackends();
  });

  it('the speaker\'s bars rise and the silent participant\'s stay at rest, following the rotation; remote audio shows once it plays', async () => {
    const room = uniqueRoom('visualizer');
    const backend = await Backend.start({ room, count: 2, video: false, speaking: 'rotate', speakPeriod: '3s' });
    const { el, visualizers, local } = await viewer(room, backend.identities);
    const [a, b] = visualizers;
    await waitFor(() => a.audioTrack && b.audioTrack, 'both backend microphones subscribed', 45_000);

    // The page's own microphone (participant="local", the published LocalAudioTrack).
    await waitFor(() => local.audioTrack, 'the local microphone published', 30_000);
    await waitFor(() => loudest(local) > LOUD, 'the local visualizer follows the fake microphone');

    // Chromium feeds a remote WebRTC track into Web Audio only while a media element plays it:
    // with nothing playing the room's audio, both stay at rest through two speaker turns.
    let before = 0;
    for (const end = performance.now() + 7000; performance.now() < end; await sleep(100)) before = Math.max(before, loudest(a), loudest(b));
    expect(before, 'remote levels before anything plays the audio').to.equal(0);

    el.append(document.createElement('lk-audio-renderer'));
    // Sampled every 100 ms: who is loud alone.
    const turns: string[] = [];
    let loudSamples = 0;
    let aloneSamples = 0;
    await waitFor(
      () => {
        const [levelA, levelB] = [loudest(a), loudest(b)];
        if (levelA > LOUD || levelB > LOUD) loudSamples++;
        const alone = levelA > LOUD && levelB < QUIET ? a : levelB > LOUD && levelA < QUIET ? b : undefined;
        if (alone) {
          aloneSamples++;
          expect(alone.active, 'the loud visualizer is active').to.equal(true);
          const identity = alone.livekitParticipant!.identity;
          if (turns[turns.length - 1] !== identity) turns.push(identity);
        }
        return turns.length >= 4;
      },
      'the loud visualizer changing three times (pub-1, pub-2, pub-1, … in turn)',
      45_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}; turns seen: ${turns.join(' ')}`);
    });
    // Turns alternate between the two: nobody is loud twice in a row with the other between unseen.
    for (let i = 1; i < turns.length; i++) expect(turns[i]).to.not.equal(turns[i - 1]);
    expect(new Set(turns).size).to.equal(2);
    // While one is loud, the other is at rest (but for a sample or two as the turn passes).
    expect(aloneSamples / loudSamples, `${aloneSamples} of ${loudSamples} loud samples with the other at rest`).to.be.greaterThan(0.8);
  });
});
