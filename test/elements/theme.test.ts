import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import '../../src/index.js';
import type { LkLeaveButton } from '../../src/index.js';
import { DARK, LIGHT, buttonBackground, buttonColor } from '../theme.js';

describe('look and feel: theme tokens, light and dark', () => {
  afterEach(() => emulateMedia({ colorScheme: 'light' }));

  it('follows prefers-color-scheme without a theme attribute', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const el = await fixture<LkLeaveButton>(html`<lk-leave-button></lk-leave-button>`);
    expect(buttonBackground(el)).to.equal(LIGHT.bg2);
    expect(buttonColor(el)).to.equal(LIGHT.fg);
    await emulateMedia({ colorScheme: 'dark' });
    expect(buttonBackground(el)).to.equal(DARK.bg2);
    expect(buttonColor(el)).to.equal(DARK.fg);
  });

  it('theme="dark" on a room applies to everything inside it, whatever the page prefers', async () => {
    await emulateMedia({ colorScheme: 'light' });
    const room = await fixture(html`<lk-room theme="dark"><div><lk-leave-button></lk-leave-button></div></lk-room>`);
    const leave = room.querySelector<LkLeaveButton>('lk-leave-button')!;
    expect(buttonBackground(leave)).to.equal(DARK.bg2);
    room.setAttribute('theme', 'light');
    expect(buttonBackground(leave)).to.equal(LIGHT.bg2);
  });

  it('a page sets tokens on :root, on a room, or on one element', async () => {
    const page = await fixture(html`<div style="--lk-bg2: rgb(1, 2, 3)">
      <lk-leave-button class="a"></lk-leave-button>
      <lk-room style="--lk-bg2: rgb(4, 5, 6)"><lk-leave-button class="b"></lk-leave-button></lk-room>
      <lk-leave-button class="c" style="--lk-control-bg: rgb(7, 8, 9)"></lk-leave-button>
    </div>`);
    expect(buttonBackground(page.querySelector('.a')!)).to.equal('rgb(1, 2, 3)');
    expect(buttonBackground(page.querySelector('.b')!)).to.equal('rgb(4, 5, 6)');
    expect(buttonBackground(page.querySelector('.c')!)).to.equal('rgb(7, 8, 9)');
  });

  it('leaks nothing into the page: no document style sheets, page buttons untouched', async () => {
    const page = await fixture(html`<div><button class="plain">plain</button><lk-room><lk-camera-toggle></lk-camera-toggle><lk-prejoin no-persist></lk-prejoin></lk-room></div>`);
    expect(document.adoptedStyleSheets).to.have.length(0);
    const sheets = [...document.styleSheets].map((s) => s.ownerNode as Element | null);
    // Only the test runner's own sheets, none from the kit.
    expect(sheets.filter((node) => node?.textContent?.includes('--lk-') || node?.textContent?.includes('--_lk-'))).to.deep.equal([]);
    const plain = page.querySelector<HTMLButtonElement>('.plain')!;
    const reference = document.createElement('button');
    document.body.append(reference);
    expect(getComputedStyle(plain).backgroundColor).to.equal(getComputedStyle(reference).backgroundColor);
    expect(getComputedStyle(plain).borderRadius).to.equal(getComputedStyle(reference).borderRadius);
    reference.remove();
  });

  it('a host page global reset (Tailwind-preflight-like) does not change the elements', async () => {
    const measure = async () => {
      const el = await fixture<HTMLElement>(html`<lk-room><lk-camera-toggle label="Camera"></lk-camera-toggle></lk-room>`);
      const toggle = el.querySelector('lk-camera-toggle')!;
      const button = toggle.shadowRoot!.querySelector('button')!;
      const style = getComputedStyle(button);
      const box = button.getBoundingClientRect();
      return { width: Math.round(box.width), height: Math.round(box.height), bg: style.backgroundColor, padding: style.padding, radius: style.borderRadius, font: style.fontFamily };
    };
    const before = await measure();
    const reset = document.createElement('style');
    // The rules of Tailwind's preflight that reach furthest, and a classic CSS reset.
    reset.textContent = `
      *, ::before, ::after { box-sizing: border-box; border: 0 solid; margin: 0; padding: 0; }
      button, input, select, textarea { font: inherit; color: inherit; background: transparent; border-radius: 0; }
      button { background-color: transparent; background-image: none; }
      svg, video, canvas, img { display: block; max-width: 100%; height: auto; }
      html { font-family: serif; line-height: 3; }
    `;
    document.head.append(reset);
    try {
      const after = await measure();
      expect({ ...after, font: undefined }).to.deep.equal({ ...before, font: undefined });
      expect(after.font).to.equal(before.font);
    } finally {
      reset.remove();
    }
  });
});
