// The elements' default texts follow `lang` (the nearest one up the tree, crossing shadow roots),
// label attributes and slots still win, and a right-to-left language mirrors the layout. No server:
// everything here renders before a room connects.
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkConference } from '../../src/index.js';
import { langListeners } from '../../src/controllers/lang.js';
import { en } from '../../src/core/i18n.js';
import { deepQueryAll, waitFor } from '../helpers.js';
import { englishDefaults, englishShown, translations, visibleTexts } from '../languages.js';

const label = (el: Element) => el.shadowRoot!.querySelector('[part~=label]')!.textContent.trim();

describe('languages', () => {
  it('an element speaks the lang of its nearest ancestor; its own lang and a nearer one win', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de">
      <lk-leave-button id="a"></lk-leave-button>
      <section lang="ja-JP"><lk-camera-toggle id="b"></lk-camera-toggle></section>
      <lk-microphone-toggle id="c" lang="fr-CA"></lk-microphone-toggle>
      <p lang="pt-BR"><span lang="zh-Hant"><lk-leave-button id="d"></lk-leave-button></span></p>
      <div lang="sv"><lk-leave-button id="e"></lk-leave-button></div>
    </div>`);
    const el = (id: string) => page.querySelector(`#${id}`)!;
    await waitFor(() => label(el('a')) === 'Verlassen', 'German from the div');
    await waitFor(() => label(el('b')) === 'カメラ', 'Japanese from the nearer section');
    await waitFor(() => label(el('c')) === 'Micro', 'French from its own lang');
    await waitFor(() => label(el('d')) === '离开', 'zh-Hant: Chinese, from the nearest span');
    expect(label(el('e')), 'a language without a table: English').to.equal('Leave');
    await expect(el('a')).to.be.accessible();
  });

  it('label attributes and slots win over the translation, and removing the attribute brings the translation back', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de">
      <lk-leave-button label="Tschüss"></lk-leave-button>
      <lk-camera-toggle><span>Bild</span></lk-camera-toggle>
      <lk-chat placeholder="Schreib was" send-label="Ab dafür"></lk-chat>
    </div>`);
    const leave = page.querySelector('lk-leave-button')!;
    const chat = page.querySelector('lk-chat')!;
    await waitFor(() => visibleTexts(chat).includes('Nachrichten'), 'the chat in German');
    expect(label(leave)).to.equal('Tschüss');
    expect(chat.shadowRoot!.querySelector('input')!.placeholder).to.equal('Schreib was');
    expect(chat.shadowRoot!.querySelector('[part=send-button]')!.textContent.trim()).to.equal('Ab dafür');
    expect(visibleTexts(page)).to.include('Bild');
    expect(visibleTexts(page)).not.to.include('Kamera');
    leave.removeAttribute('label');
    await leave.updateComplete;
    expect(label(leave)).to.equal('Verlassen');
    chat.removeAttribute('placeholder');
    await chat.updateComplete;
    expect(chat.shadowRoot!.querySelector('input')!.placeholder).to.equal('Nachricht eingeben…');
  });

  it('changing lang on an ancestor, or removing it, re-renders in the new language', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de"><div><lk-chat></lk-chat><lk-connection-state></lk-connection-state></div></div>`);
    const chat = page.querySelector('lk-chat')!;
    const state = page.querySelector('lk-connection-state')!;
    await waitFor(() => visibleTexts(page).includes('Getrennt'), 'German');
    page.lang = 'es';
    await waitFor(() => visibleTexts(page).includes('Desconectado'), 'Spanish after lang changed');
    expect(chat.shadowRoot!.querySelector('input')!.placeholder).to.equal('Escribe un mensaje…');
    page.setAttribute('lang', 'pl');
    await waitFor(() => visibleTexts(state).includes('Rozłączono'), 'Polish');
    page.removeAttribute('lang');
    const pageLanguage = document.documentElement.lang;
    expect(pageLanguage === '' || pageLanguage.startsWith('en'), `the test page's lang is ${pageLanguage}`).to.equal(true);
    await waitFor(() => visibleTexts(state).includes('Disconnected'), 'English without a lang');
    expect(chat.shadowRoot!.querySelector('input')!.placeholder).to.equal(en.chatPlaceholder);
  });

  it("the elements inside <lk-conference>'s shadow root follow the conference's lang, and change with it", async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="ja" style="width: 900px; height: 600px">
      <lk-conference controls="microphone camera screenshare chat leave" captions="always"></lk-conference>
    </div>`);
    const conference = page.querySelector<LkConference>('lk-conference')!;
    const english = await englishDefaults('ja');
    const expected = await translations('ja', 'microphone', 'camera', 'shareScreen', 'chat', 'captions', 'leave', 'disconnected');
    await waitFor(
      () => expected.every((text) => visibleTexts(page).includes(text)),
      `the conference in Japanese: ${expected.join(', ')}`,
    ).catch((err: Error) => Promise.reject(new Error(`${err.message}; shown: ${visibleTexts(page).join(' | ')}`)));
    expect(englishShown(page, english), 'English defaults shown').to.deep.equal([]);
    expect(conference.shadowRoot!.querySelector('[part=control-bar]')!.getAttribute('aria-label')).to.equal('通話の操作');
    const toggle = deepQueryAll(conference.shadowRoot!, 'lk-microphone-toggle')[0];
    page.lang = 'it';
    await waitFor(() => label(toggle) === 'Microfono', 'Italian inside the shadow root');
    expect(conference.shadowRoot!.querySelector('[part=control-bar]')!.getAttribute('aria-label')).to.equal('Controlli della chiamata');
    await expect(conference).to.be.accessible();
  });

  it('a German page of every element with text shows no English default', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="de-AT" style="width: 900px">
      <lk-prejoin no-persist></lk-prejoin>
      <lk-chat></lk-chat>
      <lk-transcript mode="transcript"></lk-transcript>
      <lk-voice-agent></lk-voice-agent>
      <lk-voice-agent launcher></lk-voice-agent>
      <lk-connection-state></lk-connection-state>
      <lk-camera-flip></lk-camera-flip>
      <lk-device-select kind="audiooutput"></lk-device-select>
      <lk-device-select></lk-device-select>
      <lk-screenshare></lk-screenshare>
    </div>`);
    const english = await englishDefaults('de');
    await waitFor(() => visibleTexts(page).includes('Gespräch beginnen'), 'German');
    expect(englishShown(page, english)).to.deep.equal([]);
    expect(visibleTexts(page)).to.include.members(['Ihr Name', 'Beitreten', 'Nachrichten', 'Noch keine Transkriptionen.', 'Getrennt', 'Lautsprecher']);
    expect(englishShown(page, Object.values(en)).filter((text) => !['Chat'].includes(text))).to.deep.equal([]);
  });

  it('one observer serves every element on the page, and is released with the last', async () => {
    const page = await fixture<HTMLDivElement>(html`<div lang="fr"><lk-leave-button></lk-leave-button><lk-camera-toggle></lk-camera-toggle></div>`);
    const before = langListeners();
    expect(before, 'the two elements listen').to.be.at.least(2);
    const leave = page.querySelector('lk-leave-button')!;
    leave.remove();
    expect(langListeners()).to.equal(before - 1);
    page.remove();
    expect(langListeners(), 'the observer is disconnected with the last element').to.equal(0);
    // Back on the page, an element listens again and follows its new place.
    const german = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    german.append(leave);
    await waitFor(() => label(leave) === 'Verlassen', 'German in its new place');
    expect(langListeners()).to.equal(1);
    german.lang = 'nl';
    await waitFor(() => label(leave) === 'Verlaten', 'Dutch: the observer works again');
  });

  describe('right to left', () => {
    const direction = (el: Element) => getComputedStyle(el).direction;

    it('lang="ar" alone mirrors the conference and everything in it; an explicit dir wins', async () => {
      const page = await fixture<HTMLDivElement>(html`<div style="width: 900px; height: 600px">
        <div lang="ar" id="ar"><lk-conference controls="microphone camera chat leave"></lk-conference></div>
        <div lang="ar" dir="ltr"><lk-leave-button id="ltr"></lk-leave-button></div>
        <div dir="rtl"><lk-leave-button id="rtl"></lk-leave-button></div>
      </div>`);
      const conference = page.querySelector<LkConference>('lk-conference')!;
      await waitFor(() => visibleTexts(conference).includes('الدردشة'), 'Arabic');
      expect(conference.getAttribute('dir'), 'the language gave the host dir="rtl"').to.equal('rtl');
      expect(conference.matches(':dir(rtl)')).to.equal(true);
      expect(direction(conference)).to.equal('rtl');
      const bar = conference.shadowRoot!.querySelector('[part=control-bar]')!;
      expect(direction(bar)).to.equal('rtl');
      const toggle = deepQueryAll(conference.shadowRoot!, 'lk-microphone-toggle')[0];
      expect(direction(toggle.shadowRoot!.querySelector('button')!)).to.equal('rtl');
      // The bar mirrors: its first control is at the right.
      const first = bar.firstElementChild!.getBoundingClientRect();
      const last = bar.lastElementChild!.getBoundingClientRect();
      expect(first.left, 'the first control right of the last').to.be.greaterThan(last.left);
      expect(direction(page.querySelector('#ltr')!), 'dir="ltr" wins over Arabic').to.equal('ltr');
      expect(page.querySelector('#ltr')!.hasAttribute('dir')).to.equal(false);
      expect(direction(page.querySelector('#rtl')!), 'dir="rtl" on an English page').to.equal('rtl');
      expect(page.querySelector('#rtl')!.hasAttribute('dir'), 'the page\'s dir is inherited, not copied').to.equal(false);

      page.querySelector('#ar')!.setAttribute('lang', 'en');
      await waitFor(() => direction(conference) === 'ltr', 'left to right again in English');
      expect(conference.hasAttribute('dir'), 'the dir it set is removed').to.equal(false);
      const again = bar.firstElementChild!.getBoundingClientRect();
      expect(again.left).to.be.lessThan(bar.lastElementChild!.getBoundingClientRect().left);
    });

    it("a dir the page writes on the element is the page's: kept, and never removed", async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang="ar"><lk-leave-button dir="ltr"></lk-leave-button><lk-camera-toggle></lk-camera-toggle></div>`);
      const leave = page.querySelector('lk-leave-button')!;
      const camera = page.querySelector('lk-camera-toggle')!;
      await waitFor(() => label(leave) === 'مغادرة', 'Arabic');
      expect(direction(leave)).to.equal('ltr');
      expect(camera.getAttribute('dir')).to.equal('rtl');
      camera.setAttribute('dir', 'ltr');
      page.lang = 'de';
      await waitFor(() => label(camera) === 'Kamera', 'German');
      expect(camera.getAttribute('dir'), 'the page took the attribute over').to.equal('ltr');
      expect(leave.getAttribute('dir')).to.equal('ltr');
    });

    it('the voice agent launcher and the pagination mirror', async () => {
      const page = await fixture<HTMLDivElement>(html`<div lang="ar"><lk-voice-agent launcher></lk-voice-agent></div>`);
      const agent = page.querySelector('lk-voice-agent')!;
      await waitFor(() => agent.getAttribute('dir') === 'rtl', 'right to left');
      const launcher = agent.shadowRoot!.querySelector('[part=launcher]')!.getBoundingClientRect();
      expect(launcher.left, 'bottom-right is the end corner: at the left').to.be.lessThan(innerWidth / 2);
      page.lang = 'en';
      await waitFor(() => agent.shadowRoot!.querySelector('[part=launcher]')!.getBoundingClientRect().left > innerWidth / 2, 'at the right in English');
    });
  });
});
