import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomSession } from '../core/room-session.js';
import type { TranscriptSegment } from '../core/transcription.js';

/**
 * An element's share of its room's transcriptions: while the host is connected and bound to a
 * session (as `session()` says at each update), the session receives them and every change reaches
 * `onChange` (with the list before it) and requests an update. Lets go when the host leaves the
 * page or binds to another session.
 */
export class TranscriptionsController implements ReactiveController {
  #session?: RoomSession;
  #release?: () => void;
  #listening?: AbortController;
  #previous: readonly TranscriptSegment[] = [];

  constructor(
    private readonly host: ReactiveControllerHost & { isConnected: boolean },
    private readonly session: () => RoomSession | undefined,
    private readonly onChange?: (previous: readonly TranscriptSegment[], next: readonly TranscriptSegment[]) => void,
    private readonly enabled: () => boolean = () => true,
  ) {
    host.addController(this);
  }

  /** The room's segments, oldest first (empty while unbound). */
  get segments(): readonly TranscriptSegment[] {
    return this.#session?.transcriptions.segments ?? [];
  }

  hostConnected(): void {
    // The next update subscribes, once the host read its attributes.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#close();
  }

  #sync(): void {
    const session = this.host.isConnected && this.enabled() ? this.session() : undefined;
    if (session === this.#session) return;
    this.#close();
    this.#session = session;
    if (!session) return;
    this.#release = session.watchTranscriptions();
    this.#listening = new AbortController();
    this.#previous = session.transcriptions.segments;
    session.transcriptions.addEventListener(
      'change',
      () => {
        const next = session.transcriptions.segments;
        const previous = this.#previous;
        this.#previous = next;
        this.onChange?.(previous, next);
        this.host.requestUpdate();
      },
      { signal: this.#listening.signal },
    );
  }

  #close(): void {
    this.#listening?.abort();
    this.#listening = undefined;
    this.#release?.();
    this.#release = undefined;
    this.#session = undefined;
  }
}
