import { css } from 'lit';

export const styles = css`
  :host {
    display: inline-block;
    font: var(--_lk-font-size) / 1.4 var(--_lk-font-family);
  }
  /* Not recording: the live region stays (empty, no box) so that the start is announced. */
  :host([recording]) [part='badge'] {
    display: inline-flex;
    align-items: center;
    gap: 0.375rem;
    padding: 0.125rem 0.625rem;
    border-radius: 999px;
    background: var(--lk-recording-indicator-bg, var(--_lk-bg3));
    color: var(--lk-recording-indicator-fg, var(--_lk-fg));
  }
  [part='dot'] {
    inline-size: 0.625rem;
    block-size: 0.625rem;
    border-radius: 50%;
    background: var(--lk-recording-indicator-dot, var(--_lk-danger));
    flex: none;
  }
  @media (prefers-reduced-motion: no-preference) {
    [part='dot'] {
      animation: lk-recording-pulse 2s ease-in-out infinite;
    }
  }
  @keyframes lk-recording-pulse {
    50% {
      opacity: 0.4;
    }
  }
  @media (forced-colors: active) {
    [part='dot'] {
      background: CanvasText;
    }
  }
`;
