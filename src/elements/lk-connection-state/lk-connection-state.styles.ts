import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font: var(--lk-font-size, 0.875rem) / 1.4 var(--lk-font-family, system-ui, sans-serif);
    color: var(--lk-fg, inherit);
  }
`;
