import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference, LkRecordingIndicatorElement, LkRoom } from '../../src/index.js';

const badge = (el: HTMLElement) => el.shadowRoot!.querySelector<HTMLElement>('[part=badge]')!;

describe('lk-recording-indicator (no server)', () => {
  it('not recording: a live region with no text and no box; `recording` on the room is false', async () => {
    const room = await fixture<LkRoom>(html`<lk-room><lk-recording-indicator label="Aufnahme"></lk-recording-indicator></lk-room>`);
    const el = room.querySelector<LkRecordingIndicatorElement>('lk-recording-indicator')!;
    await el.updateComplete;
    expect(room.recording).to.equal(false);
    expect(room.hasAttribute('recording')).to.equal(false);
    expect(el.recording).to.equal(false);
    expect(badge(el).getAttribute('role')).to.equal('status');
    expect(badge(el).textContent).to.equal('');
    const box = el.getBoundingClientRect();
    expect(box.width * box.height).to.equal(0);
  });

  it('`recording` is the room’s to set: a page’s attribute is put back', async () => {
    const room = await fixture<LkRoom>(html`<lk-room><lk-recording-indicator></lk-recording-indicator></lk-room>`);
    const el = room.querySelector<LkRecordingIndicatorElement>('lk-recording-indicator')!;
    room.setAttribute('recording', '');
    el.setAttribute('recording', '');
    await room.updateComplete;
    await el.updateComplete;
    expect(room.hasAttribute('recording')).to.equal(false);
    expect(el.hasAttribute('recording')).to.equal(false);
    expect(badge(el).textContent).to.equal('');
  });

  it('<lk-conference> carries one, outside its control bar', async () => {
    const conference = await fixture<LkConference>(html`<lk-conference controls=""></lk-conference>`);
    const el = conference.shadowRoot!.querySelector<LkRecordingIndicatorElement>('lk-recording-indicator[part=recording]');
    expect(!!el).to.equal(true);
  });
});
