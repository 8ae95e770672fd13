import { css } from 'lit';

/** The look of every control's button; themed with `--lk-*` tokens. */
export const buttonStyles = css`
  :host {
    display: inline-block;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    padding: var(--lk-control-padding, 0.625rem 1rem);
    border: var(--lk-control-border, 1px solid transparent);
    border-radius: var(--lk-border-radius, 0.5rem);
    background: var(--lk-control-bg, var(--lk-bg2, #1e1e1e));
    color: var(--lk-control-fg, var(--lk-fg, #fff));
    font: inherit;
    font-family: var(--lk-font-family, system-ui, sans-serif);
    font-size: var(--lk-font-size, 0.9375rem);
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--lk-control-hover-bg, var(--lk-bg3, #2b2b2b));
  }
  button:focus-visible {
    outline: 2px solid var(--lk-accent-bg, #1f8cf9);
    outline-offset: 2px;
  }
  :host([pressed]) button {
    background: var(--lk-control-active-bg, var(--lk-bg4, #373737));
  }
  button:disabled,
  button[aria-disabled='true'] {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :host([pending]) button {
    cursor: progress;
  }
`;
