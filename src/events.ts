/**
 * The `lk-*` DOM events. All are `CustomEvent`s that bubble and cross shadow roots (`composed`).
 */
import type {
  ConnectionState,
  DisconnectReason,
  Participant,
  RemoteParticipant,
  RemoteTrack,
  RemoteTrackPublication,
  Track,
} from 'livekit-client';
import type { LkErrorDetail } from './core/errors.js';
import type { LkConnectionState } from './core/connection-state.js';
import type { PinTarget } from './core/layout.js';
import type { LkAgentState } from './core/voice-agent.js';

export type { LkAgentState, LkConnectionState, PinTarget };

/** A chat message that `<lk-chat>` received or sent. */
export interface LkChatMessageDetail {
  /** The message's id: its text stream's id, which the legacy copy shares. */
  id: string;
  /** The text, as sent: show it as text, never as HTML. */
  message: string;
  /** When it was sent, in ms since the epoch. */
  timestamp: number;
  /** The sender (the local participant for a sent message), while known to the room. */
  from?: Participant;
  /** The sender's identity. */
  identity: string;
}

export interface LkTrackEventDetail {
  track: RemoteTrack;
  publication: RemoteTrackPublication;
  participant: RemoteParticipant;
}

/** Event names and their `detail`. */
export interface LkEventDetails {
  'lk-connection-state-changed': { state: LkConnectionState; sdkState: ConnectionState };
  'lk-connected': undefined;
  'lk-disconnected': { reason?: DisconnectReason; reasonName?: string };
  'lk-reconnecting': undefined;
  'lk-reconnected': undefined;
  'lk-participant-connected': { participant: RemoteParticipant };
  'lk-participant-disconnected': { participant: RemoteParticipant };
  'lk-track-subscribed': LkTrackEventDetail;
  'lk-track-unsubscribed': LkTrackEventDetail;
  'lk-active-speakers-changed': { speakers: Participant[] };
  'lk-toggle': { source: Track.Source; enabled: boolean };
  'lk-chat-message': LkChatMessageDetail;
  'lk-pin': { pinned?: PinTarget };
  'lk-recording-changed': { recording: boolean };
  'lk-page-changed': { page: number; pageCount: number };
  'lk-agent-state-changed': { state: LkAgentState };
  'lk-error': LkErrorDetail;
}

export type LkEventName = keyof LkEventDetails;

declare global {
  interface HTMLElementEventMap {
    'lk-connection-state-changed': CustomEvent<LkEventDetails['lk-connection-state-changed']>;
    'lk-connected': CustomEvent<undefined>;
    'lk-disconnected': CustomEvent<LkEventDetails['lk-disconnected']>;
    'lk-reconnecting': CustomEvent<undefined>;
    'lk-reconnected': CustomEvent<undefined>;
    'lk-participant-connected': CustomEvent<LkEventDetails['lk-participant-connected']>;
    'lk-participant-disconnected': CustomEvent<LkEventDetails['lk-participant-disconnected']>;
    'lk-track-subscribed': CustomEvent<LkTrackEventDetail>;
    'lk-track-unsubscribed': CustomEvent<LkTrackEventDetail>;
    'lk-active-speakers-changed': CustomEvent<LkEventDetails['lk-active-speakers-changed']>;
    'lk-toggle': CustomEvent<LkEventDetails['lk-toggle']>;
    'lk-chat-message': CustomEvent<LkChatMessageDetail>;
    'lk-pin': CustomEvent<LkEventDetails['lk-pin']>;
    'lk-recording-changed': CustomEvent<LkEventDetails['lk-recording-changed']>;
    'lk-page-changed': CustomEvent<LkEventDetails['lk-page-changed']>;
    'lk-agent-state-changed': CustomEvent<LkEventDetails['lk-agent-state-changed']>;
    'lk-error': CustomEvent<LkErrorDetail>;
  }
}
