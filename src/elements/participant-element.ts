import type { PropertyDeclarations } from 'lit';
import type { Participant, Room } from 'livekit-client';
import { ParticipantBindingController, RENDER_EVENTS } from '../controllers/participant-binding.js';
import type { ParticipantEventName } from '../controllers/participant-events.js';
import { LkRoomBoundElement } from './room-bound-element.js';

/**
 * The base of the elements that show one participant (`<lk-participant-tile>`, `<lk-track-view>`,
 * `<lk-participant-name>`, `<lk-connection-quality>`, `<lk-audio-visualizer>`): which participant,
 * in which room.
 */
export class LkParticipantElement extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    participant: { noAccessor: true },
  };

  /**
   * The participant events after which the element updates: by default every one that changes a
   * track, the name, speaking or connection quality; an element that shows less listens to less. @internal
   */
  protected static readonly participantEvents: readonly ParticipantEventName[] = RENDER_EVENTS;

  #chosen?: string | Participant;
  readonly #binding = new ParticipantBindingController(this, undefined, (this.constructor as typeof LkParticipantElement).participantEvents);

  /**
   * Which participant: an identity, or `local` (the attribute), or a livekit-client `Participant`
   * set from JavaScript. Without it: the participant of the enclosing tile or `<lk-participants>` item.
   */
  get participant(): string | Participant | undefined {
    return this.#chosen;
  }

  set participant(participant: string | Participant | undefined) {
    const old = this.#chosen;
    this.#chosen = participant ?? undefined;
    // Resolve now, so that this very update shows the new participant.
    this.#binding.chosenChanged();
    this.requestUpdate('participant', old);
  }

  /** The livekit-client `Participant` shown, however it was chosen. Read-only. @readonly */
  get livekitParticipant(): Participant | undefined {
    return this.#binding.participant;
  }

  protected override roomChanged(room: Room | undefined): void {
    this.#binding.roomChanged(room);
  }
}
