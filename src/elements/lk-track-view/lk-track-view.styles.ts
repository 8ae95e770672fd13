import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    position: relative;
    overflow: hidden;
    aspect-ratio: var(--lk-track-view-aspect-ratio, 16 / 9);
    background: var(--lk-track-view-bg, var(--_lk-bg2));
    color: var(--_lk-fg);
    border-radius: var(--lk-track-view-border-radius, 0);
  }

  :host([kind='audio']) {
    display: contents;
  }

  /* The video fills the host box and never sizes it: adaptive stream reads the size the page gives. */
  video {
    position: absolute;
    inset: 0;
    width: 100%;
    height: 100%;
    object-fit: var(--_fit, cover);
    background: transparent;
  }

  :host([mirrored]) video {
    transform: scaleX(-1);
  }

  /* Over the video rather than instead of it: the video stays laid out, so adaptive stream keeps
     seeing it and a track that unmutes shows at once. Rendered only while there is no picture. */
  [part='placeholder'] {
    position: absolute;
    z-index: 1;
    inset: 0;
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--lk-track-view-bg, var(--_lk-bg2));
  }
`;
