import type { ReactiveController } from 'lit';
import { ParticipantEvent, RoomEvent, type Participant, type Room } from 'livekit-client';
import { ContextConsumer, participantContext } from '../context.js';
import { ParticipantEventsController, type ParticipantEventName, type ParticipantHandlers } from './participant-events.js';
import type { RoomBindingHost } from './room-binding.js';
import { SharedRoomEventsController } from './shared-room-events.js';

/** The `participant="…"` value that names the local participant. */
export const LOCAL_PARTICIPANT = 'local';

/** An element that shows a participant: `participant` is an identity, `local`, or a `Participant`. */
export type ParticipantBindingHost = RoomBindingHost & { participant?: string | Participant | null };

/** The participant of `room` whose identity is `identity`, local or remote. */
export function participantByIdentity(room: Room | undefined, identity: string): Participant | undefined {
  if (!room) return undefined;
  return room.localParticipant.identity === identity ? room.localParticipant : room.remoteParticipants.get(identity);
}

/** The participant `participant="…"` names in `room`: an identity, or `local` for the local participant. */
export function findParticipant(room: Room | undefined, name: string): Participant | undefined {
  return name === LOCAL_PARTICIPANT ? room?.localParticipant : participantByIdentity(room, name);
}

/** Participant events after which a participant's tracks may differ. */
export const TRACK_EVENTS = [
  ParticipantEvent.TrackPublished,
  ParticipantEvent.TrackUnpublished,
  ParticipantEvent.TrackSubscribed,
  ParticipantEvent.TrackUnsubscribed,
  ParticipantEvent.TrackMuted,
  ParticipantEvent.TrackUnmuted,
  ParticipantEvent.TrackStreamStateChanged,
  ParticipantEvent.LocalTrackPublished,
  ParticipantEvent.LocalTrackUnpublished,
] as const;

/** Participant events after which what a participant element shows may differ: each requests an update. */
export const RENDER_EVENTS = [
  ...TRACK_EVENTS,
  ParticipantEvent.IsSpeakingChanged,
  ParticipantEvent.ConnectionQualityChanged,
  ParticipantEvent.ParticipantNameChanged,
] as const;

/** Room events after which `participant="identity"` may name another participant (or one at last). */
const RESOLVE_EVENTS = [RoomEvent.ParticipantConnected, RoomEvent.ParticipantDisconnected, RoomEvent.ConnectionStateChanged] as const;

/**
 * Binds an element to a participant: a `Participant` set as its `participant` property, else the one
 * its `participant="identity|local"` attribute names in its room (handed over by `roomChanged()`),
 * else the one provided by the nearest `<lk-participant-tile>` or `<lk-participants>` item through context.
 * Follows joins, leaves and new rooms, and requests an update of the host whenever the participant
 * changes or one of its tracks, its name, speaking state or connection quality does.
 *
 * Only an identity is looked up in the room, so only then does it follow the room's joins and
 * leaves, through the listeners all such elements of a Room share: a participant from context or
 * set as an object needs none.
 */
export class ParticipantBindingController implements ReactiveController {
  #fromContext?: Participant;
  #participant?: Participant;
  #chosen?: string | Participant | null;
  #room?: Room;

  readonly #roomEvents: SharedRoomEventsController;
  readonly #participantEvents: ParticipantEventsController;

  constructor(
    private readonly host: ParticipantBindingHost,
    private readonly onChange?: (participant: Participant | undefined) => void,
    /** The participant events that request an update: those that change what the host shows. */
    events: readonly ParticipantEventName[] = RENDER_EVENTS,
  ) {
    host.addController(this);
    this.#roomEvents = new SharedRoomEventsController(host, RESOLVE_EVENTS, () => this.#resolve());
    const update = () => host.requestUpdate();
    const handlers: ParticipantHandlers = {};
    for (const event of events) handlers[event] = update;
    this.#participantEvents = new ParticipantEventsController(host, handlers);
    new ContextConsumer(host, participantContext, (participant) => {
      this.#fromContext = participant;
      this.#resolve();
    });
  }

  /** The bound participant, if any. */
  get participant(): Participant | undefined {
    return this.#participant;
  }

  /** The bound room changed. */
  roomChanged(room: Room | undefined): void {
    this.#room = room;
    this.#resolve();
  }

  hostConnected(): void {
    this.#resolve();
    // Back in the page: the participant's tracks may have changed meanwhile.
    this.host.requestUpdate();
  }

  /** The host's `participant` changed. */
  chosenChanged(): void {
    if ((this.host.participant ?? null) !== this.#chosen) this.#resolve();
  }

  #resolve(): void {
    const chosen = (this.#chosen = this.host.participant ?? null);
    const byIdentity = typeof chosen === 'string' && chosen !== '';
    // `local` is the Room's own participant, whoever joins or leaves.
    this.#roomEvents.room = byIdentity && chosen !== LOCAL_PARTICIPANT ? this.#room : undefined;
    const participant = byIdentity ? findParticipant(this.#room, chosen) : chosen && typeof chosen === 'object' ? chosen : this.#fromContext;
    if (participant === this.#participant) return;
    this.#participant = participant;
    this.#participantEvents.participant = participant;
    this.onChange?.(participant);
    this.host.requestUpdate();
  }
}
