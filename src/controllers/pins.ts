import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { PinState } from '../core/pins.js';

/**
 * Updates the host whenever the pinned tile of its room changes. `pins()` gives the bound room
 * session's pin state (it can change with the binding); asked before every update.
 */
export class PinsController implements ReactiveController {
  #pins?: PinState;
  #abort?: AbortController;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly pins: () => PinState | undefined,
  ) {
    host.addController(this);
  }

  /** The room's pin state (once bound to a room session). */
  get state(): PinState | undefined {
    return this.#pins;
  }

  /** The pinned tile of the room, if any. */
  get pinned() {
    return this.#pins?.pinned;
  }

  hostUpdate(): void {
    const pins = this.pins();
    if (pins === this.#pins) return;
    this.#abort?.abort();
    this.#pins = pins;
    this.#abort = pins && new AbortController();
    pins?.addEventListener('change', () => this.host.requestUpdate(), { signal: this.#abort!.signal });
  }

  hostConnected(): void {
    // Watched again at the next update.
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.#abort?.abort();
    this.#abort = undefined;
    this.#pins = undefined;
  }
}
