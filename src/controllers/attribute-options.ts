import type { ReactiveControllerHost } from 'lit';
import type { AttributeError } from '../core/attributes.js';
import type { LkErrorDetail } from '../core/errors.js';

export interface OptionsHost extends ReactiveControllerHost, HTMLElement {
  reportError(detail: LkErrorDetail): void;
}

/**
 * Reports the invalid values of an element's option attributes: each one once as `lk-error`
 * `invalid-attribute` and a console warning, and again only when its value changes.
 */
export class AttributeErrorReporter {
  #reported = new Map<string, string>();

  constructor(private readonly host: OptionsHost) {}

  report(errors: readonly AttributeError[]): void {
    for (const error of errors) {
      if (this.#reported.get(error.attribute) === error.value) continue;
      this.host.reportError({ code: 'invalid-attribute', ...error });
    }
    this.#reported = new Map(errors.map((e) => [e.attribute, e.value]));
  }
}
