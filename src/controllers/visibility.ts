import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Whether a person can see the host: it has a box in the viewport (not `hidden`, not inside a
 * `display: none` ancestor, a closed `<details>`, `<dialog>` or popover, not scrolled away) and the
 * page itself is visible (not a background tab). Calls `onChange` whenever that may have changed.
 */
export class VisibilityController implements ReactiveController {
  #intersecting = false;
  #observer?: IntersectionObserver;
  #abort?: AbortController;
  #frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & Element,
    private readonly onChange: (seen: boolean) => void,
  ) {
    host.addController(this);
  }

  /**
   * The host is on screen in a visible page. The observer reports on a later frame, so
   * `checkVisibility()` is asked too: a chat hidden a moment ago already counts as not seen. If it
   * is shown again before the observer noticed either change, the observer will not report at all:
   * while the two disagree, `onChange` is called again on the next frame.
   */
  get seen(): boolean {
    const laidOut = this.host.checkVisibility?.() ?? true;
    if (this.#intersecting && !laidOut && this.#observer && !this.#frame) {
      this.#frame = requestAnimationFrame(() => {
        this.#frame = 0;
        this.onChange(this.seen);
      });
    }
    return this.#intersecting && laidOut && document.visibilityState === 'visible';
  }

  hostConnected(): void {
    this.#observer = new IntersectionObserver((entries) => {
      this.#intersecting = entries[entries.length - 1].isIntersecting;
      this.onChange(this.seen);
    });
    this.#observer.observe(this.host);
    this.#abort = new AbortController();
    document.addEventListener('visibilitychange', () => this.onChange(this.seen), { signal: this.#abort.signal });
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    this.#observer = undefined;
    this.#abort?.abort();
    this.#abort = undefined;
    this.#intersecting = false;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
  }
}
