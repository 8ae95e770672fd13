/**
 * Which tile of a room is pinned, shared by every element of the room through its session: a pin
 * button on one tile, the `pinned` attribute on another, the `<lk-participants>` focus and the page
 * all read and write the same state. One tile at a time, as in a meeting's "pin for me".
 */
import type { PinTarget } from './layout.js';

export class PinState extends EventTarget {
  #pinned?: PinTarget;

  /** The pinned tile, if any. */
  get pinned(): PinTarget | undefined {
    return this.#pinned;
  }

  isPinned(identity: string | undefined, source: string): boolean {
    return !!identity && this.#pinned?.identity === identity && this.#pinned.source === source;
  }

  /** Pins a tile (replacing the one pinned before), or unpins with `undefined`. Fires `change` when that changes anything. */
  pin(target: PinTarget | undefined): void {
    const next = target && { identity: target.identity, source: target.source };
    if (next?.identity === this.#pinned?.identity && next?.source === this.#pinned?.source) return;
    this.#pinned = next;
    this.dispatchEvent(new Event('change'));
  }

  /** Unpins `identity`'s tiles (it left the room). */
  forget(identity: string): void {
    if (this.#pinned?.identity === identity) this.pin(undefined);
  }
}
