import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { RoomSession } from '../core/room-session.js';
import type { TranscriptSegment } from '../core/transcription.js';

/** What an element does with its room's transcriptions. */
export interface TranscriptionsOptions {
  /** Each change, with the list before it. Returns whether the host shows it (absent: always). */
  onChange?: (previous: readonly TranscriptSegment[], next: readonly TranscriptSegment[]) => boolean;
  /** Whether the host wants them at all, read at each update (absent: always). */
  enabled?: () => boolean;
}

/**
 * An element's share of its room's transcriptions: while the host is connected, bound to a session
 * (as `session()` says at each update) and `enabled()`, the session receives them and every change
 * reaches `onChange` and requests an update when it asks for one. Lets go when the host leaves the
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
    private readonly options: TranscriptionsOptions = {},
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
    const session = this.host.isConnected && (this.options.enabled?.() ?? true) ? this.session() : undefined;
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
        if (this.options.onChange?.(previous, next) ?? true) this.host.requestUpdate();
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
