// Pages in German, Japanese and Arabic connected to the real LiveKit server: no English default
// text anywhere (visible text, accessible names, placeholders), and the Arabic page mirrors.
import { expect, fixture, html } from '@open-wc/testing';
import { Room, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkRoom } from '../../src/index.js';
import type { Language } from '../../src/core/i18n.js';
import { fetchToken, uniqueRoom, waitFor } from '../helpers.js';
import { englishDefaults, englishShown, translations, visibleTexts } from '../languages.js';

type Other = Exclude<Language, 'en'>;

/** Waits until every one of `texts` shows under `root`; the failure lists what did show. */
async function shows(root: Node, texts: readonly string[], what: string): Promise<void> {
  await waitFor(() => texts.every((text) => visibleTexts(root).includes(text)), what).catch((err: Error) => {
    throw new Error(`${err.message}: wanted ${texts.join(' | ')}; shown ${visibleTexts(root).join(' | ')}`);
  });
}

/** A second participant with a camera, so that the pages show a remote tile too. */
async function guest(roomName: string): Promise<Room> {
  const { server_url, participant_token } = await fetchToken(roomName, 'gast');
  const room = new Room();
  await room.connect(server_url, participant_token);
  await room.localParticipant.setCameraEnabled(true, { resolution: { width: 320, height: 180 } });
  return room;
}

/** The page's `<html lang dir>` for the duration of a test. */
function pageLanguage(lang: string, dir?: string): () => void {
  const root = document.documentElement;
  const before = { lang: root.getAttribute('lang'), dir: root.getAttribute('dir') };
  root.lang = lang;
  if (dir) root.dir = dir;
  return () => {
    for (const [name, value] of Object.entries(before)) {
      if (value === null) root.removeAttribute(name);
      else root.setAttribute(name, value);
    }
  };
}

describe('e2e: pages in other languages', () => {
  for (const [language, dir] of [['de', undefined], ['ja', undefined], ['ar', 'rtl']] as [Other, string | undefined][]) {
    it(`a connected <lk-conference> on a page with lang="${language}"${dir ? ` dir="${dir}"` : ''} shows no English default text`, async () => {
      const restore = pageLanguage(language, dir);
      const roomName = uniqueRoom(`lang-${language}`);
      const other = await guest(roomName);
      try {
        const page = await fixture<HTMLDivElement>(html`<div style="width: 1100px; height: 700px; display: grid">
          <lk-conference token-endpoint="/api/token" room-name=${roomName} participant-identity="ich" connect audio video video-resolution="h180"
            controls="microphone camera devices screenshare chat leave" captions="always" chat-open></lk-conference>
        </div>`);
        const conference = page.querySelector<LkConference>('lk-conference')!;
        await waitFor(() => conference.connectionState === 'connected', 'connected');
        await waitFor(() => conference.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'the camera published');
        await waitFor(() => conference.livekitRoom.remoteParticipants.size === 1, 'the guest is there');
        const expected = await translations(language, 'microphone', 'camera', 'shareScreen', 'chat', 'captions', 'leave', 'chatHeading', 'send', 'chatPlaceholder', 'callControls', 'pin');
        await shows(page, expected, `the conference in ${language}`);
        const english = await englishDefaults(language);
        expect(englishShown(page, english), 'English defaults shown').to.deep.equal([]);

        const bar = conference.shadowRoot!.querySelector('[part=control-bar]')!;
        const first = bar.firstElementChild!.getBoundingClientRect();
        const last = bar.lastElementChild!.getBoundingClientRect();
        if (language === 'ar') {
          expect(getComputedStyle(bar).direction).to.equal('rtl');
          expect(first.right, "the bar's first control (the microphone) at the right").to.be.greaterThan(last.right);
          // The chat panel is at the inline end: the left.
          const panel = conference.shadowRoot!.querySelector('[part=chat-panel]')!.getBoundingClientRect();
          const participants = conference.shadowRoot!.querySelector('[part=participants]')!.getBoundingClientRect();
          expect(panel.left, 'the chat panel left of the participants').to.be.lessThan(participants.left);
        } else {
          expect(getComputedStyle(bar).direction).to.equal('ltr');
          expect(first.left).to.be.lessThan(last.left);
        }
        await expect(conference).to.be.accessible();
        await conference.leave();
      } finally {
        await other.disconnect();
        restore();
      }
    });
  }

  for (const language of ['de', 'ja', 'ar'] as Other[]) {
    it(`a room of pieces (pre-join, participants, list, chat, controls, state) in a lang="${language}" block: no English before and after joining${language === 'ar' ? '; mirrored without a dir' : ''}`, async () => {
      localStorage.removeItem('lk-user-choices');
      const roomName = uniqueRoom(`pieces-${language}`);
      const other = await guest(roomName);
      try {
        const page = await fixture<HTMLDivElement>(html`<div lang=${language} style="width: 1100px">
          <lk-prejoin room="stueck" no-persist></lk-prejoin>
          <lk-room id="stueck" token-endpoint="/api/token" room-name=${roomName} participant-identity="ich" participant-name="Ich">
            <lk-recording-indicator></lk-recording-indicator>
            <div style="height: 320px; display: grid"><lk-participants layout="grid" page-size="1"></lk-participants></div>
            <lk-participant-list></lk-participant-list>
            <lk-chat></lk-chat>
            <div class="bar" style="display: flex">
              <lk-microphone-toggle></lk-microphone-toggle>
              <lk-camera-toggle></lk-camera-toggle>
              <lk-device-select kind="videoinput"></lk-device-select>
              <lk-screenshare></lk-screenshare>
              <lk-leave-button></lk-leave-button>
            </div>
            <lk-connection-state></lk-connection-state>
            <lk-start-audio></lk-start-audio>
          </lk-room>
        </div>`);
        const lkRoom = page.querySelector<LkRoom>('lk-room')!;
        const english = await englishDefaults(language);
        await shows(page, await translations(language, 'yourName', 'join', 'microphoneLevel', 'disconnected', 'chatHeading'), `the pre-join in ${language}`);
        expect(englishShown(page, english), 'English defaults before joining').to.deep.equal([]);

        page.querySelector('lk-prejoin')!.shadowRoot!.querySelector<HTMLButtonElement>('[part=join-button]')!.click();
        await waitFor(() => lkRoom.connectionState === 'connected', 'connected');
        await waitFor(() => lkRoom.livekitRoom.remoteParticipants.size === 1, 'the guest is there');
        // Two participants on pages of one: the pagination shows; the list names the local one.
        await shows(page, await translations(language, 'connected', 'participants', 'you', 'nextPage', 'pages', 'camera', 'shareScreen', 'leave'), `joined, in ${language}`);
        expect(englishShown(page, english), 'English defaults after joining').to.deep.equal([]);

        if (language === 'ar') {
          // The room took dir="rtl" from the language; the elements inside it inherit it.
          expect(page.querySelector('lk-room')!.getAttribute('dir')).to.equal('rtl');
          expect(page.querySelector('lk-prejoin')!.getAttribute('dir')).to.equal('rtl');
          const toggle = page.querySelector('lk-microphone-toggle')!;
          expect(toggle.hasAttribute('dir')).to.equal(false);
          expect(getComputedStyle(toggle.shadowRoot!.querySelector('button')!).direction).to.equal('rtl');
          // The list's row: the name at the right, its icons left of it.
          const list = page.querySelector('lk-participant-list')!.shadowRoot!;
          const name = list.querySelector('[part=name]')!.getBoundingClientRect();
          const mic = list.querySelector('[part=mic]')!.getBoundingClientRect();
          expect(mic.left, 'the microphone icon left of the name').to.be.lessThan(name.left);
          // The next-page arrow points left.
          const next = page.querySelector('lk-participants')!.shadowRoot!.querySelector('[part~=next-page] svg')!;
          expect(getComputedStyle(next).scale).to.equal('-1 1');
        }
        await lkRoom.leave();
      } finally {
        await other.disconnect();
      }
    });
  }

  it('the one-file bundle loads the page language from beside itself, and only that one', async () => {
    const room = uniqueRoom('lang-bundle');
    const srcdoc = `<!doctype html><html lang="ja"><body>
      <lk-room token-endpoint="/api/token" room-name="${room}" participant-identity="bundle" connect>
        <lk-camera-toggle></lk-camera-toggle><lk-leave-button></lk-leave-button><lk-connection-state></lk-connection-state>
      </lk-room>
      <script type="module" src="/dist/livekit-elements.js"></script>
    </body></html>`;
    const frame = await fixture<HTMLIFrameElement>(html`<iframe title="A Japanese page built with the bundle" style="width: 640px; height: 240px" .srcdoc=${srcdoc}></iframe>`);
    const win = await waitFor(() => (frame.contentWindow?.customElements.get('lk-room') ? frame.contentWindow : undefined), 'the bundle defined the elements');
    const doc = frame.contentDocument!;
    const lkRoom = doc.querySelector('lk-room') as LkRoom;
    await waitFor(() => lkRoom.connectionState === 'connected', 'connected');
    await shows(doc.body, ['カメラ', '退出', '接続済み'], 'Japanese from the bundle');
    const scripts = win.performance.getEntriesByType('resource').filter((e) => (e as PerformanceResourceTiming).initiatorType !== 'fetch' && /\.m?js$/.test(new URL(e.name).pathname));
    expect(scripts.map((e) => new URL(e.name).pathname).sort()).to.deep.equal(['/dist/livekit-elements.js', '/dist/livekit-elements.locale-ja.js']);
    await lkRoom.leave();
  });
});
