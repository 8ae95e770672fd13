/**
 * The path of a browser without WebRTC, as tests shared by two groups: `webkit` (WebKitGTK, which
 * has no `RTCPeerConnection`) and `elements` (Chromium with `RTCPeerConnection` deleted before
 * the elements connect).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { Room } from 'livekit-client';
import '../src/index.js';
import type { LkConference, LkPrejoin, LkRoom } from '../src/index.js';
import type { LkErrorDetail } from '../src/core/errors.js';
import { NO_WEBRTC } from '../src/core/support.js';
import { captureWarnings, deepQueryAll } from './helpers.js';

/** Longer than the session's first retry (1 s): a retry, had there been one, would have happened. */
const PAST_FIRST_RETRY_MS = 1_500;

/** The `lk-error`s, console warnings, page errors and network attempts while `fn` runs. */
async function observe(fn: (errors: LkErrorDetail[]) => Promise<void>) {
  const errors: LkErrorDetail[] = [];
  const pageErrors: unknown[] = [];
  const sockets: string[] = [];
  const fetches: string[] = [];
  const onError = (e: Event) => errors.push((e as CustomEvent<LkErrorDetail>).detail);
  const onPageError = (e: ErrorEvent | PromiseRejectionEvent) => pageErrors.push('reason' in e ? e.reason : e.error);
  const NativeWebSocket = window.WebSocket;
  const nativeFetch = window.fetch.bind(window);
  window.WebSocket = class extends NativeWebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      sockets.push(String(url));
      super(url, protocols);
    }
  };
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    fetches.push(input instanceof Request ? input.url : String(input));
    return nativeFetch(input, init);
  };
  document.addEventListener('lk-error', onError);
  window.addEventListener('error', onPageError);
  window.addEventListener('unhandledrejection', onPageError);
  let warnings: string[];
  try {
    warnings = await captureWarnings(() => fn(errors));
  } finally {
    window.WebSocket = NativeWebSocket;
    window.fetch = nativeFetch;
    document.removeEventListener('lk-error', onError);
    window.removeEventListener('error', onPageError);
    window.removeEventListener('unhandledrejection', onPageError);
  }
  return { errors, warnings, pageErrors, sockets, fetches };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const inShadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const button = (el: Element) => inShadow<HTMLButtonElement>(el, 'button');

/** Registers the tests; the page must have no `RTCPeerConnection` by the time they run. */
export function describeNoWebRTC(title: string): void {
  describe(title, () => {
    it('the page really has no RTCPeerConnection', () => {
      expect(typeof (window as { RTCPeerConnection?: unknown }).RTCPeerConnection).to.equal('undefined');
    });

    it('<lk-room connect>: one lk-error unsupported with a plain sentence; no connection tried, no retry, nothing thrown', async () => {
      let room!: LkRoom;
      const seen = await observe(async () => {
        room = await fixture<LkRoom>(html`<lk-room connect url="ws://127.0.0.1:9" token="not-a-real-token"></lk-room>`);
        await pause(PAST_FIRST_RETRY_MS);
        // Asked again in every way: a new participant name, a join() from page code.
        room.participantName = 'Ann';
        await room.updateComplete;
        const joined = await room.join().then(
          () => 'resolved',
          (err: unknown) => (err instanceof Error ? err.message : String(err)),
        );
        expect(joined).to.equal(NO_WEBRTC);
        await pause(PAST_FIRST_RETRY_MS);
      });
      expect(seen.errors.length, 'lk-error count').to.equal(1);
      expect(seen.errors[0].code).to.equal('unsupported');
      expect(seen.errors[0].message).to.equal(`lk-room: ${NO_WEBRTC}`);
      expect(seen.warnings).to.deep.equal([`lk-room: ${NO_WEBRTC}`]);
      expect(seen.sockets, 'WebSockets opened').to.deep.equal([]);
      expect(seen.pageErrors, 'errors thrown').to.deep.equal([]);
      expect(room.connectionState).to.equal('disconnected');
      // Page code that reads the Room still gets one.
      expect(room.livekitRoom instanceof Room).to.equal(true);
    });

    it('<lk-conference connect> with a token endpoint: one lk-error, no token asked for, controls disabled with the reason shown', async () => {
      let conference!: LkConference;
      const seen = await observe(async () => {
        conference = await fixture<LkConference>(html`<lk-conference connect token-endpoint="/api/no-webrtc-token" room-name="r" participant-identity="ann"></lk-conference>`);
        await pause(PAST_FIRST_RETRY_MS);
      });
      expect(seen.errors.map((e) => e.code)).to.deep.equal(['unsupported']);
      expect(seen.fetches.filter((url) => url.includes('no-webrtc-token')), 'token requests').to.deep.equal([]);
      expect(seen.pageErrors).to.deep.equal([]);
      for (const tag of ['lk-microphone-toggle', 'lk-camera-toggle', 'lk-screenshare', 'lk-leave-button']) {
        const control = inShadow(conference, tag);
        await (control as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
        expect(button(control).disabled, `${tag} disabled`).to.equal(true);
        expect(button(control).title, `${tag} title`).to.equal(NO_WEBRTC);
      }
      // Said in words on the page, not only in tooltips.
      const notice = inShadow<HTMLElement>(conference, '[part=notice]');
      expect(notice.hidden).to.equal(false);
      expect(notice.checkVisibility()).to.equal(true);
      const state = inShadow<HTMLElement & { updateComplete: Promise<unknown> }>(conference, 'lk-connection-state');
      await state.updateComplete;
      expect(state.shadowRoot!.textContent.trim()).to.equal(NO_WEBRTC);
      // The rest of the UI still works: the chat opens.
      inShadow<HTMLButtonElement>(conference, '[part=chat-toggle]').click();
      await conference.updateComplete;
      expect(inShadow<HTMLElement>(conference, '[part=chat-panel]').checkVisibility()).to.equal(true);
      await expect(conference).to.be.accessible();
    });

    it('<lk-prejoin>: the reason in its notice, no camera or microphone asked for, join disabled (click and Enter alike)', async () => {
      const devices = navigator.mediaDevices as MediaDevices | undefined;
      const getUserMedia = devices?.getUserMedia.bind(devices);
      let asked = 0;
      if (devices && getUserMedia) devices.getUserMedia = (c) => (asked++, getUserMedia(c));
      let prejoin!: LkPrejoin;
      try {
        const seen = await observe(async () => {
          const room = await fixture<LkRoom>(html`<lk-room url="ws://127.0.0.1:9" token="t"><lk-prejoin no-persist></lk-prejoin></lk-room>`);
          prejoin = room.querySelector('lk-prejoin')!;
          await prejoin.updateComplete;
          const join = inShadow<HTMLButtonElement>(prejoin, '[part=join-button]');
          expect(join.disabled).to.equal(true);
          join.click();
          inShadow<HTMLInputElement>(prejoin, '[part=name]').focus();
          await sendKeys({ type: 'Ann' });
          await sendKeys({ press: 'Enter' });
          await pause(PAST_FIRST_RETRY_MS);
        });
        expect(seen.errors, 'no join tried').to.deep.equal([]);
        expect(seen.sockets).to.deep.equal([]);
        expect(seen.pageErrors).to.deep.equal([]);
      } finally {
        if (devices && getUserMedia) devices.getUserMedia = getUserMedia;
      }
      expect(asked, 'getUserMedia calls').to.equal(0);
      expect(prejoin.joined).to.equal(false);
      expect(prejoin.choices.username, 'the name field still takes typing').to.equal('Ann');
      const notice = inShadow<HTMLElement>(prejoin, '[part=notice]');
      expect(notice.textContent.trim()).to.equal(NO_WEBRTC);
      expect(inShadow(prejoin, '[part=join-button]').getAttribute('aria-describedby')).to.equal(notice.id);
      for (const part of ['camera-button', 'microphone-button', 'join-button']) {
        expect(inShadow<HTMLButtonElement>(prejoin, `[part=${part}]`).disabled, part).to.equal(true);
      }
      await expect(prejoin).to.be.accessible();
    });

    it('every <video> the kit renders is inline (playsinline), for iOS', async () => {
      const page = await fixture(html`<div>
        <lk-conference></lk-conference>
        <lk-room><lk-prejoin no-persist></lk-prejoin><lk-track-view></lk-track-view></lk-room>
      </div>`);
      const videos = deepQueryAll<HTMLVideoElement>(page, 'video');
      expect(videos.length).to.be.greaterThan(1);
      expect(videos.every((v) => v.hasAttribute('playsinline') && v.playsInline)).to.equal(true);
    });
  });
}
