/**
 * What `<lk-participant-list>` shows of each participant: name, initials, whether it is the local
 * one, microphone and camera state, speaking, connection quality. Pure functions, no DOM.
 */
import { ConnectionQuality, Track } from 'livekit-client';
import { toLkQuality, type LkQuality } from './connection-quality.js';
import { displayName, initials, type ParticipantFilter } from './participants.js';

/** A published track's state: `on`, `muted` (published, muted), or `off` (not published). */
export type TrackState = 'on' | 'muted' | 'off';

/** What the list reads of a participant (a livekit-client `Participant` has all of it). */
export interface ListedParticipant {
  identity: string;
  name?: string;
  isLocal: boolean;
  isSpeaking: boolean;
  connectionQuality: ConnectionQuality;
  getTrackPublication(source: Track.Source): { isMuted: boolean } | undefined;
}

/** One entry of the list: everything an item shows, as plain values. */
export interface ListEntry {
  identity: string;
  name: string;
  initials: string;
  local: boolean;
  mic: TrackState;
  camera: TrackState;
  speaking: boolean;
  quality: LkQuality;
}

/** The state of a publication: none is `off`, a muted one `muted`, else `on`. */
export function trackState(publication: { isMuted: boolean } | undefined): TrackState {
  if (!publication) return 'off';
  return publication.isMuted ? 'muted' : 'on';
}

/** A participant as an entry of the list. */
export function listEntry(participant: ListedParticipant): ListEntry {
  const name = displayName(participant);
  return {
    identity: participant.identity,
    name,
    initials: initials(name),
    local: participant.isLocal,
    mic: trackState(participant.getTrackPublication(Track.Source.Microphone)),
    camera: trackState(participant.getTrackPublication(Track.Source.Camera)),
    speaking: participant.isSpeaking,
    quality: toLkQuality(participant.connectionQuality ?? ConnectionQuality.Unknown),
  };
}

/**
 * The entries of the list, in the order given (the local participant, then remote ones in the order
 * they joined), keeping those `filter` lets through. Speaking never changes the order: an item stays
 * where it is while a screen reader or a pointer is on it.
 */
export function listEntries(participants: readonly ListedParticipant[], filter: ParticipantFilter): ListEntry[] {
  return participants.filter((p) => filter === 'all' || (filter === 'local') === p.isLocal).map(listEntry);
}
