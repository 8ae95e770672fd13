import { LitElement, css, defaultConverter, type CSSResultGroup, type PropertyDeclaration, type PropertyDeclarations } from 'lit';
import { LangController } from '../controllers/lang.js';
import type { LkErrorDetail } from '../core/errors.js';
import { redactSecrets } from '../core/redact.js';
import type { LkEventDetails, LkEventName } from '../events.js';
import { themeStyles } from './theme.styles.js';

/**
 * The base of every `lk-*` element: a typed `emit()`, one way to report a problem, the theme, the
 * language of its default texts (`i18n`, docs/languages.md), and the shared host styles.
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

  /** The element's language (the nearest `lang`) and its messages: `this.i18n.t('camera')`. @internal */
  protected readonly i18n = new LangController(this);

  /**
   * What removing an attribute returns its property to: each declared property's value before the
   * first attribute was applied (the class's default, or what a script set before any attribute).
   * Lit alone would set the property to `null`, which is no default at all (`kind` would be "null").
   */
  #defaults?: Map<PropertyKey, unknown>;

  /** The reflected properties the element alone writes (state for CSS: `connectionState`, `unread`, …). @internal */
  protected static readonly readOnlyProperties: readonly string[] = [];

  /**
   * Attributes follow two rules beyond Lit's: removing one returns its property to the default, and
   * a read-only attribute (its property in `readOnlyProperties`) is the element's to write: a page's
   * change is put back at the next update.
   */
  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    const ctor = this.constructor as typeof LitElement;
    const self = this as Record<PropertyKey, unknown>;
    this.#defaults ??= new Map([...ctor.elementProperties.keys()].map((key) => [key, self[key]]));
    const property = propertyOf(ctor, name);
    const options = property === undefined ? undefined : ctor.elementProperties.get(property);
    if (property === undefined || options === undefined || old === value) return super.attributeChangedCallback(name, old, value);
    const shown = reflection(options, self[property]);
    if ((ctor as typeof LkElement).readOnlyProperties.includes(property as string)) {
      if (value !== shown) this.requestUpdate(property, RESHOW);
      return;
    }
    // Not a removal, or the element's own reflection of a value that shows no attribute: Lit's way.
    if (value !== null || (options.reflect && shown === null)) return super.attributeChangedCallback(name, old, value);
    if (!this.#defaults.has(property)) return super.attributeChangedCallback(name, old, value);
    self[property] = this.#defaults.get(property);
    // A reflected default that shows an attribute (`source="camera"`) shows it again.
    if (options.reflect && reflection(options, self[property]) !== null) this.requestUpdate(property, RESHOW);
  }

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

/** The declared property an attribute sets, as Lit names attributes (`attribute`, else the lowercased property name). */
function propertyOf(ctor: typeof LitElement, attribute: string): PropertyKey | undefined {
  for (const [key, options] of ctor.elementProperties) {
    if (options.attribute === false || options.state) continue;
    const name = typeof options.attribute === 'string' ? options.attribute : typeof key === 'string' ? key.toLowerCase() : undefined;
    if (name === attribute) return key;
  }
  return undefined;
}

/** An old value no property ever had: `requestUpdate(property, RESHOW)` reflects the property again. */
const RESHOW = Symbol('lk-reshow');


/** The attribute value Lit reflects for `value` (`null`: no attribute). */
function reflection(options: PropertyDeclaration, value: unknown): string | null {
  const converter = typeof options.converter === 'object' && options.converter.toAttribute ? options.converter : defaultConverter;
  const shown = converter.toAttribute!(value, options.type);
  return shown === null || shown === undefined ? null : typeof shown === "string" ? shown : JSON.stringify(shown);
}
