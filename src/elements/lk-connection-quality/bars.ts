import { css } from 'lit';

// A connection quality icon is three bars in an `<svg>` with the class `q0`…`q3` (how many are lit,
// `qualityBars()`), their colour from `--_on`. Each element writes the bars into its own template:
// given as a value they would cost a marker node more in each tile.

/** Bars off, and the first one, two or three lit. */
export const barsStyles = css`
  rect {
    fill: var(--lk-connection-quality-off, color-mix(in srgb, currentColor 30%, transparent));
  }

  .q1 rect:first-child,
  .q2 rect:nth-child(-n + 2),
  .q3 rect {
    fill: var(--_on);
  }
`;

/** The message of each quality in a tile: `<lk-connection-quality>`'s default labels. */
export const QUALITY_KEYS = {
  excellent: 'qualityExcellent',
  good: 'qualityGood',
  poor: 'qualityPoor',
  lost: 'qualityLost',
  unknown: 'qualityUnknown',
} as const;

/** The bars' colour for each quality (`--_on`), on elements that have the class of their quality. */
export const qualityColours = css`
  .excellent {
    --_on: var(--lk-connection-excellent, #06db4d);
  }

  .good {
    --_on: var(--lk-connection-good, #f9b11f);
  }

  .poor,
  .lost {
    --_on: var(--lk-connection-poor, #f91f31);
  }
`;
