import type { PropertyDeclarations } from 'lit';
import type { Participant, Room } from 'livekit-client';
import { ParticipantBindingController } from '../controllers/participant-binding.js';
import { LkElement } from './base.js';

/**
 * The base of the elements that show one participant (`<lk-participant-tile>`, `<lk-track-view>`,
 * `<lk-participant-name>`, `<lk-connection-quality>`): which participant, and in which room.
 */
export class LkParticipantElement extends LkElement {
  static override properties: PropertyDeclarations = {
    roomId: { attribute: 'room' },
    participantIdentity: { attribute: 'participant' },
  };

  /** The id of an `<lk-room>` to use instead of the enclosing one. */
  roomId?: string;

  /** The identity of the participant, or `local`. Without it: the participant of the enclosing tile or `<lk-participants>` item. */
  participantIdentity?: string;

  #binding = new ParticipantBindingController(this);

  /** The participant shown. Setting it pins one, over the attribute and the context. */
  get participant(): Participant | undefined {
    return this.#binding.participant;
  }

  set participant(participant: Participant | undefined) {
    this.#binding.explicit = participant;
  }

  /** The room this element uses. */
  get room(): Room | undefined {
    return this.#binding.room;
  }
}
