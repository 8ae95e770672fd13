import { html, nothing, type PropertyDeclarations } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { RoomEvent, type Room } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { TranscriptionsController } from '../../controllers/transcriptions.js';
import { displayName } from '../../core/participants.js';
import {
  DEFAULT_LINES,
  DEFAULT_MAX_SEGMENTS,
  capSegments,
  newlyFinal,
  parseLines,
  parseMaxSegments,
  parseMode,
  type TranscriptMode,
  type TranscriptSegment,
} from '../../core/transcription.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-transcript.styles.js';

/** How many announcements the live region holds: older ones leave it (they were read already). */
const ANNOUNCED = 5;

interface Announcement {
  id: string;
  text: string;
}

/**
 * Live transcriptions of the room, as LiveKit Agents send them (text streams on topic
 * `lk.transcription`, see docs/captions.md): each spoken segment with its speaker's name, interim
 * text replaced in place by the final text. `mode="captions"` shows the last `lines` segments, for
 * laying over the video; `mode="transcript"` (the default) a scrolling history that follows the
 * newest segment unless the reader scrolled up. Who spoke: the owner of the transcribed track when
 * that track is in the room, otherwise the stream's sender. Text is shown as text, never markup.
 *
 * Screen readers hear each final segment once, through a visually hidden polite live region;
 * interim text is never announced.
 *
 * @summary Live captions and transcript of the room's speech.
 * @tag lk-transcript
 *
 * @csspart log - The box around the segments (scrolls in transcript mode).
 * @csspart segments - The list of segments.
 * @csspart segment - One segment; also `interim` (still changing) or `final`, and `local` when the local participant spoke.
 * @csspart speaker - The speaker's name.
 * @csspart text - The segment's text.
 * @csspart empty - The text shown while there is nothing to show (transcript mode only).
 *
 * @cssprop [--lk-transcript-font-size=inherit] - Text size (captions: 1.25rem).
 * @cssprop [--lk-transcript-caption-bg=rgb(0 0 0 / 0.75)] - Behind each caption.
 * @cssprop [--lk-transcript-caption-fg=#fff] - Caption text colour.
 * @cssprop [--lk-transcript-interim-opacity=0.7] - The opacity of interim text.
 * @cssprop [--lk-transcript-speaker-fg] - The speaker's name colour (transcript mode: `--lk-fg2`).
 * @cssprop [--lk-transcript-max-height=100%] - The transcript's height before it scrolls.
 *
 * @fires lk-error - `invalid-attribute` for a bad `mode`, `lines` or `max-segments`.
 */
export class LkTranscript extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    mode: { reflect: true },
    lines: {},
    maxSegments: { attribute: 'max-segments' },
    participant: {},
    label: {},
    emptyLabel: { attribute: 'empty-label' },
    localLabel: { attribute: 'local-label' },
    announced: { state: true },
  };

  static override styles = [LkElement.styles, styles];

  /** `transcript` (the default): a scrolling history. `captions`: the last `lines` segments, for laying over video. Reflected. */
  mode: string = 'transcript';

  /** Captions mode: how many segments show (1 to 10). Default 2. */
  lines?: string | number;

  /** How many segments the transcript keeps (1 to 1000); older ones go first. Default 100. */
  maxSegments?: string | number;

  /** Only this participant's speech (an identity). Absent: everyone's. */
  participant?: string;

  /** The accessible name of the list of segments. Default: "Transcript" in the page's language. */
  label?: string;

  /** Shown in transcript mode while nothing was said. Default: "No transcriptions yet." in the page's language. */
  emptyLabel?: string;

  /** Shown instead of the local participant's own name, e.g. `You`. Unset: the name. */
  localLabel?: string;

  private announced: readonly Announcement[] = [];

  #attrs = new AttributeParser(this);
  #mode: TranscriptMode = 'transcript';
  #lines = DEFAULT_LINES;
  #maxSegments = DEFAULT_MAX_SEGMENTS;
  #stickToBottom = true;

  #transcriptions = new TranscriptionsController(this, () => this.session, {
    onChange: (previous, next) => {
      this.#announce(previous, next);
      return true;
    },
  });
  #events = new RoomEventsController(this, {
    [RoomEvent.ParticipantNameChanged]: () => this.requestUpdate(),
    [RoomEvent.ParticipantConnected]: () => this.requestUpdate(),
  });

  protected override roomChanged(room: Room | undefined): void {
    this.#events.room = room;
    this.announced = [];
  }

  /** The segments shown, oldest first: the room's, filtered by `participant`, at most `max-segments` (captions: `lines`). Read-only. @readonly */
  get segments(): readonly TranscriptSegment[] {
    const wanted = this.participant;
    const all = this.#transcriptions.segments;
    const mine = wanted ? all.filter((segment) => segment.participantIdentity === wanted) : all;
    return capSegments(mine, this.#mode === 'captions' ? Math.min(this.#lines, this.#maxSegments) : this.#maxSegments);
  }

  protected override willUpdate(): void {
    this.#mode = this.#attrs.parse('mode', this.mode, parseMode, 'transcript');
    this.#lines = this.#attrs.parse('lines', this.lines, parseLines, DEFAULT_LINES);
    this.#maxSegments = this.#attrs.parse('max-segments', this.maxSegments, parseMaxSegments, DEFAULT_MAX_SEGMENTS);
    this.#attrs.report();
    const log = this.#log;
    // Follow new speech while the reader is at the end.
    if (log) this.#stickToBottom = log.scrollHeight - log.scrollTop - log.clientHeight < 32;
  }

  protected override updated(): void {
    const log = this.#log;
    if (log && this.#stickToBottom && this.#mode === 'transcript') log.scrollTop = log.scrollHeight;
  }

  get #log(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('[part~=log]');
  }

  protected override render() {
    const segments = this.segments;
    const captions = this.#mode === 'captions';
    return html`<div part="log" class=${captions ? 'captions' : 'transcript'} tabindex=${captions || segments.length === 0 ? nothing : '0'} role="region" aria-label=${this.label ?? this.i18n.t('transcript')}>
        ${segments.length === 0 && !captions ? html`<p part="empty">${this.emptyLabel ?? this.i18n.t('noTranscriptions')}</p>` : nothing}
        <ol part="segments" aria-live="off">
          ${repeat(
            segments,
            (segment) => segment.segmentId,
            (segment) => {
              const local = this.livekitRoom?.localParticipant.identity === segment.participantIdentity;
              return html`<li
                part="segment ${segment.final ? 'final' : 'interim'}${local ? ' local' : ''}"
                data-segment-id=${segment.segmentId}
                data-identity=${segment.participantIdentity}
              >
                <span part="speaker">${this.#name(segment.participantIdentity)}</span>
                <span part="text">${segment.text}</span>
              </li>`;
            },
          )}
        </ol>
      </div>
      <div class="announcer" aria-live="polite" aria-atomic="false" aria-relevant="additions">
        ${repeat(
          this.announced,
          (announcement) => announcement.id,
          (announcement) => html`<p>${announcement.text}</p>`,
        )}
      </div>`;
  }

  #name(identity: string): string {
    const room = this.livekitRoom;
    if (room && identity === room.localParticipant.identity && this.localLabel) return this.localLabel;
    const participant = room?.getParticipantByIdentity(identity);
    return participant ? displayName(participant) : identity;
  }

  /** Segments newly final go to the live region, once each (interim text never does). */
  #announce(previous: readonly TranscriptSegment[], next: readonly TranscriptSegment[]): void {
    const wanted = this.participant;
    const fresh = newlyFinal(previous, next).filter((segment) => !wanted || segment.participantIdentity === wanted);
    if (fresh.length === 0) return;
    const added = fresh.map((segment) => ({ id: segment.segmentId, text: `${this.#name(segment.participantIdentity)}: ${segment.text}` }));
    const known = new Set(this.announced.map((announcement) => announcement.id));
    this.announced = capSegments([...this.announced, ...added.filter((announcement) => !known.has(announcement.id))], ANNOUNCED);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-transcript': LkTranscript;
  }
}
