// A browser that cannot capture a screen, as iOS and iPadOS: Chromium with `getDisplayMedia` taken
// away before the elements render.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference, LkScreenShare } from '../../src/index.js';

const inShadow = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const descriptor = Object.getOwnPropertyDescriptor(MediaDevices.prototype, 'getDisplayMedia');

describe('a browser without screen capture (Chromium, getDisplayMedia deleted)', () => {
  before(() => {
    delete (MediaDevices.prototype as Partial<MediaDevices>).getDisplayMedia;
  });

  after(() => {
    if (descriptor) Object.defineProperty(MediaDevices.prototype, 'getDisplayMedia', descriptor);
  });

  it('the page really has no getDisplayMedia', () => {
    expect(typeof navigator.mediaDevices.getDisplayMedia).to.equal('undefined');
    expect(descriptor, 'Chromium had it').to.not.equal(undefined);
  });

  it('<lk-screenshare> hides itself; the other controls stay', async () => {
    const share = await fixture<LkScreenShare>(html`<lk-screenshare></lk-screenshare>`);
    expect(share.hidden).to.equal(true);
    expect(getComputedStyle(share).display).to.equal('none');
    const conference = await fixture<LkConference>(html`<lk-conference></lk-conference>`);
    const inner = inShadow<LkScreenShare>(conference, 'lk-screenshare');
    await inner.updateComplete;
    expect(inner.checkVisibility()).to.equal(false);
    for (const tag of ['lk-microphone-toggle', 'lk-camera-toggle', 'lk-leave-button']) {
      expect(inShadow(conference, tag).checkVisibility(), tag).to.equal(true);
    }
    await expect(conference).to.be.accessible();
  });
});

describe('a browser with screen capture', () => {
  it('<lk-screenshare> is shown', async () => {
    const share = await fixture<LkScreenShare>(html`<lk-screenshare></lk-screenshare>`);
    expect(typeof navigator.mediaDevices.getDisplayMedia).to.equal('function');
    expect(share.hidden).to.equal(false);
    expect(share.checkVisibility()).to.equal(true);
  });
});
