import { css } from 'lit';
import { visuallyHidden } from '../theme.styles.js';

export const styles = css`
  /* A size container: the narrow rule below follows the box's own width. */
  :host {
    container-type: inline-size;
    display: grid;
    gap: 0.75rem;
    inline-size: min(100%, var(--lk-prejoin-width, 28rem));
    padding: 1rem;
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg2);
    color: var(--_lk-fg);
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
    box-sizing: border-box;
  }
  :host([joined]) {
    display: none;
  }
  .stage {
    position: relative;
    aspect-ratio: 16 / 9;
    border-radius: var(--_lk-border-radius);
    overflow: hidden;
    background: var(--_lk-bg);
    display: grid;
    place-items: center;
  }
  [part='preview'] {
    inline-size: 100%;
    block-size: 100%;
    object-fit: cover;
    transform: scaleX(-1);
  }
  [part='preview'][hidden] {
    display: none;
  }
  [part='placeholder'] {
    font-size: 2.5rem;
    font-weight: 600;
    opacity: 0.7;
  }
  [part='level'] {
    block-size: 0.375rem;
    border-radius: 999px;
    background: var(--_lk-bg3);
    overflow: hidden;
  }
  [part='level'] span {
    display: block;
    block-size: 100%;
    background: var(--_lk-accent-bg);
    transition: inline-size 0.1s linear;
  }
  .devices {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.5rem;
    align-items: center;
  }
  button,
  select,
  input {
    box-sizing: border-box;
    font: inherit;
    color: inherit;
    border-radius: var(--_lk-border-radius);
    border: 1px solid var(--_lk-border-color);
    background: var(--lk-control-bg, var(--_lk-bg3));
    padding: 0.5rem 0.75rem;
    min-inline-size: 0;
  }
  button {
    display: inline-flex;
    align-items: center;
    gap: 0.5rem;
    cursor: pointer;
  }
  button[aria-pressed='true'] {
    background: var(--lk-control-active-bg, var(--_lk-bg4));
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :is(button, select, input):focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }
  .name {
    display: grid;
    gap: 0.25rem;
  }
  [part='notice'] p {
    margin: 0;
    color: var(--_lk-danger-fg);
  }
  [part='join-button'] {
    justify-content: center;
    background: var(--_lk-accent-bg);
    color: var(--_lk-accent-fg);
    border-color: transparent;
    font-weight: 600;
  }
  /* Narrow (a phone held upright): the camera and microphone switches show their icon only, the
     label stays their accessible name, and the pickers get the room. */
  @container (max-width: 26rem) {
    .devices button .label {
      ${visuallyHidden}
    }
  }
  /* Touch screens: targets a finger can hit (44 CSS px). */
  @media (pointer: coarse) {
    button,
    select,
    input {
      min-block-size: 44px;
    }
    button {
      min-inline-size: 44px;
      justify-content: center;
    }
  }
`;
