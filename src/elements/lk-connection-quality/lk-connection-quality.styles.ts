import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    font: var(--_lk-font-size) / 1.4 var(--_lk-font-family);
    color: var(--_lk-fg);
    --_on: currentColor;
  }

  :host([quality='excellent']) {
    --_on: var(--lk-connection-excellent, #06db4d);
  }

  :host([quality='good']) {
    --_on: var(--lk-connection-good, #f9b11f);
  }

  :host([quality='poor']),
  :host([quality='lost']) {
    --_on: var(--lk-connection-poor, #f91f31);
  }

  svg {
    width: var(--lk-connection-quality-size, 1em);
    height: var(--lk-connection-quality-size, 1em);
    flex: none;
  }

`;
