import { html, type PropertyDeclarations } from 'lit';
import { ParticipantEvent } from 'livekit-client';
import type { ParticipantEventName } from '../../controllers/participant-events.js';
import { displayName } from '../../core/participants.js';
import { LkParticipantElement } from '../participant-element.js';
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
export class LkParticipantName extends LkParticipantElement {
  static override properties: PropertyDeclarations = {
    localLabel: { attribute: 'local-label' },
    local: { type: Boolean, reflect: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['local'];

  static override styles = [LkParticipantElement.styles, styles];

  /** @internal */
  protected static override readonly participantEvents: readonly ParticipantEventName[] = [ParticipantEvent.ParticipantNameChanged];

  /** Shown instead of the local participant's own name, e.g. `You`. Unset: the name. */
  localLabel?: string;

  /** Whether the participant is the local one. Reflected for CSS. Read-only. @readonly */
  local = false;


  /** The text shown. */
  get text(): string {
    const participant = this.livekitParticipant;
    if (!participant) return '';
    if (participant.isLocal && this.localLabel) return this.localLabel;
    return displayName(participant);
  }

  protected override willUpdate(): void {
    this.local = !!this.livekitParticipant?.isLocal;
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
