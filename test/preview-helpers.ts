// What a page in `preview` must not do: reach the network or a device. Every way out of the page
// is wrapped (fetch, XMLHttpRequest, WebSocket, EventSource, sendBeacon, RTCPeerConnection,
// getUserMedia, getDisplayMedia), and the Resource Timing entries of the watched window are read.
// web-test-runner's own requests (its module loads, axe-core for an accessibility check, its report
// at the end of a file) happen outside the window. Also: waiting until a room's elements have rendered.
import type { LkConference, LkRoom } from '../src/index.js';
import { deepQueryAll } from './helpers.js';

/** Every way the page could reach the network or a device, recorded while `watch` is on. */
export class Watch {
  calls: string[] = [];
  #start = 0;
  #restore: (() => void)[] = [];

  on(): void {
    this.calls = [];
    this.#start = performance.now();
    const record = <T extends object>(owner: T, key: keyof T & string, what: string) => {
      const original = owner[key] as unknown;
      if (typeof original !== 'function') return;
      const calls = this.calls;
      const wrapped = function (this: unknown, ...args: unknown[]) {
        calls.push(`${what} ${String(args[0] instanceof Request ? args[0].url : args[0])}`);
        return (new.target ? Reflect.construct(original as new (...a: unknown[]) => unknown, args, new.target) : (original as (...a: unknown[]) => unknown).apply(this, args)) as unknown;
      };
      Object.defineProperty(owner, key, { configurable: true, writable: true, value: wrapped });
      this.#restore.push(() => Object.defineProperty(owner, key, { configurable: true, writable: true, value: original }));
    };
    record(window, 'fetch', 'fetch');
    record(window, 'WebSocket', 'WebSocket');
    record(window, 'EventSource', 'EventSource');
    record(window, 'RTCPeerConnection', 'RTCPeerConnection');
    record(XMLHttpRequest.prototype, 'open', 'XMLHttpRequest');
    record(navigator, 'sendBeacon', 'sendBeacon');
    if (navigator.mediaDevices) {
      record(navigator.mediaDevices, 'getUserMedia', 'getUserMedia');
      record(navigator.mediaDevices, 'getDisplayMedia', 'getDisplayMedia');
    }
  }

  /** The calls, and the resources the page loaded, since `on()`. */
  off(): string[] {
    this.#restore.reverse().forEach((restore) => restore());
    this.#restore = [];
    const loaded = performance.getEntriesByType('resource').filter((entry) => entry.startTime >= this.#start);
    return [...this.calls, ...loaded.map((entry) => `resource ${entry.name}`)];
  }
}


/** In `el`'s children and its shadow root, and every shadow root below. */
export const deep = <T extends Element>(el: Element, selector: string): T[] => [...deepQueryAll<T>(el, selector), ...(el.shadowRoot ? deepQueryAll<T>(el.shadowRoot, selector) : [])];

/** Until every element of the room has rendered what it has (each renders in its own update cycles). */
export async function settle(el: LkRoom | LkConference): Promise<void> {
  for (let round = 0; round < 10; round++) {
    const elements = [el, ...deep<HTMLElement>(el, '*')].filter((element) => element.localName.startsWith('lk-'));
    await Promise.all(elements.map((element) => (element as { updateComplete?: Promise<boolean> }).updateComplete ?? Promise.resolve(true)));
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!elements.some((element) => (element as { isUpdatePending?: boolean }).isUpdatePending)) return;
  }
}


