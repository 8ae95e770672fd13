import type { AttributeError } from '../core/attributes.js';
import { InvalidValue, type Parser } from '../core/grammar.js';
import { AttributeErrorReporter, type OptionsHost } from './attribute-options.js';

/**
 * Parses an element's own attributes (`source`, `fit`, `layout`, …) with the kit's grammars. A value
 * that does not parse gives the fallback; `report()` then reports it through
 * `AttributeErrorReporter`, once per value, as `lk-error` `invalid-attribute` and a warning. Parse
 * every attribute in `willUpdate()`, then call `report()`.
 */
export class AttributeParser {
  readonly #reporter: AttributeErrorReporter;
  #errors: AttributeError[] = [];

  constructor(host: OptionsHost) {
    this.#reporter = new AttributeErrorReporter(host);
  }

  /** The value of `attribute` (its property's value: a string, or a number set from JavaScript), or `fallback`. */
  parse<T>(attribute: string, property: string | number | null | undefined, parser: Parser<T>, fallback: T): T {
    if (property === null || property === undefined) return fallback;
    const value = String(property);
    try {
      return parser(value);
    } catch (err) {
      const accepted = err instanceof InvalidValue ? err.accepted : String(err);
      const detail = err instanceof InvalidValue && err.detail ? ` (${err.detail})` : '';
      const message = `${attribute}="${value}" is not valid${detail}; accepted: ${accepted}. Using the default.`;
      this.#errors.push({ attribute, value, accepted, message });
      return fallback;
    }
  }

  /** Reports the values that did not parse since the last call (each only once while it stays). */
  report(): void {
    this.#reporter.report(this.#errors);
    this.#errors = [];
  }
}
