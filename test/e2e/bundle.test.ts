import { expect, fixture, html } from '@open-wc/testing';
import { Track } from 'livekit-client';
import type { LkCameraToggle, LkRoom } from '../../src/index.js';
import { uniqueRoom, waitFor } from '../helpers.js';

describe('e2e: the one-file bundle on a plain page', () => {
  it('upgrades late (script after the markup) and a control in another block finds its room by id', async () => {
    const room = uniqueRoom();
    // A page of its own (its own custom element registry), built only from markup and the bundle.
    const srcdoc = `<!doctype html><html><body>
      <header><lk-camera-toggle room="r1" resolution="h360"></lk-camera-toggle></header>
      <main><lk-room id="r1" token-endpoint="/api/token" room-name="${room}" participant-identity="late" connect></lk-room></main>
      <script type="module" src="/dist/livekit-elements.js"></script>
    </body></html>`;
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="A page built from markup and the bundle" style="width: 640px; height: 240px" .srcdoc=${srcdoc}></iframe>`);
    const win = await waitFor(() => (frame.contentWindow?.customElements.get('lk-room') ? frame.contentWindow : undefined), 'the bundle defined the elements');
    const doc = frame.contentDocument!;
    const lkRoom = doc.querySelector('lk-room') as LkRoom;
    const toggle = doc.querySelector('lk-camera-toggle') as LkCameraToggle;
    await waitFor(() => lkRoom.connectionState === 'connected', 'connected');
    expect(toggle.livekitRoom === lkRoom.livekitRoom, 'the toggle bound to the room by id').to.equal(true);
    const button = toggle.shadowRoot!.querySelector('button')!;
    await waitFor(() => !button.disabled, 'the toggle is enabled');
    button.click();
    const sender = await waitFor(() => lkRoom.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track?.sender, 'camera published');
    expect(sender.track!.readyState).to.equal('live');
    expect(toggle.pressed).to.equal(true);
    // The page loaded one script: the bundle, with no bare imports left to resolve.
    const scripts = win.performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType === 'script');
    expect(scripts.map((e) => new URL(e.name).pathname)).to.deep.equal(['/dist/livekit-elements.js']);
    // This page's registry is separate from the test page's, where nothing was imported.
    expect(customElements.get('lk-room')).to.equal(undefined);
    await lkRoom.leave();
  });
});
