import { css } from 'lit';

export const styles = css`
  :host {
    display: var(--lk-room-display, contents);
  }
`;
