import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
    color: var(--_lk-fg);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  select {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border-radius: var(--_lk-border-radius);
    border: 1px solid var(--_lk-border-color);
    background: var(--lk-control-bg, var(--_lk-bg2));
    color: inherit;
    max-width: var(--lk-device-select-max-width, 16rem);
  }
  select:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }
`;
