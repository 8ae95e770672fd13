import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font: var(--_lk-font-size) / 1.4 var(--_lk-font-family);
    color: var(--_lk-fg);
  }
`;
