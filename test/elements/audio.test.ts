import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings } from '../helpers.js';

/** The `lk-error`s an element emits while `fn` runs. */
async function errorsOf(target: EventTarget, fn: () => unknown): Promise<LkErrorDetail[]> {
  const errors: LkErrorDetail[] = [];
  const listener = (e: Event) => errors.push((e as CustomEvent<LkErrorDetail>).detail);
  target.addEventListener('lk-error', listener);
  await captureWarnings(fn);
  target.removeEventListener('lk-error', listener);
  return errors;
}

describe('lk-audio-renderer, lk-start-audio (no server)', () => {
  it('lk-audio-renderer: nothing to play without a room; a volume outside 0…1 is reported', async () => {
    const el = document.createElement('lk-audio-renderer');
    el.setAttribute('volume', '2');
    const errors = await errorsOf(el, async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    expect(errors.map((e) => e.attribute)).to.deep.equal(['volume']);
    expect(el.audioElements).to.deep.equal([]);
    expect(getComputedStyle(el).display).to.equal('none');
    await expect(el).to.be.accessible();
    el.remove();
  });

  it('lk-start-audio is hidden while playback is allowed', async () => {
    const el = await fixture<LkRoom>(html`<lk-room><lk-start-audio label="Son"></lk-start-audio></lk-room>`);
    const start = el.querySelector('lk-start-audio')!;
    await start.updateComplete;
    expect(start.blocked).to.equal(false);
    expect(getComputedStyle(start).display).to.equal('none');
    expect(start.shadowRoot!.querySelector('button')!.textContent).to.equal('Son');
    await expect(start).to.be.accessible();
  });
});
