/** Remote audio playback: which tracks `<lk-audio-renderer>` plays, and its volume grammar. Pure. */
import { Track } from 'livekit-client';
import { InvalidValue } from './grammar.js';

/** The sources played: microphones and screen-share audio. */
export const PLAYED_SOURCES: readonly Track.Source[] = [Track.Source.Microphone, Track.Source.ScreenShareAudio];

export const VOLUME_ACCEPTED = 'a number from 0 to 1, e.g. 0.5';

/** A volume from 0 to 1. */
export function parseVolume(value: string): number {
  const text = value.trim();
  const volume = Number(text);
  if (text === '' || !Number.isFinite(volume) || volume < 0 || volume > 1) throw new InvalidValue(VOLUME_ACCEPTED);
  return volume;
}

/** The tracks to play, of what `publications` lists: subscribed audio of a played source, in order. */
export function playedTracks<T>(publications: Iterable<{ source: Track.Source; kind: Track.Kind; track?: T }>): T[] {
  const tracks: T[] = [];
  for (const publication of publications) {
    if (publication.kind === Track.Kind.Audio && PLAYED_SOURCES.includes(publication.source) && publication.track) tracks.push(publication.track);
  }
  return tracks;
}
