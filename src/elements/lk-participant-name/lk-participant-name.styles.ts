import { css } from 'lit';

export const styles = css`
  :host {
    display: inline;
    font: inherit;
    color: var(--lk-participant-name-fg, inherit);
  }

  [part='name'] {
    overflow-wrap: anywhere;
  }
`;
