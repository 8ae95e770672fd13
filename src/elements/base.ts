import { LitElement, css, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { LkEventDetails, LkEventName } from '../events.js';
import { themeStyles } from './theme.styles.js';

/** The base of every `lk-*` element: a typed `emit()`, the theme, and the shared host styles. */
export class LkElement extends LitElement {
  static override properties: PropertyDeclarations = {
    theme: { reflect: true },
  };

  static override styles: CSSResultGroup = [
    themeStyles,
    css`
      :host([hidden]) {
        display: none !important;
      }
    `,
  ];

  /** `light` or `dark` for this element and everything inside it; absent: the page's `prefers-color-scheme`. */
  theme?: 'light' | 'dark';

  /** Dispatches an `lk-*` event that bubbles and crosses shadow roots. @internal */
  emit<K extends LkEventName>(name: K, detail: LkEventDetails[K]): boolean {
    return this.dispatchEvent(new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: false }));
  }
}
