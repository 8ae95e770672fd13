import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--lk-grid-gap, 0.5rem);
    --_ratio: var(--lk-participants-tile-aspect-ratio, 16 / 9);
    display: block;
    overflow: auto;
    position: relative;
  }

  /* A size container: the narrow rule below follows the layout's width. */
  [part='layout'] {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    height: 100%;
  }

  [part='layout'].focus {
    grid-template-columns: minmax(0, 1fr) var(--lk-participants-strip-width, minmax(8rem, 22%));
    align-items: center;
  }

  /* At most --_cols columns, fewer when tiles would get narrower than the minimum width. */
  [part='grid'] {
    display: grid;
    gap: var(--_gap);
    grid-template-columns: repeat(
      auto-fill,
      minmax(max(var(--lk-participants-min-tile-width, 8rem), calc((100% - (var(--_cols) - 1) * var(--_gap)) / var(--_cols))), 1fr)
    );
    align-content: center;
  }

  .focus [part='grid'] {
    grid-template-columns: minmax(0, 1fr);
  }

  [part='focus'] {
    display: grid;
    min-width: 0;
  }

  /* The strip beside a focused tile scrolls: tiles out of its view receive no video. */
  .focus > [part='grid'] {
    max-height: 100%;
    overflow-y: auto;
    align-self: stretch;
    align-content: safe center;
  }


  /* Narrow (a phone held upright): the focused tile on top, the others in a grid below it. */
  @container (max-width: 40rem) {
    .focus > [part='focus'],
    .focus > [part='grid'] {
      grid-column: 1 / -1;
    }
    /* Together in the middle of the height: the focus at the foot of its row, the grid at the top of its. */
    .focus > [part='focus'] {
      align-self: end;
    }
    .focus > [part='grid'] {
      align-self: start;
      max-height: none;
      overflow-y: visible;
      grid-template-columns: repeat(auto-fill, minmax(var(--lk-participants-min-tile-width, 8rem), 1fr));
    }
  }

  ::slotted([slot='lk-item']),
  ::slotted([slot='lk-focus']) {
    position: relative;
    min-width: 0;
    aspect-ratio: var(--_ratio);
  }

  /* Audio tiles: square, initials and name, no video; as many columns as fit at the least width. */
  .audio {
    --_ratio: var(--lk-participants-tile-aspect-ratio, 1);
  }

  .audio > [part='grid'] {
    grid-template-columns: repeat(auto-fill, minmax(var(--lk-participants-min-tile-width, 8rem), 1fr));
    align-content: start;
  }

  /* Horizontal swipes turn the page; vertical ones still scroll. */
  [part='grid'].paged {
    touch-action: pan-y;
  }

  [part='pagination'] {
    position: absolute;
    inset-block-end: 0.5rem;
    inset-inline-start: 50%;
    translate: -50% 0;
    display: flex;
    align-items: center;
    gap: 0.25rem;
    padding: 0.25rem;
    border-radius: 999px;
    background: var(--lk-participants-pagination-bg, rgb(0 0 0 / 60%));
    color: var(--lk-participants-pagination-fg, #fff);
    font-size: 0.875rem;
    z-index: 1;
  }

  :host(:dir(rtl)) [part='pagination'] {
    translate: 50% 0;
  }

  /* In a right-to-left page, previous points right and next left. */
  :host(:dir(rtl)) [part~='page-button'] svg {
    scale: -1 1;
  }

  [part~='page-button'] {
    display: grid;
    place-items: center;
    min-width: 2rem;
    min-height: 2rem;
    padding: 0;
    border: 0;
    border-radius: 999px;
    background: transparent;
    color: inherit;
    cursor: pointer;
  }

  [part~='page-button']:hover:not(:disabled) {
    background: rgb(255 255 255 / 20%);
  }

  [part~='page-button']:focus-visible {
    outline: 2px solid var(--lk-accent-bg, #1f8cf9);
    outline-offset: 1px;
  }

  [part~='page-button']:disabled {
    opacity: 0.4;
    cursor: default;
  }

  [part='page-indicator'] {
    min-width: 3.5em;
    text-align: center;
    font-variant-numeric: tabular-nums;
  }

  @media (pointer: coarse) {
    [part~='page-button'] {
      min-width: 44px;
      min-height: 44px;
    }
  }

  /* Measures the least tile width and the gap for page-size="auto". */
  .probe {
    position: absolute;
    visibility: hidden;
    pointer-events: none;
    width: var(--lk-participants-min-tile-width, 8rem);
    aspect-ratio: var(--_ratio);
    column-gap: var(--_gap);
  }
`;
