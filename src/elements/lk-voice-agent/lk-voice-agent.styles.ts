import { css } from 'lit';

export const styles = css`
  :host {
    display: block;
    color: var(--_lk-fg);
    font-family: var(--_lk-font-family);
    font-size: var(--_lk-font-size);
    --_offset: var(--lk-voice-agent-offset, 1rem);
  }
  /* A launcher takes no room in the page: its corner is fixed to the window. */
  :host([launcher]) {
    display: contents;
  }
  [hidden] {
    display: none !important;
  }

  .panel {
    box-sizing: border-box;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 0.75rem;
    inline-size: var(--lk-voice-agent-width, 22rem);
    max-inline-size: 100%;
    padding: 1rem;
    border: 1px solid var(--_lk-border-color);
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg);
  }

  .corner {
    position: fixed;
    inset-block-end: var(--_offset);
    z-index: var(--lk-voice-agent-z-index, 1000);
    display: flex;
    flex-direction: column-reverse;
    gap: 0.75rem;
  }
  .corner.bottom-right {
    inset-inline-end: var(--_offset);
    align-items: flex-end;
  }
  .corner.bottom-left {
    inset-inline-start: var(--_offset);
    align-items: flex-start;
  }
  .corner .panel {
    max-inline-size: calc(100vw - 2 * var(--_offset));
    max-block-size: calc(100vh - 3 * var(--_offset) - var(--lk-voice-agent-launcher-size, 3.5rem));
    overflow: auto;
    box-shadow: 0 0.5rem 2rem rgba(0, 0, 0, 0.25);
  }

  button {
    box-sizing: border-box;
    min-block-size: 44px;
    min-inline-size: 44px;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5rem;
    border-radius: var(--_lk-border-radius);
    font: inherit;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--_lk-accent-bg);
    outline-offset: 2px;
  }

  .launcher {
    inline-size: var(--lk-voice-agent-launcher-size, 3.5rem);
    block-size: var(--lk-voice-agent-launcher-size, 3.5rem);
    padding: 0;
    border: 0;
    border-radius: 50%;
    background: var(--lk-voice-agent-launcher-bg, var(--_lk-accent-bg));
    color: var(--lk-voice-agent-launcher-fg, var(--_lk-accent-fg));
    box-shadow: 0 0.25rem 1rem rgba(0, 0, 0, 0.25);
  }
  /* In a conversation: a ring round the launcher, also while the panel is closed. */
  :host(:not([state='disconnected'])) .launcher {
    box-shadow:
      0 0 0 3px var(--_lk-bg),
      0 0 0 6px var(--lk-voice-agent-launcher-bg, var(--_lk-accent-bg)),
      0 0.25rem 1rem rgba(0, 0, 0, 0.25);
  }
  .launcher svg {
    inline-size: 1.5rem;
    block-size: 1.5rem;
  }

  .header {
    align-self: stretch;
    display: flex;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
  }
  .title {
    font-weight: 600;
  }
  .close {
    padding: 0;
    border: 0;
    background: transparent;
    color: var(--_lk-fg);
  }
  .close:hover {
    background: var(--_lk-bg2);
  }

  .visualizer {
    --lk-audio-visualizer-height: var(--lk-voice-agent-visualizer-height, 4rem);
    --lk-audio-visualizer-bar-width: 0.75em;
    --lk-audio-visualizer-gap: 0.375em;
  }
  :host(:not([state='speaking'])) .visualizer {
    opacity: 0.6;
  }

  .status {
    margin: 0;
    min-block-size: 1.4em;
    color: var(--_lk-fg2);
    text-align: center;
  }
  .message {
    margin: 0;
    padding: 0.5rem 0.75rem;
    border-radius: var(--_lk-border-radius);
    background: var(--_lk-bg2);
    color: var(--_lk-danger-fg);
    text-align: center;
  }

  .start {
    padding: 0.625rem 1.25rem;
    border: 0;
    background: var(--_lk-accent-bg);
    color: var(--_lk-accent-fg);
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.5rem;
  }
  .controls > *::part(button) {
    min-block-size: 44px;
    min-inline-size: 44px;
    justify-content: center;
  }

  .transcript {
    align-self: stretch;
    max-block-size: 12rem;
  }
`;
