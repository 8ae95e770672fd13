import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether a CSS media query matches (`(pointer: coarse)`), kept current through its `change`
 * event; the host updates when it flips. False where `matchMedia` is missing.
 */
export class MediaQueryController implements ReactiveController {
  matches = false;
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly query: string,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const list = globalThis.matchMedia?.(this.query);
    if (!list) return;
    this.#abort = new AbortController();
    this.matches = list.matches;
    list.addEventListener(
      'change',
      (event) => {
        this.matches = event.matches;
        this.host.requestUpdate();
      },
      { signal: this.#abort.signal },
    );
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
  }
}
