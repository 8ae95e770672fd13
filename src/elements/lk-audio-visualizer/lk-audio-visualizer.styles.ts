import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    block-size: var(--lk-audio-visualizer-height, 2em);
    vertical-align: middle;
  }

  .bars {
    display: flex;
    align-items: center;
    justify-content: center;
    gap: var(--lk-audio-visualizer-gap, 0.25em);
    block-size: 100%;
  }

  .bar {
    flex: none;
    inline-size: var(--lk-audio-visualizer-bar-width, 0.375em);
    /* The level (0…1) is set per bar through the CSSOM: no style attribute in the markup. */
    block-size: max(var(--lk-audio-visualizer-min-height, 0.375em), calc(var(--_level, 0) * 100%));
    border-radius: var(--lk-audio-visualizer-bar-radius, 999px);
    background: var(--lk-audio-visualizer-bar-color, var(--_lk-fg));
    transition: block-size 80ms linear;
  }

  :host([active]) .bar {
    background: var(--lk-audio-visualizer-active-color, var(--_lk-accent-bg));
  }

  @media (prefers-reduced-motion: reduce) {
    .bar {
      transition: none;
    }
  }
`;
