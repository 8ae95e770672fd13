import { css } from 'lit';
import { visuallyHidden } from '../theme.styles.js';

export const styles = css`
  :host {
    display: block;
    box-sizing: border-box;
    color: var(--_lk-fg);
    font-family: var(--_lk-font-family);
    font-size: var(--lk-transcript-font-size, var(--_lk-font-size));
  }
  :host([mode='captions']) {
    font-size: var(--lk-transcript-font-size, 1.25rem);
    pointer-events: none;
  }
  .transcript {
    max-block-size: var(--lk-transcript-max-height, 100%);
    block-size: 100%;
    overflow-y: auto;
  }
  .transcript:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: -2px;
  }
  [part='segments'] {
    display: flex;
    flex-direction: column;
    gap: 0.375rem;
    margin: 0;
    padding: 0.5rem;
    list-style: none;
  }
  .transcript [part='speaker'] {
    display: block;
    font-size: 0.75em;
    font-weight: 600;
    color: var(--lk-transcript-speaker-fg, var(--_lk-fg2));
  }
  [part~='interim'] [part='text'] {
    opacity: var(--lk-transcript-interim-opacity, 0.7);
    font-style: italic;
  }
  [part='empty'] {
    margin: 0;
    padding: 0.5rem;
    color: var(--_lk-fg2);
  }
  /* Captions: centred lines with a dark box behind the text, legible over any picture. */
  .captions [part='segments'] {
    align-items: center;
    gap: 0.25rem;
    text-align: center;
  }
  .captions [part~='segment'] {
    max-inline-size: 100%;
    padding: 0.125em 0.5em;
    border-radius: 0.25em;
    background: var(--lk-transcript-caption-bg, rgb(0 0 0 / 0.75));
    color: var(--lk-transcript-caption-fg, #fff);
    line-height: 1.4;
    box-decoration-break: clone;
    -webkit-box-decoration-break: clone;
  }
  .captions [part='speaker'] {
    font-weight: 600;
    color: var(--lk-transcript-speaker-fg, inherit);
  }
  .captions [part='speaker']::after {
    content: ':';
  }
  .captions [part~='interim'] [part='text'] {
    font-style: normal;
  }
  .announcer {
    ${visuallyHidden}
  }
`;
