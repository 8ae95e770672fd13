import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference, LkRoom, LkTranscript } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { CAPTIONS_ACCEPTED, LINES_ACCEPTED, MAX_SEGMENTS_ACCEPTED, MODE_ACCEPTED } from '../../src/core/transcription.js';
import { captureWarnings } from '../helpers.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

describe('<lk-transcript> (no server)', () => {
  it('shows its empty state in transcript mode, nothing in captions mode, and a polite live region', async () => {
    const room = await fixture<LkRoom>(html`<lk-room><lk-transcript></lk-transcript><lk-transcript mode="captions"></lk-transcript></lk-room>`);
    const [transcript, captions] = [...room.querySelectorAll('lk-transcript')];
    await transcript.updateComplete;
    expect(transcript.mode).to.equal('transcript');
    expect(part(transcript, 'empty')?.textContent).to.equal('No transcriptions yet.');
    expect(part(transcript, 'log')!.getAttribute('aria-label')).to.equal('Transcript');
    expect(part(captions, 'empty')).to.equal(null);
    expect(transcript.shadowRoot!.querySelector('[aria-live=polite]')).to.not.equal(null);
    expect(transcript.segments).to.deep.equal([]);
    await expect(transcript).to.be.accessible();
    await expect(captions).to.be.accessible();
  });

  it('takes its texts from attributes', async () => {
    const el = await fixture<LkTranscript>(html`<lk-transcript label="Untertitel" empty-label="Noch nichts gesagt."></lk-transcript>`);
    expect(part(el, 'empty')?.textContent).to.equal('Noch nichts gesagt.');
    expect(part(el, 'log')!.getAttribute('aria-label')).to.equal('Untertitel');
  });

  it('refuses a bad mode, lines or max-segments with invalid-attribute and keeps the default', async () => {
    const errors: LkErrorDetail[] = [];
    const warnings = await captureWarnings(async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}>
        <lk-transcript mode="subtitles" lines="0" max-segments="5000"></lk-transcript>
      </div>`);
      await wrap.querySelector('lk-transcript')!.updateComplete;
    });
    expect(errors.map((e) => [e.code, e.attribute, e.value, e.accepted])).to.deep.equal([
      ['invalid-attribute', 'mode', 'subtitles', MODE_ACCEPTED],
      ['invalid-attribute', 'lines', '0', LINES_ACCEPTED],
      ['invalid-attribute', 'max-segments', '5000', MAX_SEGMENTS_ACCEPTED],
    ]);
    expect(warnings.length).to.equal(3);
  });

  it("leaves the topic to the page's own handler while no transcript is in the page, and says so when the page holds it", async () => {
    const room = await fixture<LkRoom>(html`<lk-room></lk-room>`);
    const livekitRoom = room.livekitRoom;
    // No transcript: the topic is free.
    livekitRoom.registerTextStreamHandler('lk.transcription', () => {});
    const warnings = await captureWarnings(async () => {
      const transcript = document.createElement('lk-transcript');
      room.append(transcript);
      await transcript.updateComplete;
      await room.updateComplete;
    });
    expect(warnings.filter((w) => w.startsWith('lk-room: another handler already receives text streams on topic "lk.transcription"')).length).to.equal(1);
    livekitRoom.unregisterTextStreamHandler('lk.transcription');
  });

  it("<lk-conference>: no captions button before a transcription; captions=\"always\" shows it; captions-open shows the captions; a bad value is refused", async () => {
    const plain = await fixture<LkConference>(html`<lk-conference></lk-conference>`);
    expect(part(plain, 'captions-toggle')).to.equal(null);
    expect(plain.shadowRoot!.querySelector('lk-transcript')).to.equal(null);

    const always = await fixture<LkConference>(html`<lk-conference captions="always" captions-label="Untertitel"></lk-conference>`);
    const button = part(always, 'captions-toggle') as HTMLButtonElement;
    expect(button.textContent.trim()).to.equal('Untertitel');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    button.click();
    await always.updateComplete;
    expect(always.captionsOpen).to.equal(true);
    expect(always.shadowRoot!.querySelector('lk-transcript[part=captions]')?.getAttribute('mode')).to.equal('captions');
    await expect(always).to.be.accessible();

    const off = await fixture<LkConference>(html`<lk-conference captions="off" captions-open></lk-conference>`);
    expect(part(off, 'captions-toggle')).to.equal(null);
    expect(off.shadowRoot!.querySelector('lk-transcript')).to.equal(null);

    const errors: LkErrorDetail[] = [];
    await captureWarnings(async () => {
      const wrap = await fixture<HTMLDivElement>(html`<div @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}><lk-conference captions="sometimes"></lk-conference></div>`);
      await wrap.querySelector('lk-conference')!.updateComplete;
    });
    expect(errors.filter((e) => e.attribute === 'captions').map((e) => [e.code, e.value, e.accepted])).to.deep.equal([['invalid-attribute', 'sometimes', CAPTIONS_ACCEPTED]]);
  });
});
