/**
 * Camera background effects against the real server (Chromium's WebGL2 on SwiftShader): the effect that cannot run leaves the camera
 * publishing plain video, which a second room decodes, and is reported once as
 * `effect-unsupported`; invalid values are refused; a page without an effect never loads
 * @livekit/track-processors.
 *
 * With the assets the build writes to dist/effects/ (MediaPipe's wasm and the selfie segmentation
 * model), a blur runs for real: a second room decodes published frames whose edge energy is lower
 * than without it, and `none` restores it.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { Track, type LocalVideoTrack, type RemoteVideoTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkCameraToggle, LkPrejoin, LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { uniqueRoom, waitFor } from '../helpers.js';

/** MediaPipe's wasm runtime as @mediapipe/tasks-vision ships it; no model beside it. */
const WASM = '/node_modules/@mediapipe/tasks-vision/wasm/';

/** Every resource the page fetches from here on (the runner's own fill the default timing buffer). */
const fetched = new Set<string>();
new PerformanceObserver((list) => list.getEntries().forEach((entry) => fetched.add(entry.name))).observe({ type: 'resource', buffered: true });
const loaded = (name: string) => [...fetched].some((url) => url.includes(name));

function camera(el: LkRoom): LocalVideoTrack | undefined {
  return el.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera)?.track as LocalVideoTrack | undefined;
}

/** The assets `vite build --mode bundle` writes: MediaPipe's wasm and the selfie segmentation model. */
const ASSETS = '/dist/effects/';

/**
 * Edge energy of what `video` shows: the mean absolute difference of horizontally neighbouring
 * pixels' luma, averaged over `frames` frames 150 ms apart. Chromium's fake camera draws a moving
 * pattern with sharp edges and no person, so all of it is background to the segmenter.
 */
async function edgeEnergy(video: HTMLVideoElement, frames = 6): Promise<number> {
  const canvas = document.createElement('canvas');
  canvas.width = 320;
  canvas.height = 180;
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  let total = 0;
  for (let i = 0; i < frames; i++) {
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let sum = 0;
    for (let y = 0; y < canvas.height; y++) {
      for (let x = 0; x < canvas.width - 1; x++) {
        const a = (y * canvas.width + x) * 4;
        const luma = (o: number) => 0.299 * data[o] + 0.587 * data[o + 1] + 0.114 * data[o + 2];
        sum += Math.abs(luma(a + 4) - luma(a));
      }
    }
    total += sum / (canvas.height * (canvas.width - 1));
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
  return total / frames;
}

/** A second participant decodes `identity`'s camera: frames arrive. */
async function decoded(room: string, identity: string): Promise<LkRoom> {
  const subscriber = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity=${`${identity}-viewer`} connect></lk-room>`);
  const remote = await waitFor(
    () => subscriber.livekitRoom?.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Camera)?.videoTrack as RemoteVideoTrack | undefined,
    'subscribed to the camera',
  );
  const video = remote.attach() as HTMLVideoElement;
  video.muted = true;
  document.body.append(video);
  await waitFor(() => video.videoWidth > 0 && video.currentTime > 0, 'decoded frames');
  remote.detach(video);
  video.remove();
  return subscriber;
}

describe('e2e: camera background effects', () => {
  it('a page without an effect publishes its camera without loading @livekit/track-processors', async () => {
    const room = uniqueRoom();
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="plain" connect video></lk-room>`);
    const track = await waitFor(() => camera(el)?.sender, 'camera published');
    expect(track.track === camera(el)!.mediaStreamTrack).to.equal(true);
    expect(loaded('track-processors')).to.equal(false);
    expect(loaded('tasks-vision')).to.equal(false);
    await el.leave();
  });

  it('blur runs on the published camera: a second room decodes frames with lower edge energy, and none restores them', async () => {
    const room = uniqueRoom();
    const errors: LkErrorDetail[] = [];
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="blurred" connect video simulcast="false"
      background-assets=${ASSETS} @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-room>`);
    await waitFor(() => camera(el)?.sender, 'camera published');
    const subscriber = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="viewer" connect></lk-room>`);
    const remote = await waitFor(
      () => subscriber.livekitRoom?.remoteParticipants.get('blurred')?.getTrackPublication(Track.Source.Camera)?.videoTrack as RemoteVideoTrack | undefined,
      'subscribed to the camera',
    );
    const video = remote.attach() as HTMLVideoElement;
    video.muted = true;
    video.style.width = '640px';
    video.style.height = '360px';
    document.body.append(video);
    try {
      await waitFor(() => video.videoWidth > 0 && video.currentTime > 0, 'decoded frames');
      await new Promise((resolve) => setTimeout(resolve, 3000)); // past the first frames' ramp
      const plain = await edgeEnergy(video);

      el.setAttribute('background', 'blur:20');
      await el.updateComplete;
      const processor = await waitFor(() => camera(el)?.getProcessor(), 'the processor on the camera', 30_000);
      expect(processor.name).to.equal('background-processor');
      // The sender now sends the processed track, not the camera's.
      await waitFor(() => camera(el)!.sender!.track === processor.processedTrack, 'the processed track sent');
      // The receiving side settles over a few seconds (a key frame, the encoder's ramp on a busy
      // machine): measured until the direction shows, within a bound.
      const blurred = await waitFor(async () => {
        const energy = await edgeEnergy(video);
        return energy < plain * 0.8 ? energy : undefined;
      }, `edge energy under 0.8 × ${plain.toFixed(2)} (plain) once blurred`, 30_000);

      el.setAttribute('background', 'none');
      await el.updateComplete;
      await waitFor(() => camera(el)!.getProcessor() === undefined, 'the processor stopped');
      await waitFor(() => camera(el)!.sender!.track === camera(el)!.mediaStreamTrack, 'the camera track sent again');
      await waitFor(async () => (await edgeEnergy(video)) > blurred / 0.8, `edge energy over ${blurred.toFixed(2)} / 0.8 (blurred) once restored`, 30_000);
      expect(errors.length).to.equal(0);
    } finally {
      remote.detach(video);
      video.remove();
      await Promise.all([el.leave(), subscriber.leave()]);
    }
  });

  it('an effect whose model does not load: reported once as effect-unsupported, the camera publishes plain video that a second room decodes', async () => {
    const room = uniqueRoom();
    const errors: LkErrorDetail[] = [];
    const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="nomodel" connect video
      background="blur" background-assets=${WASM} @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-room>`);
    await waitFor(() => errors.length > 0, 'effect-unsupported');
    expect(errors.map((e) => e.code)).to.deep.equal(['effect-unsupported']);
    await waitFor(() => loaded('selfie_segmenter.tflite'), 'the model fetched');
    expect(errors[0].message).to.contain('could not start');
    expect(errors[0].message).to.contain('selfie_segmenter.tflite');
    // The library and the real wasm runtime were fetched: the failure is the model's.
    expect(loaded('track-processors')).to.equal(true);
    expect(loaded('vision_wasm_internal')).to.equal(true);
    expect(loaded('selfie_segmenter.tflite')).to.equal(true);
    const track = camera(el)!;
    expect(track.getProcessor()).to.equal(undefined);
    expect(track.sender!.track === track.mediaStreamTrack).to.equal(true);
    const viewer = await decoded(room, 'nomodel');

    // The same failure again (camera off and on, another radius): not reported again.
    el.video = false;
    await el.updateComplete;
    await waitFor(() => camera(el)?.isMuted, 'camera off');
    el.video = true;
    el.setAttribute('background', 'blur:20');
    await el.updateComplete;
    await waitFor(() => camera(el) && !camera(el)!.isMuted, 'camera on');
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(errors.map((e) => e.code)).to.deep.equal(['effect-unsupported']);
    await Promise.all([el.leave(), viewer.leave()]);
  });

  it('a browser without WebGL2: effect-unsupported once, naming what is missing; the camera publishes plain video', async () => {
    // Chromium cannot be told to drop WebGL2 for one page: the page's canvas refuses a webgl2 context.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- called with its canvas below
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, kind: string, ...rest: unknown[]) {
      return kind === 'webgl2' ? null : (getContext as (...args: unknown[]) => unknown).call(this, kind, ...rest);
    } as typeof getContext;
    try {
      const room = uniqueRoom();
      const errors: LkErrorDetail[] = [];
      const el = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${room} participant-identity="nogl" connect video
        background="blur" background-assets=${WASM} @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-room>`);
      await waitFor(() => errors.length > 0, 'effect-unsupported');
      expect(errors[0].code).to.equal('effect-unsupported');
      expect(errors[0].message).to.contain('WebGL2');
      const track = camera(el)!;
      expect(track.getProcessor()).to.equal(undefined);
      const viewer = await decoded(room, 'nogl');
      el.setAttribute('background', 'url(/nothing.png)');
      await el.updateComplete;
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(errors.length).to.equal(1);
      await Promise.all([el.leave(), viewer.leave()]);
    } finally {
      HTMLCanvasElement.prototype.getContext = getContext;
    }
  });

  it('invalid values are refused with the accepted forms on the room, the camera toggle and the pre-join', async () => {
    const errors: LkErrorDetail[] = [];
    const page = await fixture<HTMLDivElement>(html`<div @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}>
      <lk-room token-endpoint="/api/token" room-name=${uniqueRoom()} background="blurry">
        <lk-camera-toggle background="blur:500"></lk-camera-toggle>
        <lk-prejoin no-persist background="url()"></lk-prejoin>
      </lk-room></div>`);
    await page.querySelector<LkCameraToggle>('lk-camera-toggle')!.updateComplete;
    await page.querySelector<LkPrejoin>('lk-prejoin')!.updateComplete;
    await waitFor(() => errors.length >= 3, 'three refusals');
    const refused = errors.filter((e) => e.code === 'invalid-attribute');
    expect(refused.map((e) => `${e.attribute}=${e.value}`).sort()).to.deep.equal(['background=blur:500', 'background=blurry', 'background=url()']);
    for (const e of refused) expect(e.accepted).to.contain('blur:N');
  });

  it('lk-prejoin shows the blur in its preview before joining and hands it to the room; a camera toggle\'s own effect (none) wins when it turns the camera on', async () => {
    const room = uniqueRoom();
    const errors: LkErrorDetail[] = [];
    const page = await fixture<HTMLDivElement>(html`<div @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}>
      <lk-prejoin id="plain" no-persist></lk-prejoin>
      <lk-room token-endpoint="/api/token" room-name=${room} participant-identity="previewed" background-assets=${ASSETS}>
        <lk-prejoin id="blurred" no-persist background="blur:20" background-assets=${ASSETS}></lk-prejoin>
      </lk-room></div>`);
    const previewOf = (id: string) => page.querySelector<LkPrejoin>(`#${id}`)!.shadowRoot!.querySelector<HTMLVideoElement>('[part=preview]')!;
    for (const id of ['plain', 'blurred']) await waitFor(() => previewOf(id).videoWidth > 0 && previewOf(id).currentTime > 0, `the ${id} preview playing`, 30_000);
    // The same fake camera in both previews: the blurred one has lost its edges.
    const blurredPreview = await waitFor(async () => {
      const [plain, blurred] = [await edgeEnergy(previewOf('plain'), 3), await edgeEnergy(previewOf('blurred'), 3)];
      return blurred < plain * 0.7 ? { plain, blurred } : undefined;
    }, 'the preview blurred', 30_000);
    expect(blurredPreview.blurred).to.be.lessThan(blurredPreview.plain * 0.7);
    page.querySelector<LkPrejoin>('#plain')!.remove();

    const el = page.querySelector<LkRoom>('lk-room')!;
    page.querySelector<LkPrejoin>('#blurred')!.join();
    const processor = await waitFor(() => camera(el)?.getProcessor(), 'the room publishing the chosen effect', 30_000);
    expect(processor.name).to.equal('background-processor');
    await waitFor(() => camera(el)!.sender?.track === processor.processedTrack, 'the processed track sent');

    // A camera toggle with an effect of its own (none) wins over the pre-join's: off, then on again without it.
    const toggle = document.createElement('lk-camera-toggle');
    toggle.setAttribute('background', 'none');
    el.append(toggle);
    await toggle.updateComplete;
    toggle.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => camera(el)?.isMuted || !camera(el), 'the camera off');
    toggle.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => camera(el) && !camera(el)!.isMuted && camera(el)!.getProcessor() === undefined && camera(el)!.sender?.track === camera(el)!.mediaStreamTrack, 'the camera on with the toggle\'s effect: none', 30_000);
    expect(errors.filter((e) => e.code === 'effect-unsupported').length).to.equal(0);
    await el.leave();
  });

  it('lk-prejoin: the preview tries the effect, reports once when it cannot run, and hands the choice to the room', async () => {
    const room = uniqueRoom();
    const errors: LkErrorDetail[] = [];
    const page = await fixture<HTMLDivElement>(html`<div @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}>
      <lk-room token-endpoint="/api/token" room-name=${room} participant-identity="pre" background-assets=${WASM}>
        <lk-prejoin no-persist background="blur:5" background-assets=${WASM}></lk-prejoin>
      </lk-room></div>`);
    const el = page.querySelector<LkRoom>('lk-room')!;
    const prejoin = page.querySelector<LkPrejoin>('lk-prejoin')!;
    await waitFor(() => errors.some((e) => e.code === 'effect-unsupported'), 'the preview reports the effect');
    expect(errors.filter((e) => e.code === 'effect-unsupported').length).to.equal(1);
    prejoin.join();
    await waitFor(() => camera(el)?.sender, 'camera published');
    // The room tried the chosen effect too (its own report), and publishes plain video.
    await waitFor(() => errors.filter((e) => e.code === 'effect-unsupported').length === 2, 'the room reports the effect');
    expect(el.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)!.track!.getProcessor()).to.equal(undefined);
    const viewer = await decoded(room, 'pre');
    await Promise.all([el.leave(), viewer.leave()]);
  });
});
