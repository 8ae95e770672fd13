import type { ReactiveController } from 'lit';
import { ParticipantEvent, RoomEvent, type Participant, type Room } from 'livekit-client';
import { ContextConsumer, participantContext } from '../context.js';
import { ParticipantEventsController, type ParticipantHandlers } from './participant-events.js';
import { RoomBindingController, type RoomBindingHost } from './room-binding.js';
import { RoomEventsController } from './room-events.js';

/** The `participant="…"` value that names the local participant. */
export const LOCAL_PARTICIPANT = 'local';

export type ParticipantBindingHost = RoomBindingHost & { participantIdentity?: string | null };

/** The participant of `room` whose identity is `identity`, local or remote. */
export function participantByIdentity(room: Room | undefined, identity: string): Participant | undefined {
  if (!room) return undefined;
  return room.localParticipant.identity === identity ? room.localParticipant : room.remoteParticipants.get(identity);
}

/** The participant `participant="…"` names in `room`: an identity, or `local` for the local participant. */
export function findParticipant(room: Room | undefined, name: string): Participant | undefined {
  return name === LOCAL_PARTICIPANT ? room?.localParticipant : participantByIdentity(room, name);
}

/** Participant events after which what a participant element shows may differ: each requests an update. */
const RENDER_EVENTS = [
  ParticipantEvent.TrackPublished,
  ParticipantEvent.TrackUnpublished,
  ParticipantEvent.TrackSubscribed,
  ParticipantEvent.TrackUnsubscribed,
  ParticipantEvent.TrackMuted,
  ParticipantEvent.TrackUnmuted,
  ParticipantEvent.TrackStreamStateChanged,
  ParticipantEvent.LocalTrackPublished,
  ParticipantEvent.LocalTrackUnpublished,
  ParticipantEvent.IsSpeakingChanged,
  ParticipantEvent.ConnectionQualityChanged,
  ParticipantEvent.ParticipantNameChanged,
] as const;

/**
 * Binds an element to a participant: the one set as its `participant` property, else the one its
 * `participant="identity|local"` attribute names in its room (see `RoomBindingController`), else the
 * one provided by the nearest `<lk-participant-tile>` or `<lk-participants>` item through context.
 * Follows joins, leaves and new rooms, and requests an update of the host whenever the participant
 * changes or one of its tracks, its name, speaking state or connection quality does.
 */
export class ParticipantBindingController implements ReactiveController {
  #fromContext?: Participant;
  #explicit?: Participant;
  #participant?: Participant;
  #identity?: string | null;

  readonly #roomEvents: RoomEventsController;
  readonly #participantEvents: ParticipantEventsController;
  readonly #roomBinding: RoomBindingController;

  constructor(
    private readonly host: ParticipantBindingHost,
    private readonly onChange?: (participant: Participant | undefined) => void,
  ) {
    host.addController(this);
    const resolve = () => this.#resolve();
    this.#roomEvents = new RoomEventsController(host, {
      [RoomEvent.ParticipantConnected]: resolve,
      [RoomEvent.ParticipantDisconnected]: resolve,
      [RoomEvent.ConnectionStateChanged]: resolve,
    });
    const update = () => host.requestUpdate();
    const handlers: ParticipantHandlers = {};
    for (const event of RENDER_EVENTS) handlers[event] = update;
    this.#participantEvents = new ParticipantEventsController(host, handlers);
    this.#roomBinding = new RoomBindingController(host, (room) => {
      this.#roomEvents.room = room;
      this.#resolve();
    });
    new ContextConsumer(host, participantContext, (participant) => {
      this.#fromContext = participant;
      this.#resolve();
    });
  }

  /** The bound participant, if any. */
  get participant(): Participant | undefined {
    return this.#participant;
  }

  /** A participant set from JavaScript; it wins over the attribute and the context. */
  get explicit(): Participant | undefined {
    return this.#explicit;
  }

  set explicit(participant: Participant | undefined) {
    this.#explicit = participant;
    this.#resolve();
  }

  /** The bound room, if any. */
  get room(): Room | undefined {
    return this.#roomBinding.room;
  }

  hostConnected(): void {
    this.#resolve();
    // Back in the page: the participant's tracks may have changed meanwhile.
    this.host.requestUpdate();
  }

  hostUpdate(): void {
    // `participant="…"` changed: resolve again.
    if ((this.host.participantIdentity ?? null) !== this.#identity) this.#resolve();
  }

  #resolve(): void {
    this.#identity = this.host.participantIdentity ?? null;
    const participant = this.#explicit ?? (this.#identity ? findParticipant(this.room, this.#identity) : this.#fromContext);
    if (participant === this.#participant) return;
    this.#participant = participant;
    this.#participantEvents.participant = participant;
    this.onChange?.(participant);
    this.host.requestUpdate();
  }
}
