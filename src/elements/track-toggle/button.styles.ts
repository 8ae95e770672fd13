import { css } from 'lit';
import { visuallyHidden } from '../theme.styles.js';

/** The look of every control's button; themed with `--lk-*` tokens. */
export const buttonStyles = css`
  :host {
    display: inline-block;
  }
  button {
    box-sizing: border-box;
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: var(--lk-control-padding, 0.625rem 1rem);
    border: var(--lk-control-border, 1px solid var(--_lk-border-color));
    border-radius: var(--_lk-border-radius);
    background: var(--lk-control-bg, var(--_lk-bg2));
    color: var(--lk-control-fg, var(--_lk-fg));
    font: inherit;
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--lk-control-hover-bg, var(--_lk-bg3));
  }
  button:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }
  :host([pressed]) button {
    background: var(--lk-control-active-bg, var(--_lk-bg4));
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  /* The reason a control cannot be used, for assistive technology (sighted people get the title). */
  .reason {
    ${visuallyHidden}
  }
  :host([pending]) button {
    cursor: progress;
  }
  /* Touch screens: a target a finger can hit (44 CSS px, as WCAG 2.5.5 and Apple's guidelines ask). */
  @media (pointer: coarse) {
    button {
      min-block-size: 44px;
      min-inline-size: 44px;
      justify-content: center;
    }
  }
`;
