// `preview` in WebKit, where page builders also run (Safari): WebKitGTK has no WebRTC at all, yet
// the simulated call renders (its participants are livekit-client's own classes, with no
// RTCRtpReceiver), with nothing leaving the page. The controls render, disabled with the reason a
// browser without WebRTC gives, as they would be in a live page in this browser.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference, LkParticipantTile } from '../../src/index.js';
import { PREVIEW_NAMES } from '../../src/core/preview.js';
import { Watch, deep, settle } from '../preview-helpers.js';

const inShadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

describe('webkit: preview', () => {
  it('<lk-conference preview="6 screenshare">: the tiles, the speaker, the screen share large, the controls; no request', async () => {
    const watch = new Watch();
    watch.on();
    let calls: string[];
    try {
      const el = await fixture<LkConference>(html`<lk-conference preview="6 screenshare" connect token-endpoint="/api/token" room-name="preview" style="block-size: 600px"></lk-conference>`);
      await settle(el);
      expect(el.connectionState).to.equal('connected');
      const tiles = deep<LkParticipantTile>(el, 'lk-participant-tile');
      expect(tiles).to.have.length(7);
      expect(tiles.filter((tile) => tile.source === 'camera').map((tile) => tile.livekitParticipant?.name)).to.deep.equal(['You', ...PREVIEW_NAMES.slice(0, 5)]);
      expect(tiles.filter((tile) => tile.speaking).map((tile) => tile.getAttribute('source') ?? 'camera')).to.deep.equal(['screen_share', 'camera']);
      const share = tiles.find((tile) => tile.source === 'screen_share')!;
      expect(share.closest('[slot]')?.getAttribute('slot')).to.equal('lk-focus');
      // Each camera tile shows a video pattern or the initials.
      for (const tile of tiles.filter((t) => t.source === 'camera')) {
        const shows = tile.videoMuted ? inShadow(tile, '[part=initials]')?.textContent : 'video';
        expect(shows, tile.livekitParticipant?.name).to.match(/^(video|[A-Z]{1,2})$/);
      }
      const bar = inShadow(el, '[part=control-bar]');
      for (const control of ['lk-microphone-toggle', 'lk-camera-toggle', 'lk-screenshare', 'lk-leave-button']) {
        const button = inShadow<HTMLButtonElement>(bar.querySelector(control)!, 'button');
        expect(button.getBoundingClientRect().width, control).to.be.greaterThan(0);
      }
      expect(inShadow<HTMLElement>(el, '[part=notice]').hidden).to.equal(true);
    } finally {
      calls = watch.off();
    }
    expect(calls).to.deep.equal([]);
  });
});
