/**
 * What a track view shows: which sources it takes, whether a video is mirrored and how it fits.
 * Pure functions, no DOM.
 */
import { Track } from 'livekit-client';
import { enumParser } from './grammar.js';

export const TRACK_SOURCES = [Track.Source.Camera, Track.Source.Microphone, Track.Source.ScreenShare, Track.Source.ScreenShareAudio] as const;
export type TrackSource = (typeof TRACK_SOURCES)[number];
export const parseTrackSource = enumParser(TRACK_SOURCES);

export const FITS = ['cover', 'contain'] as const;
export type Fit = (typeof FITS)[number];
export const parseFit = enumParser(FITS);

export const MIRROR_MODES = ['auto', 'true', 'false'] as const;
export type MirrorMode = (typeof MIRROR_MODES)[number];
export const parseMirrorMode = enumParser(MIRROR_MODES);

/** `video` for camera and screen share, `audio` for microphone and screen-share audio. */
export function kindOfSource(source: TrackSource): Track.Kind.Video | Track.Kind.Audio {
  return source === Track.Source.Camera || source === Track.Source.ScreenShare ? Track.Kind.Video : Track.Kind.Audio;
}

/** What the view state is: no track, a muted one, one the server paused, or one playing. */
export type TrackViewState = 'none' | 'muted' | 'paused' | 'active';

export function trackViewState(track: { hasTrack: boolean; muted: boolean; paused: boolean }): TrackViewState {
  if (!track.hasTrack) return 'none';
  if (track.muted) return 'muted';
  return track.paused ? 'paused' : 'active';
}

/**
 * Whether a video is shown mirrored. `auto` mirrors the local participant's own camera when it faces
 * the user (what a mirror shows, as every video call does), and nothing else: remote cameras and
 * screen shares read the right way round.
 */
export function shouldMirror(mode: MirrorMode, video: { isLocal: boolean; source: Track.Source | undefined; facingMode?: string }): boolean {
  if (mode !== 'auto') return mode === 'true';
  return video.isLocal && video.source === Track.Source.Camera && video.facingMode !== 'environment';
}

/** `contain` for a screen share (text must stay whole), `cover` for a camera, unless `fit` says otherwise. */
export function effectiveFit(fit: Fit | undefined, source: Track.Source | undefined): Fit {
  return fit ?? (source === Track.Source.ScreenShare ? 'contain' : 'cover');
}
