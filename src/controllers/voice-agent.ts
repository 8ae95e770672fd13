import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RoomEvent, Track, type RemoteAudioTrack, type RemoteParticipant, type RemoteTrack, type Room } from 'livekit-client';
import { AGENT_STATE_ATTRIBUTE, agentVoice, findAgent, findAvatarWorker } from '../core/voice-agent.js';
import { RoomEventsController } from './room-events.js';

/** Room events after which the agent, its voice or its state (or the local microphone) may be different. */
const AGENT_EVENTS = [
  RoomEvent.ConnectionStateChanged,
  RoomEvent.ParticipantConnected,
  RoomEvent.ParticipantDisconnected,
  RoomEvent.ParticipantAttributesChanged,
  RoomEvent.TrackPublished,
  RoomEvent.TrackUnpublished,
  RoomEvent.TrackSubscribed,
  RoomEvent.TrackUnsubscribed,
  // The host's own microphone: whether a failure to publish it is over.
  RoomEvent.LocalTrackPublished,
] as const;

/**
 * Follows the LiveKit Agents agent in a room: the agent participant, its avatar worker (if one
 * publishes for it), its voice (a remote audio track) and the state it says in `lk.agent.state`.
 * The host updates whenever one of them may have changed.
 */
export class VoiceAgentController implements ReactiveController {
  #room?: Room;
  #agent?: RemoteParticipant;
  #worker?: RemoteParticipant;
  readonly #events: RoomEventsController;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
    this.#events = new RoomEventsController(host, Object.fromEntries(AGENT_EVENTS.map((event) => [event, () => this.#read()])));
  }

  hostConnected(): void {
    this.#read();
  }

  set room(room: Room | undefined) {
    if (room === this.#room) return;
    this.#room = room;
    this.#events.room = room;
    this.#read();
  }

  get room(): Room | undefined {
    return this.#room;
  }

  /** The agent participant, while it is in the room. */
  get agent(): RemoteParticipant | undefined {
    return this.#agent;
  }

  /** The avatar worker publishing for the agent, if there is one. */
  get worker(): RemoteParticipant | undefined {
    return this.#worker;
  }

  /** The agent's voice: its own microphone track, else its avatar worker's; once subscribed. */
  get voice(): RemoteAudioTrack | undefined {
    const track = agentVoice<RemoteTrack>(this.#agent, this.#worker);
    return track?.kind === Track.Kind.Audio ? (track as RemoteAudioTrack) : undefined;
  }

  /** The agent's `lk.agent.state` attribute as it is now. */
  get said(): string | undefined {
    return this.#agent?.attributes[AGENT_STATE_ATTRIBUTE];
  }

  #read(): void {
    const participants = this.#room ? [...this.#room.remoteParticipants.values()] : [];
    this.#agent = findAgent(participants);
    this.#worker = findAvatarWorker(participants, this.#agent);
    this.host.requestUpdate();
  }
}
