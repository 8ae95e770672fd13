// The conference's narrow rule on a desktop browser (fine pointer, one fake camera): it follows
// the conference's width, not the device. The phone itself is the `phones` group.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference } from '../../src/index.js';
import { deepQueryAll } from '../helpers.js';

const inShadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const rendered = (el: Element) => el.getClientRects().length > 0;
const shown = (el: Element) => el.getBoundingClientRect().width > 1 && el.getBoundingClientRect().height > 1;
const LABELLED = 'lk-microphone-toggle, lk-camera-toggle, lk-screenshare, lk-leave-button';

async function conference(width: number): Promise<LkConference> {
  const page = await fixture<HTMLDivElement>(html`<div style="inline-size: ${width}px">
    <lk-conference style="block-size: 600px" chat-open></lk-conference></div>`);
  const el = page.querySelector<LkConference>('lk-conference')!;
  await el.updateComplete;
  return el;
}

describe('lk-conference layout (no server)', () => {
  it('at a desktop width: labels and device pickers in the bar, the chat beside the grid', async () => {
    const el = await conference(1200);
    const bar = inShadow(el, '[part=control-bar]');
    for (const control of bar.querySelectorAll(LABELLED)) expect(shown(inShadow(control, '[part=label]')), `${control.localName}'s label`).to.equal(true);
    expect(shown(inShadow(el, '[part=chat-toggle] .label')), 'the chat label').to.equal(true);
    expect(deepQueryAll(bar, 'lk-device-select').filter(rendered)).to.have.length(2);
    const grid = inShadow(el, 'slot[name=participants]').getBoundingClientRect();
    const chat = inShadow(el, '[part=chat-panel]').getBoundingClientRect();
    expect(chat.left, 'the chat right of the grid').to.be.at.least(grid.right);
    // One camera and a mouse: no flip.
    expect(inShadow<HTMLElement>(el, 'lk-camera-flip').hidden).to.equal(true);
  });

  it('at a phone\'s width: icons only (the labels kept for screen readers), no pickers, the chat over the grid', async () => {
    const el = await conference(390);
    const bar = inShadow(el, '[part=control-bar]');
    for (const control of bar.querySelectorAll(LABELLED)) {
      const label = inShadow(control, '[part=label]');
      expect(shown(label), `${control.localName}'s label`).to.equal(false);
      expect(label.textContent.length, `${control.localName}'s label text`).to.be.greaterThan(0);
    }
    expect(shown(inShadow(el, '[part=chat-toggle] .label'))).to.equal(false);
    expect(deepQueryAll(bar, 'lk-device-select').filter(rendered)).to.have.length(0);
    const grid = inShadow(el, 'slot[name=participants]').getBoundingClientRect();
    const chat = inShadow(el, '[part=chat-panel]').getBoundingClientRect();
    expect(chat.left === grid.left && chat.width === grid.width && chat.top === grid.top, 'the chat over the grid').to.equal(true);
    await expect(el).to.be.accessible();
  });
});
