import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    height: 100%;
    min-width: 0;
    aspect-ratio: var(--lk-participant-tile-aspect-ratio, 16 / 9);
    overflow: hidden;
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg2);
    color: var(--_lk-fg);
    font: var(--_lk-font-size) / var(--lk-line-height, 1.4) var(--_lk-font-family);
  }

  /* An audio tile: square unless the page says otherwise. */
  :host([source='microphone']) {
    aspect-ratio: var(--lk-participant-tile-aspect-ratio, 1);
  }

  [part='base'] {
    position: absolute;
    inset: 0;
  }

  [part='media'] {
    display: block;
    position: absolute;
    inset: 0;
  }

  [part='track-view'] {
    width: 100%;
    height: 100%;
    aspect-ratio: auto;
  }

  [part='placeholder'] {
    display: flex;
    align-items: center;
    justify-content: center;
    width: 100%;
    height: 100%;
    color: var(--_lk-fg2);
    container-type: size;
  }

  [part='initials'] {
    display: grid;
    place-items: center;
    width: min(50cqmin, 6rem);
    aspect-ratio: 1;
    border-radius: 50%;
    background: var(--lk-participant-tile-initials-bg, var(--_lk-bg4));
    font-size: clamp(0.625rem, 14cqmin, 2.5rem);
    font-weight: 600;
  }

  /* An audio tile: the initials, the bars under them. */
  :host([source='microphone']) [part='placeholder'] {
    flex-direction: column;
    gap: 0.5rem;
  }

  [part='placeholder'] svg {
    width: min(30%, 4rem);
    height: auto;
  }

  [part='metadata'] {
    position: absolute;
    inset: auto 0.25rem 0.25rem 0.25rem;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    line-height: 1;
  }

  [part='identity'],
  [part='connection-quality'] {
    display: inline-flex;
    align-items: center;
    gap: 0.25rem;
    min-width: 0;
    padding: 0.25rem;
    border-radius: calc(var(--_lk-border-radius) / 2);
    background: var(--lk-participant-tile-metadata-bg, rgb(0 0 0 / 60%));
    color: var(--lk-participant-tile-metadata-fg, #fff);
  }

  [part='name'] {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  [part='mic-muted'],
  [part='encrypted'],
  [part='decrypt-failed'],
  [part='screen-share-icon'] {
    width: 1em;
    height: 1em;
    flex: none;
  }

  [part='mic-muted'] {
    color: var(--_lk-danger);
  }

  [part='encrypted'] {
    color: var(--lk-participant-tile-encrypted-color, currentColor);
  }

  [part='decrypt-failed'] {
    color: var(--_lk-warning);
  }

  /* The bars' box: their size, and the padding around them. */
  [part='connection-quality'] {
    display: block;
    box-sizing: content-box;
    flex: none;
    width: var(--lk-connection-quality-size, 1em);
    height: var(--lk-connection-quality-size, 1em);
  }

  /* The speaking ring: quick to appear, slower to fade. */
  [part='base']::after {
    content: '';
    position: absolute;
    inset: 0;
    border-radius: inherit;
    border: 0 solid var(--lk-participant-tile-speaking-color, var(--_lk-accent-bg));
    transition: border-width 0.4s 0.5s;
    pointer-events: none;
  }

  :host([speaking]:not([source='screen_share'])) [part='base']::after {
    border-width: var(--lk-speaking-indicator-width, 2.5px);
    transition: border-width 0.2s;
  }

  /* The pin button: in the top corner, shown while the tile is hovered or focused, and while pinned. */
  [part='pin-button'] {
    position: absolute;
    inset-block-start: 0.25rem;
    inset-inline-end: 0.25rem;
    display: grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    padding: 0;
    border: 0;
    border-radius: calc(var(--_lk-border-radius) / 2);
    background: var(--lk-participant-tile-metadata-bg, rgb(0 0 0 / 60%));
    color: var(--lk-participant-tile-metadata-fg, #fff);
    cursor: pointer;
    opacity: 0;
    transition: opacity 0.15s;
  }

  [part='pin-button'][hidden] {
    display: none;
  }

  [part='pin-button'] svg {
    width: 1rem;
    height: 1rem;
  }

  :host(:hover) [part='pin-button'],
  [part='pin-button']:focus-visible,
  :host([pinned]) [part='pin-button'] {
    opacity: 1;
  }

  :host([pinned]) [part='pin-button'] {
    color: var(--lk-participant-tile-speaking-color, var(--_lk-accent-bg));
  }

  [part='pin-button']:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 1px;
  }

  /* On a touch screen: always there, a 44 px target, drawn as the icon alone. */
  @media (pointer: coarse) {
    [part='pin-button'] {
      opacity: 1;
      width: 44px;
      height: 44px;
      inset-block-start: 0;
      inset-inline-end: 0;
      background: transparent;
    }

    [part='pin-button'] svg {
      filter: drop-shadow(0 0 2px rgb(0 0 0 / 80%));
    }
  }

  @media (prefers-reduced-motion: reduce) {
    [part='pin-button'] {
      transition: none;
    }
  }
`;
