import { css, unsafeCSS } from 'lit';

/**
 * The theme: `--lk-*` tokens named like `@livekit/components-styles`, with light and dark defaults.
 *
 * Each element reads the private `--_lk-*` copies, which take the page's `--lk-*` value when one is
 * set (on the element or any ancestor) and the theme default otherwise. Without a `theme`
 * attribute the defaults follow `prefers-color-scheme`; `theme="light|dark"` on any `lk-*`
 * element sets the public tokens, so everything inside it follows.
 */
const light = {
  bg: '#ffffff',
  bg2: '#f3f4f6',
  bg3: '#e5e7eb',
  bg4: '#d1d5db',
  fg: '#111111',
  fg2: '#4b5563',
  'border-color': 'rgba(0, 0, 0, 0.15)',
  'accent-bg': '#1a6fd1',
  'accent-fg': '#ffffff',
  danger: '#c81e1e',
  'danger-fg': '#b91c1c',
  success: '#15803d',
  warning: '#a16207',
};

const dark: typeof light = {
  bg: '#111111',
  bg2: '#1e1e1e',
  bg3: '#2b2b2b',
  bg4: '#373737',
  fg: '#ffffff',
  fg2: '#c7c7c7',
  'border-color': 'rgba(255, 255, 255, 0.15)',
  'accent-bg': '#1a6fd1',
  'accent-fg': '#ffffff',
  danger: '#f91f31',
  'danger-fg': '#ff7b7b',
  success: '#1ff968',
  warning: '#f9b11f',
};

const privateCopies = (palette: typeof light) =>
  unsafeCSS(Object.entries(palette).map(([name, value]) => `--_lk-${name}: var(--lk-${name}, ${value});`).join('\n'));

const publicTokens = (palette: typeof light) => unsafeCSS(Object.entries(palette).map(([name, value]) => `--lk-${name}: ${value};`).join('\n'));

/**
 * Declarations that hide text from sight but keep it for screen readers (a label that stays a
 * button's accessible name): `[part='label'] { ${visuallyHidden} }`.
 */
export const visuallyHidden = css`
  position: absolute;
  inline-size: 1px;
  block-size: 1px;
  overflow: hidden;
  clip-path: inset(50%);
  white-space: nowrap;
`;

export const themeStyles = css`
  :host {
    ${privateCopies(light)}
    --_lk-border-radius: var(--lk-border-radius, 0.5rem);
    --_lk-font-family: var(--lk-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_lk-font-size: var(--lk-font-size, 0.9375rem);
    /* Inherited text properties cross shadow roots: pin them, so a page's reset does not reach in. */
    line-height: var(--lk-line-height, 1.4);
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-align: start;
    text-indent: 0;
    font-style: normal;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      ${privateCopies(dark)}
    }
  }
  :host([theme='light']) {
    ${publicTokens(light)}
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${publicTokens(dark)}
    color-scheme: dark;
  }
`;
