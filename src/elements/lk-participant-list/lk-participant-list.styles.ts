import { css } from 'lit';

export const styles = css`
  :host {
    --_speaking: var(--lk-participant-list-speaking-color, var(--_lk-accent-bg));
    display: block;
    color: var(--_lk-fg);
    font: var(--_lk-font-size) / var(--lk-line-height, 1.4) var(--_lk-font-family);
  }

  [part='list'] {
    display: flex;
    flex-direction: column;
    gap: var(--lk-participant-list-gap, 0.25rem);
    margin: 0;
    padding: 0;
    list-style: none;
  }

  [part='list'][hidden] {
    display: none;
  }

  [part~='item'] {
    display: flex;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
    padding: 0.375rem 0.5rem;
    border-radius: var(--_lk-border-radius);
    background: var(--lk-participant-list-item-bg, var(--_lk-bg2));
  }

  [part='avatar'] {
    display: grid;
    flex: none;
    place-items: center;
    inline-size: 2em;
    block-size: 2em;
    border-radius: 50%;
    background: var(--_lk-bg4);
    font-size: 0.8em;
    font-weight: 600;
  }

  .speaking [part='avatar'] {
    box-shadow: 0 0 0 var(--lk-speaking-indicator-width, 2.5px) var(--_speaking);
  }

  .who {
    flex: 1;
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part='you'] {
    color: var(--_lk-fg2);
  }

  [part='speaking'],
  [part='mic'],
  [part='camera'] {
    display: inline-flex;
    flex: none;
  }

  [part='speaking'] {
    color: var(--_speaking);
    visibility: hidden;
  }

  .speaking [part='speaking'] {
    visibility: visible;
  }

  svg {
    inline-size: 1.125em;
    block-size: 1.125em;
  }

  .muted,
  .off {
    color: var(--_lk-fg2);
  }

  [part='mic'].muted {
    color: var(--lk-participant-list-muted-color, var(--_lk-danger));
  }

  [part='connection-quality'] {
    flex: none;
    inline-size: 1em;
    block-size: 1em;
  }

  [part='pin-button'] {
    display: inline-grid;
    place-items: center;
    flex: none;
    inline-size: 1.75em;
    block-size: 1.75em;
    padding: 0;
    border: 0;
    border-radius: var(--_lk-border-radius);
    background: transparent;
    color: var(--_lk-fg2);
    cursor: pointer;
  }

  [part='pin-button'][aria-pressed='true'] {
    color: var(--_lk-accent-bg);
  }

  [part='pin-button']:hover {
    background: var(--_lk-bg3);
  }

  [part='pin-button']:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 1px;
  }

  @media (pointer: coarse) {
    [part='pin-button'] {
      inline-size: 44px;
      block-size: 44px;
    }
  }
`;
