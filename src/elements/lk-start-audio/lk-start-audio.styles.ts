import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
  }

  :host(:not([blocked])) {
    display: none;
  }

  button {
    padding: var(--lk-control-padding, 0.625rem 1rem);
    border: 0;
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-accent-bg);
    color: var(--_lk-accent-fg);
    font: inherit;
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
    cursor: pointer;
  }

  button:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }
`;
