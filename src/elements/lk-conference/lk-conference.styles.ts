import { css } from 'lit';
import { visuallyHidden } from '../theme.styles.js';

export const styles = css`
  :host {
    display: grid;
    grid-template-rows: minmax(0, 1fr) auto auto;
    gap: 0.5rem;
    block-size: var(--lk-conference-height, 100%);
    min-block-size: 20rem;
    padding: 0.5rem;
    box-sizing: border-box;
    background: var(--_lk-bg);
    color: var(--_lk-fg);
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
  }
  /* The layout and the bar are size containers: the narrow rules below follow their width. */
  [part='layout'] {
    container-type: inline-size;
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    gap: 0.5rem;
    min-block-size: 0;
  }
  [part='participants'],
  slot[name='participants']::slotted(*) {
    min-block-size: 0;
  }
  slot[name='participants'] {
    display: grid;
    min-block-size: 0;
    grid-area: 1 / 1;
  }
  /* The captions lie over the bottom of the participants. */
  [part='captions'] {
    grid-area: 1 / 1;
    align-self: end;
    z-index: 1;
    margin-block-end: 0.5rem;
  }
  /* The recording notice lies over the top corner of the participants. */
  [part='recording'] {
    grid-area: 1 / 1;
    align-self: start;
    justify-self: start;
    /* Above the chat panel too, which opens over the grid when narrow. */
    z-index: 2;
    margin: 0.5rem;
  }
  [part='chat-panel'] {
    inline-size: var(--lk-conference-chat-width, 20rem);
    min-block-size: 0;
    display: grid;
  }
  /* The chat fills its panel. */
  [part='chat'],
  slot[name='chat']::slotted(*) {
    height: auto;
    min-height: 0;
  }
  /* Each picker sits next to its toggle, which already names it: keep the text for screen readers only. */
  [part='device-select']::part(text) {
    ${visuallyHidden}
  }
  [part='chat-panel'][hidden],
  [part='notice'][hidden] {
    display: none;
  }
  [part='notice'] {
    justify-self: center;
    padding: 0.25rem 0.75rem;
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg3);
  }
  [part='control-bar'] {
    container-type: inline-size;
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    align-items: center;
    gap: 0.5rem;
  }
  [part='chat-toggle'],
  [part='captions-toggle'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.625rem 1rem;
    border: 1px solid var(--_lk-border-color);
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg2);
    color: var(--_lk-fg);
    font: inherit;
    cursor: pointer;
  }
  [part='chat-toggle'][aria-pressed='true'],
  [part='captions-toggle'][aria-pressed='true'] {
    background: var(--_lk-bg4);
  }
  [part='chat-toggle']:focus-visible,
  [part='captions-toggle']:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }
  [part='unread'] {
    min-inline-size: 1.25rem;
    padding: 0 0.375rem;
    border-radius: 999px;
    background: var(--_lk-accent-bg);
    color: var(--_lk-accent-fg);
    font-size: 0.75rem;
    line-height: 1.25rem;
    text-align: center;
  }
  /* Narrow (a phone held upright): the chat opens over the grid, the bar shows icons only. */
  @container (max-width: 40rem) {
    [part='chat-panel'],
    [part='captions'],
    [part='recording'],
    slot[name='participants'] {
      grid-row: 1;
      grid-column: 1 / -1;
    }
    [part='chat-panel'] {
      z-index: 1;
      inline-size: auto;
    }
    [part='device-select'] {
      display: none;
    }
    [part='control']::part(label),
    [part='chat-toggle'] .label,
    [part='captions-toggle'] .label {
      ${visuallyHidden}
    }
    [part='control']::part(button),
    [part='chat-toggle'],
    [part='captions-toggle'] {
      padding-inline: 0.625rem;
    }
  }
  @media (pointer: coarse) {
    [part='chat-toggle'],
    [part='captions-toggle'] {
      box-sizing: border-box;
      min-block-size: 44px;
      min-inline-size: 44px;
      justify-content: center;
    }
  }
`;
