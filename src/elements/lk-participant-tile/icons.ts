import { html } from 'lit';

// Whole `<svg>`s, paths written into the template: a path passed in as a value would cost each
// tile a marker node more.

/** A struck-through microphone, named for screen readers. */
export const micMutedIcon = (label: string) =>
  html`<svg part="mic-muted" viewBox="0 0 16 16" role="img" aria-label=${label}><path fill="currentColor" d="M8 1a2.5 2.5 0 0 0-2.5 2.5v1.8l5 5V3.5A2.5 2.5 0 0 0 8 1Zm4.5 7h-1a3.5 3.5 0 0 1-.3 1.4l.8.8c.3-.7.5-1.4.5-2.2ZM1.9 1.2l-.7.7 4.3 4.3V8a2.5 2.5 0 0 0 3.7 2.2l.8.8A3.5 3.5 0 0 1 4.5 8h-1a4.5 4.5 0 0 0 4 4.5V15h1v-2.5a4.5 4.5 0 0 0 2.2-.8l3.4 3.4.7-.7Z"/></svg>`;

/** A screen, named for screen readers: the mark of a screen-share tile. */
export const screenIcon = (label: string) =>
  html`<svg part="screen-share-icon" viewBox="0 0 16 16" role="img" aria-label=${label}><path fill="currentColor" d="M1 2.5A1.5 1.5 0 0 1 2.5 1h11A1.5 1.5 0 0 1 15 2.5v8a1.5 1.5 0 0 1-1.5 1.5H9v1.5h2V15H5v-1.5h2V12H2.5A1.5 1.5 0 0 1 1 10.5Zm1.5 0v8h11v-8Z"/></svg>`;

/** A closed padlock, named for screen readers: the participant's media is end-to-end encrypted. */
export const lockIcon = (label: string) =>
  html`<svg part="encrypted" viewBox="0 0 16 16" role="img" aria-label=${label}><path fill="currentColor" d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7Zm2 2.5a1 1 0 0 1 .5 1.9V13h-1v-1.6A1 1 0 0 1 8 9.5Z"/></svg>`;

/** An open, struck-through padlock, named for screen readers: the participant's media cannot be decrypted here. */
export const lockFailedIcon = (label: string) =>
  html`<svg part="decrypt-failed" viewBox="0 0 16 16" role="img" aria-label=${label}><path fill="currentColor" d="M11.5 1A3.5 3.5 0 0 0 8 4.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1H9.5V4.5a2 2 0 1 1 4 0V6H15V4.5A3.5 3.5 0 0 0 11.5 1ZM1.9 1.2l-.7.7 13 13 .7-.7Z"/></svg>`;

/** The same screen, for the placeholder: decoration only. */
export const screenPlaceholder = html`<svg viewBox="0 0 16 16" aria-hidden="true"><path fill="currentColor" d="M1 2.5A1.5 1.5 0 0 1 2.5 1h11A1.5 1.5 0 0 1 15 2.5v8a1.5 1.5 0 0 1-1.5 1.5H9v1.5h2V15H5v-1.5h2V12H2.5A1.5 1.5 0 0 1 1 10.5Zm1.5 0v8h11v-8Z"/></svg>`;


/** The pin of the pin buttons (tile and participant list), a 16×16 path: bound as an attribute, it costs a tile no node. */
export const PIN_PATH = 'M10.3 1.3a1 1 0 0 1 1.4 0l3 3a1 1 0 0 1 0 1.4l-.8.8a1 1 0 0 1-1.1.2L10 9.5l.4 2.9a1 1 0 0 1-.3.8l-.7.7a.5.5 0 0 1-.7 0L5.6 10.8l-3.4 3.4-.7-.7 3.4-3.4-3.1-3.1a.5.5 0 0 1 0-.7l.7-.7a1 1 0 0 1 .8-.3L6.2 6l3.1-2.8a1 1 0 0 1 .2-1.1Z';
