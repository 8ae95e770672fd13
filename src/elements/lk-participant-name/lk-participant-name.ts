import { html, type PropertyDeclarations } from 'lit';
import type { Participant, Room } from 'livekit-client';
import { ParticipantBindingController } from '../../controllers/participant-binding.js';
import { displayName } from '../../core/participants.js';
import { LkElement } from '../base.js';
import { styles } from './lk-participant-name.styles.js';

/**
 * A participant's name as text (its identity when it has no name), following renames. Always text:
 * a name that looks like HTML is shown as it is written, never parsed.
 *
 * Which participant: the `participant` property, else `participant="identity|local"` in its room,
 * else the participant of the enclosing `<lk-participant-tile>` or `<lk-participants>` item.
 *
 * @summary A participant's name, as text.
 * @tag lk-participant-name
 *
 * @csspart name - The text.
 *
 * @cssprop [--lk-participant-name-fg=inherit] - Text colour.
 */
export class LkParticipantName extends LkElement {
  static override properties: PropertyDeclarations = {
    roomId: { attribute: 'room' },
    participantIdentity: { attribute: 'participant' },
    localLabel: { attribute: 'local-label' },
    local: { type: Boolean, reflect: true },
  };

  static override styles = [LkElement.styles, styles];

  /** The id of an `<lk-room>` to use instead of the enclosing one. */
  roomId?: string;

  /** The identity of the participant, or `local`. Without it: the participant of the enclosing tile. */
  participantIdentity?: string;

  /** Shown instead of the local participant's own name, e.g. `You`. Unset: the name. */
  localLabel?: string;

  /** Whether the participant is the local one. Reflected for CSS. Read-only. @readonly */
  local = false;

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

  /** The text shown. */
  get text(): string {
    const participant = this.participant;
    if (!participant) return '';
    if (participant.isLocal && this.localLabel) return this.localLabel;
    return displayName(participant);
  }

  protected override willUpdate(): void {
    this.local = !!this.participant?.isLocal;
  }

  protected override render() {
    // A text binding: the name becomes a text node, never markup.
    return html`<span part="name">${this.text}</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-participant-name': LkParticipantName;
  }
}
