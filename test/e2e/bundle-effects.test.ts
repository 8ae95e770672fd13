import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import type { LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { uniqueRoom, waitFor } from '../helpers.js';

/** A page of its own with one `<lk-room>` and the one-file bundle, nothing else. */
async function bundlePage(extra: string) {
  const srcdoc = `<!doctype html><html><body>
    <lk-room token-endpoint="/api/token" room-name="${uniqueRoom('bundle-effects')}" ${extra} connect video></lk-room>
    <script type="module" src="/dist/livekit-elements.js"></script>
  </body></html>`;
  const frame = await fixture<HTMLIFrameElement>(html`<iframe title="Bundle page" style="width: 320px; height: 180px" .srcdoc=${srcdoc}></iframe>`);
  const win = await waitFor(() => (frame.contentWindow?.customElements.get('lk-room') ? frame.contentWindow : undefined), 'the bundle defined the elements');
  const el = frame.contentDocument!.querySelector('lk-room') as LkRoom;
  const errors: LkErrorDetail[] = [];
  el.addEventListener('lk-error', (e) => errors.push(e.detail));
  return { win, el, errors };
}

const paths = (win: Window) => win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);

describe('e2e: the one-file bundle with a background effect', function () {
  this.timeout(60_000);

  it('without an effect it fetches nothing of the effects', async () => {
    const { win, el } = await bundlePage('');
    await waitFor(() => el.livekitRoom?.localParticipant.isCameraEnabled, 'camera on');
    expect(paths(win).some((p) => p.includes('effects')), paths(win).join(', ')).to.equal(false);
    await el.leave();
  });

  it('with one, loads livekit-elements.effects.js, the wasm runtime and the model from beside itself, and runs it', async () => {
    const { win, el, errors } = await bundlePage('background="blur"');
    // The bundle's own livekit-client: its classes are not this page's.
    const processor = await waitFor(() => el.livekitRoom?.localParticipant.getTrackPublication(Track.Source.Camera)?.track?.getProcessor(), 'the processor on the camera', 40_000);
    expect(processor.name).to.equal('background-processor');
    const loaded = paths(win);
    for (const file of ['/dist/livekit-elements.effects.js', '/dist/effects/vision_wasm_internal.js', '/dist/effects/selfie_segmenter.tflite']) {
      expect(loaded.includes(file), `${file} in ${loaded.join(', ')}`).to.equal(true);
    }
    expect(errors.length, errors.map((e) => e.message).join('; ')).to.equal(0);
    await el.leave();
  });
});
