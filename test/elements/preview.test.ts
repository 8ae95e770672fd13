// `preview` on <lk-room> and <lk-conference>: a simulated call with no server, no token, no
// network request and no camera. The page's own ways out are watched: fetch, XMLHttpRequest,
// WebSocket, EventSource, sendBeacon, RTCPeerConnection, getUserMedia and getDisplayMedia are
// wrapped, and the Resource Timing entries of the test's window are read (web-test-runner's own
// requests, its module loads and its report at the end of the file, happen outside that window).
import { expect, fixture, html } from '@open-wc/testing';
import { ConnectionState, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkParticipantTile, LkRoom } from '../../src/index.js';
import { PREVIEW_NAMES } from '../../src/core/preview.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { waitFor } from '../helpers.js';
import { Watch, deep, settle } from '../preview-helpers.js';

const inShadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

const watch = new Watch();

const tiles = (el: Element) => deep<LkParticipantTile>(el, 'lk-participant-tile');
const names = (el: Element) => tiles(el).map((tile) => tile.livekitParticipant?.name);

describe('preview: a simulated call (no server, no token)', () => {
  afterEach(() => watch.off());

  it('<lk-conference preview> with credentials: 4 tiles, the controls and the layout, and nothing leaves the page', async () => {
    watch.on();
    const el = await fixture<LkConference>(html`<lk-conference preview connect video audio url="ws://127.0.0.1:9" token-endpoint="/api/token" room-name="preview" style="block-size: 600px"></lk-conference>`);
    await settle(el);
    expect(el.connectionState).to.equal('connected');
    expect(el.getAttribute('connection-state')).to.equal('connected');
    expect(tiles(el)).to.have.length(4);
    expect(names(el)).to.deep.equal(['You', ...PREVIEW_NAMES.slice(0, 3)]);
    // One speaking, with the ring the tiles draw for it.
    const speaking = tiles(el).filter((tile) => tile.speaking);
    expect(speaking.map((tile) => tile.livekitParticipant?.name)).to.deep.equal([PREVIEW_NAMES[0]]);
    expect(speaking[0].hasAttribute('speaking')).to.equal(true);
    // Cameras: a pattern that plays, or the initials.
    await waitFor(() => deep<HTMLVideoElement>(el, 'video').filter((video) => video.videoWidth > 0).length >= 2, 'the video patterns to play', 5000);
    const initials = tiles(el).filter((tile) => tile.videoMuted).map((tile) => inShadow(tile, '[part=initials]')?.textContent);
    expect(initials).to.deep.equal(['SR']);
    // The bar, enabled as in a call, its toggles showing the page's `video` and `audio`.
    const bar = inShadow(el, '[part=control-bar]');
    const camera = bar.querySelector('lk-camera-toggle')!;
    const microphone = bar.querySelector('lk-microphone-toggle')!;
    await camera.updateComplete;
    expect(inShadow<HTMLButtonElement>(camera, 'button').disabled).to.equal(false);
    expect(camera.pressed).to.equal(true);
    expect(microphone.pressed).to.equal(true);
    expect(inShadow<HTMLElement>(el, '[part=notice]').hidden).to.equal(true);
    // The conference's layout: focus, nobody pinned and no screen share, so a grid.
    expect(inShadow(inShadow(el, 'lk-participants'), '[part=layout]').className).to.equal('');
    expect(watch.off()).to.deep.equal([]);
    // After the watch: the check loads axe-core.
    await expect(el).to.be.accessible();
  });

  it('the controls toggle the simulated media without capturing; a leave keeps the preview and connect', async () => {
    watch.on();
    const el = await fixture<LkConference>(html`<lk-conference preview="2" connect style="block-size: 500px"></lk-conference>`);
    await settle(el);
    const bar = inShadow(el, '[part=control-bar]');
    const camera = bar.querySelector('lk-camera-toggle')!;
    const screen = bar.querySelector('lk-screenshare')!;
    await camera.updateComplete;
    expect(camera.pressed).to.equal(false);
    const local = tiles(el).find((tile) => tile.local)!;
    expect(local.videoMuted).to.equal(true);
    inShadow<HTMLButtonElement>(camera, 'button').click();
    await waitFor(() => camera.pressed, 'the camera on');
    await waitFor(async () => (await local.updateComplete) && !local.videoMuted, 'the local tile to show video');
    inShadow<HTMLButtonElement>(screen, 'button').click();
    await waitFor(() => screen.pressed, 'the screen share on');
    await waitFor(() => tiles(el).some((tile) => tile.source === String(Track.Source.ScreenShare)), 'a screen-share tile');
    inShadow<HTMLButtonElement>(camera, 'button').click();
    await waitFor(() => !camera.pressed, 'the camera off');
    const leave = bar.querySelector('lk-leave-button')!;
    await leave.updateComplete;
    inShadow<HTMLButtonElement>(leave, 'button').click();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(el.connect).to.equal(true);
    expect(el.hasAttribute('connect')).to.equal(true);
    expect(el.connectionState).to.equal('connected');
    expect(watch.off()).to.deep.equal([]);
  });

  it('a chat message shows as sent, and goes nowhere', async () => {
    watch.on();
    const el = await fixture<LkConference>(html`<lk-conference preview chat-open style="block-size: 500px"></lk-conference>`);
    await settle(el);
    const chat = inShadow<HTMLElementTagNameMap['lk-chat']>(el, 'lk-chat');
    const input = inShadow<HTMLInputElement>(chat, '[part=input]');
    input.value = 'Hello, preview';
    input.dispatchEvent(new Event('input'));
    inShadow<HTMLFormElement>(chat, '[part=form]').requestSubmit();
    await waitFor(() => chat.shadowRoot!.querySelectorAll('[part~=message-local]').length === 1, 'the message in the chat');
    expect(chat.shadowRoot!.querySelector('[part~=message-local]')!.textContent).to.contain('Hello, preview');
    expect(watch.off()).to.deep.equal([]);
  });

  it('preview="6 screenshare": six participants, the screen share shown large as in a call', async () => {
    watch.on();
    const el = await fixture<LkConference>(html`<lk-conference preview="6 screenshare" style="block-size: 600px"></lk-conference>`);
    await settle(el);
    const all = tiles(el);
    expect(all).to.have.length(7);
    const share = all.find((tile) => tile.source === String(Track.Source.ScreenShare))!;
    expect(share.livekitParticipant?.name).to.equal(PREVIEW_NAMES[0]);
    const grid = inShadow(el, 'lk-participants');
    expect(inShadow(grid, '[part=layout]').className).to.equal('focus');
    expect(share.closest('[slot]')?.getAttribute('slot')).to.equal('lk-focus');
    await waitFor(() => inShadow(share, 'lk-track-view')?.shadowRoot?.querySelector('video')?.videoWidth === 640, 'the shared screen to play');
    expect(watch.off()).to.deep.equal([]);
  });

  it('page-size, layout and theme behave as live: pages of the simulated tiles', async () => {
    watch.on();
    const el = await fixture<LkConference>(html`<lk-conference preview="12" layout="grid" page-size="4" style="block-size: 600px"></lk-conference>`);
    await settle(el);
    const grid = inShadow<HTMLElementTagNameMap['lk-participants']>(el, 'lk-participants');
    expect(grid.pageCount).to.equal(3);
    expect(tiles(el)).to.have.length(4);
    expect(watch.off()).to.deep.equal([]);
  });

  it('<lk-room preview> gives its elements a connected Room that is not connected to anything', async () => {
    watch.on();
    const el = await fixture<LkRoom>(html`<lk-room preview="3" participant-name="Robin Park"><lk-participants></lk-participants><lk-participant-list></lk-participant-list></lk-room>`);
    await settle(el);
    expect(names(el)).to.deep.equal(['Robin Park', PREVIEW_NAMES[0], PREVIEW_NAMES[1]]);
    expect(el.livekitRoom.state).to.equal(ConnectionState.Connected);
    expect(watch.off()).to.deep.equal([]);
  });

  it('refuses a value it does not take (invalid-attribute naming what is accepted) and still previews', async () => {
    const errors: LkErrorDetail[] = [];
    watch.on();
    const el = await fixture<LkConference>(html`<lk-conference preview="six" connect token="x" url="ws://127.0.0.1:9" @lk-error=${(event: CustomEvent<LkErrorDetail>) => errors.push(event.detail)}></lk-conference>`);
    await settle(el);
    expect(errors.map((error) => [error.code, error.attribute, error.value])).to.deep.equal([['invalid-attribute', 'preview', 'six']]);
    expect(errors[0].accepted).to.contain('screenshare');
    expect(tiles(el)).to.have.length(4);
    expect(watch.off()).to.deep.equal([]);
  });

  it('<lk-voice-agent preview>: no request; no simulated participant is an agent, so it waits for one', async () => {
    watch.on();
    const el = await fixture<HTMLElementTagNameMap['lk-voice-agent']>(html`<lk-voice-agent preview connect token-endpoint="/api/token" agent-name="helper"></lk-voice-agent>`);
    await el.updateComplete;
    expect(el.connectionState).to.equal('connected');
    expect(el.state).to.equal('connecting');
    expect(watch.off()).to.deep.equal([]);
  });

  it('preview="false" is no preview; adding preview later shows it, removing it again leaves it', async () => {
    const el = await fixture<LkRoom>(html`<lk-room preview="false"><lk-participants></lk-participants></lk-room>`);
    await settle(el);
    expect(el.connectionState).to.equal('disconnected');
    expect(tiles(el)).to.have.length(0);
    el.setAttribute('preview', '5');
    await settle(el);
    expect(tiles(el)).to.have.length(5);
    el.removeAttribute('preview');
    await settle(el);
    await waitFor(() => el.connectionState === 'disconnected', 'the preview to end');
    await el.querySelector('lk-participants')!.updateComplete;
    expect(tiles(el)).to.have.length(0);
  });

  it('a removed preview stops; back in the page it shows again', async () => {
    const el = await fixture<LkRoom>(html`<lk-room preview="2"><lk-participants></lk-participants></lk-room>`);
    await settle(el);
    const first = el.livekitRoom;
    const parent = el.parentElement!;
    el.remove();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(first.state).to.equal(ConnectionState.Disconnected);
    parent.append(el);
    await settle(el);
    expect(el.connectionState).to.equal('connected');
    expect(el.livekitRoom).to.not.equal(first);
    expect(tiles(el)).to.have.length(2);
  });

  it('<lk-prejoin> in a previewing room asks for no camera or microphone; joining shows the simulated call', async () => {
    watch.on();
    const el = await fixture<LkRoom>(html`<lk-room preview="3"><lk-prejoin no-persist></lk-prejoin><lk-participants></lk-participants></lk-room>`);
    await settle(el);
    const prejoin = el.querySelector('lk-prejoin')!;
    // Give a capture that was asked for the time to start.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(inShadow<HTMLVideoElement>(prejoin, 'video').hidden).to.equal(true);
    expect(inShadow(prejoin, '[part=placeholder]')).to.not.equal(null);
    inShadow<HTMLButtonElement>(prejoin, '[part=join-button]').click();
    await waitFor(() => prejoin.joined, 'joined');
    await settle(el);
    expect(tiles(el)).to.have.length(3);
    expect(watch.off()).to.deep.equal([]);
  });

  it("the local participant without participant-name is \"You\" in the page's language", async () => {
    watch.on();
    const el = await fixture<LkRoom>(html`<div lang="de"><lk-room preview="2"><lk-participants></lk-participants></lk-room></div>`).then((div) => div.querySelector('lk-room')!);
    await waitFor(() => names(el)[0] === 'Sie', 'the German name', 5000);
    expect(names(el)).to.deep.equal(['Sie', PREVIEW_NAMES[0]]);
    // The German table is the one request a German page makes (docs/languages.md).
    expect(watch.off().filter((call) => !/locales\/de\./.test(call))).to.deep.equal([]);
  });
});
