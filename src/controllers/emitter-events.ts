import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Listener = (...args: never[]) => void;

/** What livekit-client's `Room` and `Participant` have in common: typed `on` / `off`. */
interface Emitter {
  on(event: string, listener: Listener): unknown;
  off(event: string, listener: Listener): unknown;
}

/**
 * Listens to an emitter's events (a `Room`, a `Participant`) while the host is connected and a
 * target is set. Every listener it adds, it removes: when the target changes and when the host
 * leaves the DOM.
 */
export class EmitterEventsController<T extends object> implements ReactiveController {
  #target?: T;
  #hostConnected = false;
  #subscribed = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly handlers: Partial<Record<string, Listener>>,
  ) {
    host.addController(this);
  }

  protected get target(): T | undefined {
    return this.#target;
  }

  protected set target(target: T | undefined) {
    if (target === this.#target) return;
    this.#unsubscribe();
    this.#target = target;
    this.#subscribe();
  }

  hostConnected(): void {
    this.#hostConnected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#hostConnected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    if (!this.#target || !this.#hostConnected || this.#subscribed) return;
    const emitter = this.#target as unknown as Emitter;
    for (const [event, handler] of Object.entries(this.handlers)) if (handler) emitter.on(event, handler);
    this.#subscribed = true;
  }

  #unsubscribe(): void {
    if (!this.#target || !this.#subscribed) return;
    const emitter = this.#target as unknown as Emitter;
    for (const [event, handler] of Object.entries(this.handlers)) if (handler) emitter.off(event, handler);
    this.#subscribed = false;
  }
}
