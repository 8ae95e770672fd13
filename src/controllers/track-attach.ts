import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Track } from 'livekit-client';

/**
 * Attaches tracks to the host's media elements with livekit-client's `track.attach(element)`, so
 * that adaptive stream observes the element's real size and visibility, and detaches them again.
 *
 * The host says what should be attached in its `updated()` (`set()`); the controller attaches what
 * is new and detaches what is gone. When the host leaves the DOM everything is detached, unless it
 * comes back at once (a move): then each track is attached again, which restarts playback that the
 * browser paused when the element left the document, without a detach in between.
 */
export class TrackAttachController implements ReactiveController {
  #wanted = new Map<HTMLMediaElement, Track>();
  #attached = new Map<HTMLMediaElement, Track>();

  constructor(private readonly host: ReactiveControllerHost & Element) {
    host.addController(this);
  }

  /** The tracks attached now, by element. */
  get attached(): ReadonlyMap<HTMLMediaElement, Track> {
    return this.#attached;
  }

  /** What should be attached: every other attachment this controller made is detached. */
  set(pairs: Iterable<readonly [HTMLMediaElement, Track]>): void {
    this.#wanted = new Map(pairs);
    if (this.host.isConnected) this.#apply(false);
  }

  hostConnected(): void {
    this.#apply(true);
  }

  hostDisconnected(): void {
    // A move is a removal followed at once by an insertion: only a real removal detaches.
    queueMicrotask(() => {
      if (!this.host.isConnected) this.#detachAll();
    });
  }

  #apply(replay: boolean): void {
    for (const [element, track] of this.#attached) {
      if (this.#wanted.get(element) === track) continue;
      track.detach(element);
      this.#attached.delete(element);
    }
    for (const [element, track] of this.#wanted) {
      if (!replay && this.#attached.get(element) === track) continue;
      track.attach(element);
      this.#attached.set(element, track);
    }
  }

  #detachAll(): void {
    for (const [element, track] of this.#attached) track.detach(element);
    this.#attached.clear();
  }
}
