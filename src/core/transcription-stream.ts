/**
 * Receives the `lk.transcription` text streams of a `Room` into a {@link TranscriptStore}. A room
 * session holds one registration per `Room` (livekit-client allows a single handler per topic on a
 * room) and every `<lk-transcript>` of the room reads the same store.
 */
import type { Room, TextStreamReader } from 'livekit-client';
import {
  SEGMENT_ID_ATTRIBUTE,
  TRANSCRIBED_TRACK_ATTRIBUTE,
  TRANSCRIPTION_TOPIC,
  speakerOf,
  streamIsFinal,
  type StreamEnd,
  type TranscriptStore,
} from './transcription.js';

/** The identity of the participant in `room` who publishes the track `sid`, if any. */
export function trackOwner(room: Room, sid: string): string | undefined {
  if (room.localParticipant.trackPublications.has(sid)) return room.localParticipant.identity;
  for (const participant of room.remoteParticipants.values()) {
    if (participant.trackPublications.has(sid)) return participant.identity;
  }
  return undefined;
}

/**
 * Registers the `lk.transcription` handler on `room`, feeding `store`; returns the function that
 * unregisters it. Each stream is read to its end: every chunk updates its segment (interim), and the
 * end decides whether the text is final (see `streamIsFinal`). A stream cut short keeps its text.
 * When another handler holds the topic already, `warn` says so and nothing is registered.
 */
export function receiveTranscriptions(room: Room, store: TranscriptStore, warn: (message: string) => void): () => void {
  let active = true;
  const onStream = (reader: TextStreamReader, participantInfo: { identity: string }): void => {
    void readStream(reader, participantInfo.identity);
  };
  const readStream = async (reader: TextStreamReader, sender: string): Promise<void> => {
    const info = reader.info;
    let text = '';
    let chunks = 0;
    const push = (end: StreamEnd) => {
      if (!active) return;
      // The trailer's attributes are merged into `info.attributes` when the stream closes.
      const attributes = info.attributes ?? {};
      const trackSid = attributes[TRANSCRIBED_TRACK_ATTRIBUTE] || undefined;
      store.apply({
        segmentId: attributes[SEGMENT_ID_ATTRIBUTE] || info.id,
        participantIdentity: speakerOf(sender, trackSid, (sid) => trackOwner(room, sid)),
        trackSid,
        text,
        final: streamIsFinal(attributes, end, chunks),
        receivedAt: Date.now(),
      });
    };
    try {
      for await (const chunk of reader) {
        text += chunk;
        chunks++;
        push('open');
      }
      push('closed');
    } catch (err) {
      if (chunks > 0) push('errored');
      console.debug('lk-transcript: a transcription stream ended early', err);
    }
  };
  try {
    room.registerTextStreamHandler(TRANSCRIPTION_TOPIC, onStream);
  } catch (err) {
    warn(`another handler already receives text streams on topic "${TRANSCRIPTION_TOPIC}" of this room, so transcriptions are not shown. Unregister it to show them. (${err instanceof Error ? err.message : String(err)})`);
    return () => {};
  }
  return () => {
    active = false;
    room.unregisterTextStreamHandler(TRANSCRIPTION_TOPIC);
  };
}
