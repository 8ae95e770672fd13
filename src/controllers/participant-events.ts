import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Participant } from 'livekit-client';

/** The events a `Participant` emits (livekit-client does not export their map). */
type ParticipantEventName = Parameters<Participant['on']>[0];

export type ParticipantHandlers = Partial<Record<ParticipantEventName, (...args: never[]) => void>>;

/**
 * Listens to a `Participant`'s events while the host is connected and a participant is set. Every
 * listener it adds, it removes: when the participant changes and when the host leaves the DOM.
 */
export class ParticipantEventsController implements ReactiveController {
  #participant?: Participant;
  #hostConnected = false;
  #subscribed = false;

  constructor(host: ReactiveControllerHost, private readonly handlers: ParticipantHandlers) {
    host.addController(this);
  }

  get participant(): Participant | undefined {
    return this.#participant;
  }

  set participant(participant: Participant | undefined) {
    if (participant === this.#participant) return;
    this.#unsubscribe();
    this.#participant = participant;
    this.#subscribe();
  }

  hostConnected(): void {
    this.#hostConnected = true;
    this.#subscribe();
  }

  hostDisconnected(): void {
    this.#hostConnected = false;
    this.#unsubscribe();
  }

  #subscribe(): void {
    if (!this.#participant || !this.#hostConnected || this.#subscribed) return;
    for (const [event, handler] of Object.entries(this.handlers)) this.#participant.on(event as ParticipantEventName, handler);
    this.#subscribed = true;
  }

  #unsubscribe(): void {
    if (!this.#participant || !this.#subscribed) return;
    for (const [event, handler] of Object.entries(this.handlers)) this.#participant.off(event as ParticipantEventName, handler);
    this.#subscribed = false;
  }
}
