import { css } from 'lit';

export const styles = css`
  :host {
    --_gap: var(--lk-grid-gap, 0.5rem);
    display: block;
    overflow: auto;
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
      grid-template-columns: repeat(auto-fill, minmax(var(--lk-participants-min-tile-width, 8rem), 1fr));
    }
  }

  ::slotted([slot='lk-item']),
  ::slotted([slot='lk-focus']) {
    position: relative;
    min-width: 0;
    aspect-ratio: var(--lk-participants-tile-aspect-ratio, 16 / 9);
  }
`;
