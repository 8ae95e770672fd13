import { LitElement, css, type CSSResultGroup, type PropertyDeclarations } from 'lit';
import type { LkErrorDetail } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import type { LkEventDetails, LkEventName } from '../events.js';
import { themeStyles } from './theme.styles.js';

/**
 * The base of every `lk-*` element: a typed `emit()`, one way to report a problem, the theme, and
 * the shared host styles.
 */
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

  /**
   * Reports a problem the same way everywhere: an `lk-error` event and a console warning, both
   * `<element>: what was wrong; what is accepted`, with anything token-shaped redacted. @internal
   */
  reportError(detail: LkErrorDetail): void {
    const message = this.#format(detail.message);
    const value = detail.value === undefined ? undefined : redactSecrets(detail.value);
    console.warn(message);
    this.emit('lk-error', value === undefined ? { ...detail, message } : { ...detail, message, value });
  }

  /** A console warning in the same form as `reportError()`. @internal */
  warn(message: string): void {
    console.warn(this.#format(message));
  }

  #format(message: string): string {
    const prefix = `${this.localName}: `;
    return redactSecrets(message.startsWith(prefix) ? message : prefix + message);
  }
}
