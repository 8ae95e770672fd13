import { css } from 'lit';

export const styles = css`
  :host {
    display: flex;
    flex-direction: column;
    box-sizing: border-box;
    height: 24rem;
    min-height: 8rem;
    background: var(--_lk-bg2);
    color: var(--_lk-fg);
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
    border-radius: var(--_lk-border-radius);
    overflow: hidden;
  }
  /* The host's display would otherwise beat the browser's own rule for a closed popover. */
  :host([popover]:not(:popover-open)) {
    display: none;
  }
  [part='header'] {
    display: flex;
    align-items: center;
    justify-content: center;
    min-height: var(--lk-chat-header-height, auto);
    padding: 0.75rem;
    font-weight: 600;
  }
  [part='log'] {
    flex: 1;
    min-height: 0;
    overflow-y: auto;
  }
  [part='log']:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: -2px;
  }
  [part='messages'] {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    margin: 0;
    padding: 0 0.5rem 0.5rem;
    list-style: none;
  }
  [part~='message'] {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.125rem;
  }
  [part~='message-local'] {
    align-items: flex-end;
  }
  [part='meta'] {
    display: flex;
    gap: 0.5rem;
    padding: 0.5rem 0.3rem 0;
    font-size: 0.75rem;
    color: var(--lk-fg5, var(--_lk-fg2));
    white-space: nowrap;
  }
  [part='name'] {
    font-weight: 600;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  [part='body'] {
    max-width: calc(100% - 2rem);
    padding: 0.25rem 0.75rem;
    border-radius: 15px;
    background: var(--lk-accent4, var(--_lk-accent-bg));
    color: var(--_lk-accent-fg);
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  [part~='message-local'] [part='body'] {
    background: var(--lk-bg5, var(--_lk-bg4));
    color: var(--_lk-fg);
  }
  [part='error'] {
    padding: 0.375rem 0.75rem;
    color: var(--_lk-danger-fg);
    font-size: 0.875rem;
  }
  [part='error']:empty {
    padding: 0;
  }
  [part='form'] {
    display: flex;
    gap: 0.75rem;
    padding: 0.75rem;
    border-top: 1px solid var(--_lk-border-color);
  }
  [part='label'] {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  input {
    flex: 1;
    min-width: 0;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_lk-border-color);
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg);
    color: inherit;
    font: inherit;
  }
  input:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }
  button {
    padding: var(--lk-control-padding, 0.5rem 1rem);
    border: var(--lk-control-border, 1px solid transparent);
    border-radius: var(--_lk-border-radius);
    background: var(--lk-control-bg, var(--_lk-bg3));
    color: var(--lk-control-fg, var(--_lk-fg));
    font: inherit;
    cursor: pointer;
  }
  button:hover {
    background: var(--lk-control-hover-bg, var(--_lk-bg4));
  }
  :host([pending]) button {
    cursor: progress;
    opacity: 0.6;
  }
  /* Touch screens: targets a finger can hit (44 CSS px), and input text of at least 16 px, below
     which phone browsers zoom the page when the input takes focus. */
  @media (pointer: coarse) {
    input,
    button {
      box-sizing: border-box;
      min-block-size: 44px;
    }
    input {
      font-size: max(1em, 16px);
    }
  }
`;
