// The conference and the pre-join box on a phone held upright: Chromium's device emulation
// (web-test-runner.config.mjs, group `phones`) with a real LiveKit server behind them.
import { expect, fixture, html } from '@open-wc/testing';
import { a11ySnapshot } from '@web/test-runner-commands';
import { Room, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkPrejoin, LkRoom } from '../../src/index.js';
import { deepQueryAll, fetchToken, realClick, uniqueRoom, waitFor } from '../helpers.js';

const inShadow = <T extends Element>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** Rendered: has a box (not `display: none`, not inside something hidden). */
const rendered = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';

/** Every rendered element in `root` and the shadow roots below it whose box leaves the viewport sideways. */
function outsideHorizontally(root: ParentNode): string[] {
  return deepQueryAll(root, '*')
    .filter(rendered)
    .filter((el) => {
      const box = el.getBoundingClientRect();
      return box.width > 0 && (box.left < -0.5 || box.right > innerWidth + 0.5);
    })
    .map((el) => {
      const box = el.getBoundingClientRect();
      return `<${el.localName}${el.getAttribute('part') ? ` part=${el.getAttribute('part')}` : ''}> ${Math.round(box.left)}…${Math.round(box.right)}`;
    });
}

function expectNoHorizontalOverflow(root: ParentNode): void {
  expect(document.scrollingElement!.scrollWidth, 'the page scrolls sideways').to.be.at.most(innerWidth);
  expect(outsideHorizontally(root).join(', '), 'elements outside the viewport').to.equal('');
}

/** The box is inside the viewport, and at least 44 CSS px tall and wide (a finger's target). */
function expectTouchTarget(button: Element, what: string): void {
  const box = button.getBoundingClientRect();
  expect(box.left >= 0 && box.right <= innerWidth && box.top >= 0 && box.bottom <= innerHeight, `${what} inside the viewport (${JSON.stringify(box)})`).to.equal(true);
  expect(box.height, `${what}'s height`).to.be.at.least(44);
  expect(box.width, `${what}'s width`).to.be.at.least(44);
}

/** Visually hidden: a box of at most 1×1 px, or none. */
function visuallyHidden(el: Element): boolean {
  const box = el.getBoundingClientRect();
  return box.width <= 1 && box.height <= 1;
}

type AxNode = { role?: string; name?: string; children?: AxNode[] };

/** The names of the buttons in Chromium's accessibility tree (what a screen reader is told). */
async function accessibleButtonNames(): Promise<string[]> {
  const tree = (await a11ySnapshot({})) as unknown as AxNode;
  const names: string[] = [];
  const walk = (node: AxNode) => {
    if (node.role === 'button' && node.name) names.push(node.name.trim());
    node.children?.forEach(walk);
  };
  walk(tree);
  return names;
}

/** A person on another device: camera on, in the same room. */
async function otherParticipant(roomName: string): Promise<Room> {
  const { server_url, participant_token } = await fetchToken(roomName, 'ben');
  const room = new Room();
  await room.connect(server_url, participant_token);
  await room.localParticipant.setCameraEnabled(true, { resolution: { width: 640, height: 360 } });
  return room;
}

describe('phones: 390×844, touch, device pixel ratio 3', () => {
  before(() => {
    document.body.style.margin = '0';
  });
  beforeEach(() => localStorage.removeItem('lk-user-choices'));

  it('the page is emulated as a phone', async () => {
    expect(innerWidth).to.equal(390);
    expect(innerHeight).to.equal(844);
    expect(devicePixelRatio).to.equal(3);
    expect(matchMedia('(pointer: coarse)').matches, 'coarse pointer').to.equal(true);
    expect(matchMedia('(hover: none)').matches, 'no hover').to.equal(true);
    expect(navigator.maxTouchPoints).to.be.greaterThan(0);
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    expect(cameras, 'one fake camera').to.have.length(1);
  });

  it('<lk-conference>: icon-only controls of 44 px with their names, nothing sideways, chat over the grid, camera flip', async () => {
    const roomName = uniqueRoom('phone');
    const ben = await otherParticipant(roomName);
    try {
      const conference = await fixture<LkConference>(html`<lk-conference style="block-size: 100dvh" token-endpoint="/api/token" room-name=${roomName}
        participant-identity="ann" participant-name="Ann" connect video audio video-resolution="h360"></lk-conference>`);
      await waitFor(() => conference.connectionState === 'connected', 'connected');
      await waitFor(() => conference.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'own camera published');
      const grid = inShadow<HTMLElementTagNameMap['lk-participants']>(conference, 'lk-participants')!;
      const playing = (identity: string) =>
        grid.items.some((i) => i.dataset.identity === identity && deepQueryAll<HTMLVideoElement>(i, 'video').some((v) => v.videoWidth > 0));
      await waitFor(() => playing('ann') && playing('ben'), 'both cameras shown');
      const box = conference.getBoundingClientRect();
      expect(box.width).to.equal(390);
      expect(box.height).to.equal(844);
      expectNoHorizontalOverflow(document);

      // The camera flip is offered: one camera listed, but a touch screen.
      const flip = inShadow<HTMLElementTagNameMap['lk-camera-flip']>(conference, '[part=control-bar] lk-camera-flip')!;
      expect(flip, 'a camera flip in the control bar').to.not.equal(null);
      await flip.updateComplete;
      expect(flip.hidden).to.equal(false);
      await waitFor(() => !inShadow<HTMLButtonElement>(flip, 'button')!.disabled, 'the flip enabled with the camera on');

      // Every control: inside the viewport, a 44 px target, its label hidden but its name kept.
      const bar = inShadow(conference, '[part=control-bar]')!;
      const controls = [...bar.querySelectorAll('[part~=control]')].filter(rendered);
      expect(controls.map((c) => c.localName)).to.deep.equal(['lk-microphone-toggle', 'lk-camera-toggle', 'lk-camera-flip', 'lk-screenshare', 'lk-leave-button']);
      for (const control of controls) {
        expectTouchTarget(inShadow(control, 'button')!, control.localName);
        expect(visuallyHidden(inShadow(control, '[part=label]')!), `${control.localName}'s label hidden`).to.equal(true);
      }
      const chatToggle = inShadow<HTMLButtonElement>(conference, '[part=chat-toggle]')!;
      expectTouchTarget(chatToggle, 'the chat button');
      expect(visuallyHidden(chatToggle.querySelector('.label')!), 'the chat button\'s label hidden').to.equal(true);
      // The pickers leave the bar; the bar is one row.
      expect(deepQueryAll(bar, 'lk-device-select').filter(rendered)).to.have.length(0);
      const tops = new Set([...controls, chatToggle].map((c) => Math.round(c.getBoundingClientRect().top)));
      expect(tops.size, 'one row of controls').to.equal(1);
      const names = await accessibleButtonNames();
      for (const name of ['Microphone', 'Camera', 'Flip camera', 'Share screen', 'Chat', 'Leave']) {
        expect(names, `a button named ${name}`).to.include(name);
      }

      // The chat opens over the grid, which keeps its size.
      const participantsSlot = inShadow(conference, 'slot[name=participants]')!;
      const gridBefore = participantsSlot.getBoundingClientRect();
      await realClick(chatToggle);
      await waitFor(() => conference.chatOpen, 'chat open');
      await conference.updateComplete;
      const panel = inShadow<HTMLElement>(conference, '[part=chat-panel]')!;
      const chatBox = panel.getBoundingClientRect();
      const gridAfter = participantsSlot.getBoundingClientRect();
      expect(gridAfter.width, 'the grid keeps its width').to.equal(gridBefore.width);
      expect(gridAfter.height, 'the grid keeps its height').to.equal(gridBefore.height);
      expect(chatBox.left >= 0 && chatBox.right <= innerWidth && chatBox.top >= 0 && chatBox.bottom <= innerHeight, 'the chat inside the viewport').to.equal(true);
      expect(chatBox.width * chatBox.height, 'the chat covers the grid').to.be.at.least(0.9 * gridAfter.width * gridAfter.height);
      const onTop = conference.shadowRoot!.elementFromPoint(gridAfter.left + gridAfter.width / 2, gridAfter.top + gridAfter.height / 2);
      expect(!!onTop && panel.contains(onTop), `the chat on top of the grid (found <${onTop?.localName}>)`).to.equal(true);
      const chat = inShadow<HTMLElementTagNameMap['lk-chat']>(conference, 'lk-chat')!;
      expectTouchTarget(inShadow(chat, '[part=send-button]')!, 'the send button');
      expect(parseFloat(getComputedStyle(inShadow(chat, '[part=input]')!).fontSize), 'the chat input\'s text (phones zoom below 16 px)').to.be.at.least(16);
      expectNoHorizontalOverflow(document);

      // A message from Ben arrives in the open chat.
      await ben.localParticipant.sendText('Hello, phone', { topic: 'lk.chat' });
      await waitFor(() => deepQueryAll(chat.shadowRoot!, '[part~=body]').some((b) => b.textContent === 'Hello, phone'), 'Ben\'s message shown');
      expectNoHorizontalOverflow(document);

      // Closed again, the grid is in front.
      await realClick(chatToggle);
      await waitFor(() => !conference.chatOpen, 'chat closed');
      await conference.updateComplete;
      expect(panel.hidden).to.equal(true);

      // Ben shares a screen: it is shown large, on top, as wide as the grid; the cameras below.
      await ben.localParticipant.setScreenShareEnabled(true);
      await waitFor(() => grid.items.some((i) => i.dataset.source === Track.Source.ScreenShare && deepQueryAll<HTMLVideoElement>(i, 'video').some((v) => v.videoWidth > 0)), 'Ben\'s screen shown');
      const focused = grid.items.find((i) => i.dataset.source === Track.Source.ScreenShare)!.getBoundingClientRect();
      const gridBox = grid.getBoundingClientRect();
      expect(focused.width, 'the screen share as wide as the grid').to.equal(gridBox.width);
      for (const camera of grid.items.filter((i) => i.dataset.source === Track.Source.Camera)) {
        expect(camera.getBoundingClientRect().top, `${camera.dataset.identity}'s camera below the screen share`).to.be.at.least(focused.bottom);
      }
      expectNoHorizontalOverflow(document);

      await expect(conference).to.be.accessible();
      await conference.leave();
    } finally {
      await ben.disconnect();
    }
  });

  it('<lk-prejoin>: icon-only switches with their names, 44 px targets, nothing sideways; joining works', async () => {
    const page = await fixture<HTMLDivElement>(html`<div><lk-room token-endpoint="/api/token" room-name=${uniqueRoom('phone')}>
      <lk-prejoin style="inline-size: 100%"></lk-prejoin></lk-room></div>`);
    const room = page.querySelector<LkRoom>('lk-room')!;
    const prejoin = page.querySelector<LkPrejoin>('lk-prejoin')!;
    const video = inShadow<HTMLVideoElement>(prejoin, '[part=preview]')!;
    await waitFor(() => video.videoWidth > 0, 'preview frames');
    await waitFor(() => inShadow<HTMLSelectElement>(prejoin, '[part=microphone-select]')!.options.length >= 2, 'microphones listed');
    expect(prejoin.getBoundingClientRect().width).to.equal(390);
    expectNoHorizontalOverflow(document);

    for (const part of ['camera-button', 'microphone-button']) {
      const button = inShadow(prejoin, `[part=${part}]`)!;
      expectTouchTarget(button, part);
      expect(visuallyHidden(button.querySelector('.label')!), `${part}'s label hidden`).to.equal(true);
    }
    for (const part of ['camera-select', 'microphone-select', 'name', 'join-button']) {
      const box = inShadow(prejoin, `[part=${part}]`)!.getBoundingClientRect();
      expect(box.left >= 0 && box.right <= innerWidth && box.bottom <= innerHeight, `${part} inside the viewport`).to.equal(true);
      expect(box.height, `${part}'s height`).to.be.at.least(44);
    }
    const names = await accessibleButtonNames();
    for (const name of ['Camera', 'Microphone', 'Join']) expect(names, `a button named ${name}`).to.include(name);
    await expect(prejoin).to.be.accessible();

    // A tap on Join joins.
    await realClick(inShadow(prejoin, '[part=join-button]')!);
    await waitFor(() => room.connectionState === 'connected', 'joined');
    await waitFor(() => room.livekitRoom.localParticipant.getTrackPublication(Track.Source.Camera)?.track, 'joined with the camera');
    await room.leave();
  });

  it('a conference as wide as a desktop window keeps its labels and pickers: the narrow rule follows the width', async () => {
    // A 1000 px conference in a 390 px viewport, scrolled inside its own box.
    const page = await fixture<HTMLDivElement>(html`<div style="inline-size: 390px; overflow-x: auto">
      <lk-conference style="inline-size: 1000px; block-size: 600px"></lk-conference></div>`);
    const conference = page.querySelector<LkConference>('lk-conference')!;
    await conference.updateComplete;
    const bar = inShadow(conference, '[part=control-bar]')!;
    for (const control of bar.querySelectorAll('lk-microphone-toggle, lk-camera-toggle, lk-screenshare, lk-leave-button')) {
      const label = inShadow(control, '[part=label]')!;
      expect(visuallyHidden(label), `${control.localName}'s label shown`).to.equal(false);
    }
    expect(visuallyHidden(inShadow(conference, '[part=chat-toggle] .label')!), 'the chat label shown').to.equal(false);
    expect(deepQueryAll(bar, 'lk-device-select').filter(rendered)).to.have.length(2);
  });
});
