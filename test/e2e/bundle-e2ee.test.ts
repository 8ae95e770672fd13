import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import type { LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { uniqueRoom, waitFor } from '../helpers.js';

/** A page of its own with one `<lk-room>` and the one-file bundle, nothing else. */
async function bundlePage(room: string, identity: string, extra: string) {
  const srcdoc = `<!doctype html><html><body>
    <lk-room token-endpoint="/api/token" room-name="${room}" participant-identity="${identity}" e2ee-passphrase="one script" ${extra} connect></lk-room>
    <script type="module" src="/dist/livekit-elements.js"></script>
  </body></html>`;
  const frame = await fixture<HTMLIFrameElement>(html`<iframe title=${`Bundle page of ${identity}`} style="width: 320px; height: 180px" .srcdoc=${srcdoc}></iframe>`);
  const win = await waitFor(() => (frame.contentWindow?.customElements.get('lk-room') ? frame.contentWindow : undefined), 'the bundle defined the elements');
  const el = frame.contentDocument!.querySelector('lk-room') as LkRoom;
  const errors: LkErrorDetail[] = [];
  el.addEventListener('lk-error', (e) => errors.push(e.detail));
  return { win, el, errors };
}

describe('e2e: the one-file bundle with end-to-end encryption', function () {
  this.timeout(60_000);

  it('loads livekit-client.e2ee.worker.mjs from beside itself; two bundle pages decode each other', async () => {
    const room = uniqueRoom('bundle-e2ee');
    const ann = await bundlePage(room, 'ann', 'video');
    const bob = await bundlePage(room, 'bob', '');
    await waitFor(() => ann.el.connectionState === 'connected' && bob.el.connectionState === 'connected', 'both connected');
    expect(ann.el.livekitRoom.hasE2EESetup && bob.el.livekitRoom.hasE2EESetup).to.equal(true);
    await waitFor(() => ann.el.encrypted, 'ann is encrypted');
    // Bob decodes ann's encrypted camera: his worker runs and has the key.
    const decoded = async () => {
      // The bundle's own livekit-client: its classes are not this page's, so no `instanceof`.
      const receiver = bob.el.livekitRoom.remoteParticipants.get('ann')?.getTrackPublication(Track.Source.Camera)?.track?.receiver;
      if (!receiver) return 0;
      let frames = 0;
      (await receiver.getStats()).forEach((s: { type: string; framesDecoded?: number }) => {
        if (s.type === 'inbound-rtp') frames += s.framesDecoded ?? 0;
      });
      return frames;
    };
    const track = await waitFor(() => bob.el.livekitRoom.remoteParticipants.get('ann')?.getTrackPublication(Track.Source.Camera), 'bob sees ann’s camera');
    expect(track.isEncrypted).to.equal(true);
    // A track is received once something shows it: attach it to a video of the test page.
    const video = document.createElement('video');
    video.muted = true;
    await waitFor(() => track.track, 'subscribed').then((t) => t.attach(video));
    await waitFor(async () => (await decoded()) > 10, 'bob decodes ann’s frames', 30_000);
    // The worker came from beside the bundle, in each page.
    for (const { win } of [ann, bob]) {
      const loaded = win.performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname);
      expect(loaded.includes('/dist/livekit-client.e2ee.worker.mjs'), loaded.join(', ')).to.equal(true);
    }
    expect(ann.errors.length + bob.errors.length).to.equal(0);
    await ann.el.leave();
    await bob.el.leave();
  });
});
