import type { ReactiveControllerHost } from 'lit';
import type { Participant } from 'livekit-client';
import { EmitterEventsController } from './emitter-events.js';

/** The events a `Participant` emits (livekit-client does not export their map). */
export type ParticipantEventName = Parameters<Participant['on']>[0];

export type ParticipantHandlers = Partial<Record<ParticipantEventName, (...args: never[]) => void>>;

/** Listens to a `Participant`'s events while the host is connected and one is set; releases them after. */
export class ParticipantEventsController extends EmitterEventsController<Participant> {
  constructor(host: ReactiveControllerHost, handlers: ParticipantHandlers) {
    super(host, handlers);
  }

  get participant(): Participant | undefined {
    return this.target;
  }

  set participant(participant: Participant | undefined) {
    this.target = participant;
  }
}
