import { css } from 'lit';

export const styles = css`
  :host {
    display: grid;
    gap: 0.75rem;
    inline-size: min(100%, var(--lk-prejoin-width, 28rem));
    padding: 1rem;
    border-radius: var(--lk-border-radius, 0.5rem);
    background: var(--lk-bg2, #1e1e1e);
    color: var(--lk-fg, #fff);
    font-family: var(--lk-font-family, system-ui, sans-serif);
    font-size: var(--lk-font-size, 0.9375rem);
    box-sizing: border-box;
  }
  :host([joined]) {
    display: none;
  }
  .stage {
    position: relative;
    aspect-ratio: 16 / 9;
    border-radius: var(--lk-border-radius, 0.5rem);
    overflow: hidden;
    background: var(--lk-bg, #111);
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
    background: var(--lk-bg3, #2b2b2b);
    overflow: hidden;
  }
  [part='level'] span {
    display: block;
    block-size: 100%;
    background: var(--lk-accent-bg, #1f8cf9);
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
    font: inherit;
    color: inherit;
    border-radius: var(--lk-border-radius, 0.5rem);
    border: 1px solid var(--lk-border-color, #5557);
    background: var(--lk-control-bg, var(--lk-bg3, #2b2b2b));
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
    background: var(--lk-control-active-bg, var(--lk-bg4, #373737));
  }
  button:disabled {
    opacity: 0.5;
    cursor: not-allowed;
  }
  :is(button, select, input):focus-visible {
    outline: 2px solid var(--lk-accent-bg, #1f8cf9);
    outline-offset: 2px;
  }
  .name {
    display: grid;
    gap: 0.25rem;
  }
  [part='notice'] p {
    margin: 0;
    color: var(--lk-danger-fg, #ff7b7b);
  }
  [part='join-button'] {
    justify-content: center;
    background: var(--lk-accent-bg, #1a6fd1);
    color: var(--lk-accent-fg, #fff);
    border-color: transparent;
    font-weight: 600;
  }
`;
