// The elements' UI in WebKit: rendering, the theme (custom properties, light and dark), `::part`
// styling, keyboard operation and the conference's chat panel. WebKitGTK cannot join a call (no
// WebRTC), so everything here works without a connected room. The group also runs test files of
// the Chromium `elements` group that hold in WebKit as they are (the chat, typed into from the
// keyboard, and its popover among them): see web-test-runner.config.mjs. The group's MiniBrowser prefers a
// dark colour scheme (`--dark-mode`) and has WebKit's mock camera and microphone.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LkConference, LkDeviceSelect, LkLeaveButton } from '../../src/index.js';
import { deliverLegacy, realClick, waitFor } from '../helpers.js';
import { DARK, LIGHT, buttonBackground, buttonColor } from '../theme.js';

const inShadow = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

/** The element that has keyboard focus, through every open shadow root. */
function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** Which control of a conference has focus: its `part` (for the conference's own buttons) or the host's tag. */
function focusedControl(conference: LkConference): string | undefined {
  const element = focused();
  if (!element) return undefined;
  const root = element.getRootNode();
  if (root === conference.shadowRoot) return element.getAttribute('part') ?? element.localName;
  return root instanceof ShadowRoot ? root.host.localName : element.localName;
}

/** Resolves once `element` has kept its place and size for half a second (at most 10 s). */
async function steadyBox(element: Element): Promise<void> {
  const box = () => JSON.stringify(element.getBoundingClientRect());
  let last = box();
  let since = performance.now();
  for (const deadline = performance.now() + 10_000; performance.now() < deadline; ) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = box();
    if (now !== last) [last, since] = [now, performance.now()];
    else if (performance.now() - since >= 500) return;
  }
}

async function conferenceInPage(): Promise<{ page: HTMLElement; conference: LkConference }> {
  const page = await fixture<HTMLElement>(html`<div style="width: 900px; height: 500px">
    <button id="before">before</button>
    <lk-conference></lk-conference>
  </div>`);
  const conference = page.querySelector('lk-conference')!;
  await conference.updateComplete;
  return { page, conference };
}

describe('WebKit: the elements UI', () => {
  it('runs in WebKit with custom elements and shadow DOM', () => {
    expect(navigator.userAgent).to.contain('AppleWebKit');
    expect(navigator.userAgent).to.not.contain('Chrome');
    expect(customElements.get('lk-conference')).to.not.equal(undefined);
  });

  it('renders the conference: the grid, the labelled toolbar with every control, the notice', async () => {
    const { conference } = await conferenceInPage();
    const toolbar = inShadow(conference, '[part=control-bar]');
    expect(toolbar.getAttribute('role')).to.equal('toolbar');
    expect(toolbar.getAttribute('aria-label')).to.equal('Call controls');
    const controls = ['lk-microphone-toggle', 'lk-camera-toggle', 'lk-screenshare', 'lk-leave-button', '[part=chat-toggle]'];
    for (const selector of controls) {
      const element = inShadow(conference, selector);
      await (element as Partial<LkLeaveButton>).updateComplete;
      const box = element.getBoundingClientRect();
      expect(box.width > 0 && box.height > 0, `${selector} has a size`).to.equal(true);
      expect(toolbar.contains(element), `${selector} in the toolbar`).to.equal(true);
    }
    // WebKitGTK has getDisplayMedia: the screen share stays.
    expect(inShadow(conference, 'lk-screenshare').hidden).to.equal(false);
    expect(inShadow(conference, 'lk-participants').getBoundingClientRect().width).to.be.greaterThan(0);
    expect(inShadow(conference, '[part=notice]').checkVisibility()).to.equal(true);
    await expect(conference).to.be.accessible();
  });

  it('theme: follows the dark scheme the page prefers; theme="light|dark" on a room wins for everything inside it', async () => {
    expect(matchMedia('(prefers-color-scheme: dark)').matches, 'MiniBrowser runs with --dark-mode').to.equal(true);
    const page = await fixture<HTMLElement>(html`<div>
      <lk-leave-button class="plain"></lk-leave-button>
      <lk-room theme="light"><div><lk-leave-button class="light"></lk-leave-button></div></lk-room>
      <lk-room theme="dark"><lk-leave-button class="dark"></lk-leave-button></lk-room>
    </div>`);
    const [plain, light, dark] = ['.plain', '.light', '.dark'].map((s) => page.querySelector(s)!);
    expect([buttonBackground(plain), buttonColor(plain)]).to.deep.equal([DARK.bg2, DARK.fg]);
    expect([buttonBackground(light), buttonColor(light)]).to.deep.equal([LIGHT.bg2, LIGHT.fg]);
    expect([buttonBackground(dark), buttonColor(dark)]).to.deep.equal([DARK.bg2, DARK.fg]);
    light.closest('lk-room')!.setAttribute('theme', 'dark');
    expect(buttonBackground(light)).to.equal(DARK.bg2);
  });

  it('theme: a page sets --lk-* custom properties on an ancestor, on a room, or on one element', async () => {
    const page = await fixture<HTMLElement>(html`<div style="--lk-bg2: rgb(1, 2, 3)">
      <lk-leave-button class="a"></lk-leave-button>
      <lk-room style="--lk-bg2: rgb(4, 5, 6)"><lk-leave-button class="b"></lk-leave-button></lk-room>
      <lk-leave-button class="c" style="--lk-control-bg: rgb(7, 8, 9)"></lk-leave-button>
      <lk-conference style="--lk-conference-chat-width: 123px" chat-open></lk-conference>
    </div>`);
    expect(buttonBackground(page.querySelector('.a')!)).to.equal('rgb(1, 2, 3)');
    expect(buttonBackground(page.querySelector('.b')!)).to.equal('rgb(4, 5, 6)');
    expect(buttonBackground(page.querySelector('.c')!)).to.equal('rgb(7, 8, 9)');
    const conference = page.querySelector('lk-conference')!;
    await conference.updateComplete;
    expect(Math.round(inShadow(conference, '[part=chat-panel]').getBoundingClientRect().width)).to.equal(123);
  });

  it('::part styles what each element exposes, and nothing it does not', async () => {
    const style = document.createElement('style');
    style.textContent = `
      .styled lk-leave-button::part(button) { background-color: rgb(10, 20, 30); }
      .styled lk-conference::part(control-bar) { background-color: rgb(40, 50, 60); }
      .styled lk-conference::part(chat-toggle) { color: rgb(70, 80, 90); }
      .styled lk-conference::part(control) { outline: 3px solid rgb(100, 110, 120); }
      .styled lk-conference::part(button) { background-color: rgb(200, 0, 0); }
    `;
    document.head.append(style);
    try {
      const page = await fixture<HTMLElement>(html`<div class="styled"><lk-leave-button></lk-leave-button><lk-conference></lk-conference></div>`);
      const leave = page.querySelector('lk-leave-button')!;
      expect(buttonBackground(leave)).to.equal('rgb(10, 20, 30)');
      const conference = page.querySelector('lk-conference')!;
      expect(getComputedStyle(inShadow(conference, '[part=control-bar]')).backgroundColor).to.equal('rgb(40, 50, 60)');
      expect(getComputedStyle(inShadow(conference, '[part=chat-toggle]')).color).to.equal('rgb(70, 80, 90)');
      const innerLeave = inShadow(conference, 'lk-leave-button');
      expect(getComputedStyle(innerLeave).outlineColor).to.equal('rgb(100, 110, 120)');
      // The leave button's own `button` part is not exported through the conference.
      expect(buttonBackground(innerLeave)).to.not.equal('rgb(200, 0, 0)');
    } finally {
      style.remove();
    }
  });

  it('keyboard: Tab walks the toolbar in order past the disabled controls; Enter and Space work the chat button', async () => {
    const { page, conference } = await conferenceInPage();
    // The device pickers are enabled once they list WebKit's mock devices.
    const pickers = [...conference.shadowRoot!.querySelectorAll<LkDeviceSelect>('lk-device-select')];
    await waitFor(() => pickers.every((p) => p.devices.length > 0), 'mock devices listed');
    await Promise.all(pickers.map((p) => p.updateComplete));
    page.querySelector<HTMLButtonElement>('#before')!.focus();
    const order: (string | undefined)[] = [];
    for (let i = 0; i < 4; i++) {
      await sendKeys({ press: 'Tab' });
      order.push(focusedControl(conference));
    }
    // Microphone, camera, screen share and leave cannot be used here (no WebRTC): skipped.
    expect(order.slice(0, 3)).to.deep.equal(['lk-device-select', 'lk-device-select', 'chat-toggle']);
    expect(order[3]).to.not.equal('lk-leave-button');
    await sendKeys({ press: 'Shift+Tab' });
    expect(focusedControl(conference)).to.equal('chat-toggle');

    const chatButton = inShadow<HTMLButtonElement>(conference, '[part=chat-toggle]');
    const panel = inShadow(conference, '[part=chat-panel]');
    expect(panel.checkVisibility()).to.equal(false);
    await sendKeys({ press: 'Enter' });
    await conference.updateComplete;
    expect(conference.chatOpen).to.equal(true);
    expect(chatButton.getAttribute('aria-pressed')).to.equal('true');
    expect(panel.checkVisibility()).to.equal(true);
    await sendKeys({ press: 'Space' });
    await conference.updateComplete;
    expect(conference.chatOpen).to.equal(false);
    expect(chatButton.getAttribute('aria-pressed')).to.equal('false');
    expect(panel.checkVisibility()).to.equal(false);
  });

  it('the chat panel: closed it counts unread messages on its button; opened by a mouse click it shows them and clears the count', async () => {
    const { conference } = await conferenceInPage();
    const room = conference.livekitRoom;
    deliverLegacy(room, { id: 'w1', timestamp: Date.now(), message: 'while closed' });
    await waitFor(() => conference.shadowRoot!.querySelector('[part=unread]')?.textContent === '1', 'one unread on the chat button');
    // The bar settles first: the camera flip joins it once the cameras are listed, moving the button.
    const toggle = inShadow(conference, '[part=chat-toggle]');
    await steadyBox(toggle);
    await realClick(toggle);
    await conference.updateComplete;
    expect(conference.chatOpen).to.equal(true);
    const chat = inShadow<HTMLElementTagNameMap['lk-chat']>(conference, 'lk-chat');
    expect(chat.checkVisibility()).to.equal(true);
    await waitFor(() => chat.unread === 0, 'read once opened');
    expect(conference.shadowRoot!.querySelector('[part=unread]')).to.equal(null);
    expect([...chat.shadowRoot!.querySelectorAll('[part~=body]')].map((b) => b.textContent)).to.deep.equal(['while closed']);
  });

  it('<lk-device-select> lists WebKit\'s mock microphones and cameras, each with a label', async () => {
    const page = await fixture<HTMLElement>(html`<div><lk-device-select kind="audioinput"></lk-device-select><lk-device-select kind="videoinput"></lk-device-select></div>`);
    for (const picker of page.querySelectorAll<LkDeviceSelect>('lk-device-select')) {
      await waitFor(() => picker.devices.length > 0, `${picker.getAttribute('kind')} devices`);
      await picker.updateComplete;
      const options = [...picker.shadowRoot!.querySelectorAll('option')];
      expect(options.length).to.equal(picker.devices.length);
      expect(options.every((o) => o.textContent.trim() !== '')).to.equal(true);
    }
  });
});
