import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font-family: var(--lk-font-family, system-ui, sans-serif);
    font-size: var(--lk-font-size, 0.9375rem);
    color: var(--lk-fg, inherit);
  }
  label {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
  }
  select {
    font: inherit;
    padding: 0.375rem 0.5rem;
    border-radius: var(--lk-border-radius, 0.5rem);
    border: 1px solid var(--lk-border-color, #5557);
    background: var(--lk-control-bg, var(--lk-bg2, transparent));
    color: inherit;
    max-width: var(--lk-device-select-max-width, 16rem);
  }
  select:focus-visible {
    outline: 2px solid var(--lk-accent-bg, #1f8cf9);
    outline-offset: 2px;
  }
`;
