/**
 * The `<lk-room>` attribute contract: each attribute, its grammar, and the `RoomOptions` /
 * `RoomConnectOptions` field it sets. Pure: attribute strings in, options and errors out.
 */
import {
  AudioPresets,
  ScreenSharePresets,
  VideoPresets,
  type AudioCaptureOptions,
  type AudioOutputOptions,
  type RoomConnectOptions,
  type RoomOptions,
  type TrackPublishDefaults,
  type VideoCaptureOptions,
  type VideoEncoding,
  type VideoResolution,
} from 'livekit-client';
import { bitrate, mapAttributes, mergeOptions, number, oneOf, text, tri, type AttributeSpec } from './attributes.js';
import {
  InvalidValue,
  TRI_ACCEPTED,
  enumAccepted,
  enumParser,
  layersAccepted,
  parseLayers,
  parseResolution,
  parseTri,
  resolutionAccepted,
  type PresetTable,
} from './grammar.js';

export { mapAttributes, mergeOptions, type AttributeError, type AttributeSpec } from './attributes.js';

export const VIDEO_CODECS = ['vp8', 'h264', 'vp9', 'av1', 'h265'] as const;
export const BACKUP_CODECS = ['vp8', 'h264'] as const;
export const FACING_MODES = ['user', 'environment', 'left', 'right'] as const;
export const AUDIO_PRESETS = ['telephone', 'speech', 'music', 'musicStereo', 'musicHighQuality', 'musicHighQualityStereo'] as const;
export const DEGRADATION_PREFERENCES = ['balanced', 'maintain-framerate', 'maintain-resolution'] as const;
export const SCALABILITY_MODES = [
  'L1T1', 'L1T2', 'L1T3',
  'L2T1', 'L2T1h', 'L2T1_KEY', 'L2T2', 'L2T2h', 'L2T2_KEY', 'L2T3', 'L2T3h', 'L2T3_KEY',
  'L3T1', 'L3T1h', 'L3T1_KEY', 'L3T2', 'L3T2h', 'L3T2_KEY', 'L3T3', 'L3T3h', 'L3T3_KEY',
] as const;

/** Layers a screen share may name: the camera presets and `ScreenSharePresets`. */
export const SCREEN_SHARE_LAYER_PRESETS: PresetTable = { ...VideoPresets, ...ScreenSharePresets };

/** The options an attribute set writes into. */
export interface OptionsDraft {
  room: RoomOptions;
  connect: RoomConnectOptions;
}

// Getters that create the nested option objects on first write.
const video = (d: OptionsDraft): VideoCaptureOptions => (d.room.videoCaptureDefaults ??= {});
const audio = (d: OptionsDraft): AudioCaptureOptions => (d.room.audioCaptureDefaults ??= {});
const publish = (d: OptionsDraft): TrackPublishDefaults => (d.room.publishDefaults ??= {});
const resolution = (d: OptionsDraft) => (video(d).resolution ??= {} as VideoResolution);
const videoEncoding = (d: OptionsDraft) => (publish(d).videoEncoding ??= {} as VideoEncoding);
const screenEncoding = (d: OptionsDraft) => (publish(d).screenShareEncoding ??= {} as VideoEncoding);

const parseBackupCodec = enumParser(BACKUP_CODECS);
const parseAudioPreset = enumParser(AUDIO_PRESETS);

/** Every option attribute of `<lk-room>`, in the order they are applied. */
export const ROOM_OPTION_ATTRIBUTES: readonly AttributeSpec<OptionsDraft>[] = [
  tri('auto-subscribe', 'RoomConnectOptions.autoSubscribe', (d, v) => (d.connect.autoSubscribe = v)),
  tri('adaptive-stream', 'RoomOptions.adaptiveStream', (d, v) => (d.room.adaptiveStream = v), true),
  tri('dynacast', 'RoomOptions.dynacast', (d, v) => (d.room.dynacast = v), true),
  {
    name: 'video-resolution',
    target: 'videoCaptureDefaults.resolution',
    accepted: resolutionAccepted(VideoPresets),
    apply: (d, v) => Object.assign(resolution(d), parseResolution(v, VideoPresets)),
  },
  number('video-framerate', 'videoCaptureDefaults.resolution.frameRate', (d, v) => (resolution(d).frameRate = v)),
  oneOf('facing-mode', 'videoCaptureDefaults.facingMode', FACING_MODES, (d, v) => (video(d).facingMode = v)),
  text('video-device', 'videoCaptureDefaults.deviceId', (d, v) => (video(d).deviceId = v)),
  text('audio-device', 'audioCaptureDefaults.deviceId', (d, v) => (audio(d).deviceId = v)),
  text('audio-output-device', 'audioOutput.deviceId', (d, v) => (d.room.audioOutput = { deviceId: v } satisfies AudioOutputOptions)),
  tri('echo-cancellation', 'audioCaptureDefaults.echoCancellation', (d, v) => (audio(d).echoCancellation = v)),
  tri('noise-suppression', 'audioCaptureDefaults.noiseSuppression', (d, v) => (audio(d).noiseSuppression = v)),
  tri('auto-gain-control', 'audioCaptureDefaults.autoGainControl', (d, v) => (audio(d).autoGainControl = v)),
  tri('voice-isolation', 'audioCaptureDefaults.voiceIsolation', (d, v) => (audio(d).voiceIsolation = v)),
  oneOf('video-codec', 'publishDefaults.videoCodec', VIDEO_CODECS, (d, v) => (publish(d).videoCodec = v)),
  {
    name: 'backup-codec',
    target: 'publishDefaults.backupCodec',
    accepted: `${TRI_ACCEPTED}, or a codec (${BACKUP_CODECS.join(', ')})`,
    apply(d, v) {
      let value: boolean | { codec: (typeof BACKUP_CODECS)[number] };
      try {
        value = parseTri(v);
      } catch {
        try {
          value = { codec: parseBackupCodec(v) };
        } catch {
          throw new InvalidValue(this.accepted);
        }
      }
      publish(d).backupCodec = value;
    },
  },
  bitrate('video-max-bitrate', 'publishDefaults.videoEncoding.maxBitrate', (d, v) => (videoEncoding(d).maxBitrate = v)),
  number('video-max-framerate', 'publishDefaults.videoEncoding.maxFramerate', (d, v) => (videoEncoding(d).maxFramerate = v)),
  tri('simulcast', 'publishDefaults.simulcast', (d, v) => (publish(d).simulcast = v)),
  {
    name: 'simulcast-layers',
    target: 'publishDefaults.videoSimulcastLayers',
    accepted: layersAccepted(VideoPresets),
    apply: (d, v) => (publish(d).videoSimulcastLayers = parseLayers(v, VideoPresets)),
  },
  bitrate('screenshare-max-bitrate', 'publishDefaults.screenShareEncoding.maxBitrate', (d, v) => (screenEncoding(d).maxBitrate = v)),
  number('screenshare-max-framerate', 'publishDefaults.screenShareEncoding.maxFramerate', (d, v) => (screenEncoding(d).maxFramerate = v)),
  {
    name: 'screenshare-simulcast-layers',
    target: 'publishDefaults.screenShareSimulcastLayers',
    accepted: layersAccepted(SCREEN_SHARE_LAYER_PRESETS),
    apply: (d, v) => (publish(d).screenShareSimulcastLayers = parseLayers(v, SCREEN_SHARE_LAYER_PRESETS)),
  },
  {
    name: 'audio-preset',
    target: 'publishDefaults.audioPreset',
    accepted: enumAccepted(AUDIO_PRESETS),
    apply: (d, v) => (publish(d).audioPreset = { ...AudioPresets[parseAudioPreset(v)], ...publish(d).audioPreset }),
  },
  bitrate('audio-max-bitrate', 'publishDefaults.audioPreset.maxBitrate', (d, v) => (publish(d).audioPreset = { ...publish(d).audioPreset, maxBitrate: v })),
  tri('dtx', 'publishDefaults.dtx', (d, v) => (publish(d).dtx = v)),
  tri('red', 'publishDefaults.red', (d, v) => (publish(d).red = v)),
  tri('force-stereo', 'publishDefaults.forceStereo', (d, v) => (publish(d).forceStereo = v)),
  tri('stop-mic-on-mute', 'publishDefaults.stopMicTrackOnMute', (d, v) => (publish(d).stopMicTrackOnMute = v)),
  oneOf('scalability-mode', 'publishDefaults.scalabilityMode', SCALABILITY_MODES, (d, v) => (publish(d).scalabilityMode = v)),
  oneOf('degradation-preference', 'publishDefaults.degradationPreference', DEGRADATION_PREFERENCES, (d, v) => (publish(d).degradationPreference = v)),
];

export const ROOM_OPTION_ATTRIBUTE_NAMES = ROOM_OPTION_ATTRIBUTES.map((spec) => spec.name);

/** `<lk-room>`'s attributes as options. */
export function mapRoomAttributes(read: (name: string) => string | null) {
  return mapAttributes(ROOM_OPTION_ATTRIBUTES, read, (): OptionsDraft => ({ room: {}, connect: {} }), 'lk-room');
}

/** The capture and publish defaults, which livekit-client reads at each capture and publish. */
export const LIVE_OPTION_GROUPS = ['audioCaptureDefaults', 'videoCaptureDefaults', 'publishDefaults', 'audioOutput'] as const;
export type LiveOptionGroup = (typeof LIVE_OPTION_GROUPS)[number];
export type LiveOptions = Pick<RoomOptions, LiveOptionGroup>;

/** Splits options into what a `Room` must be built with and what may change on a live `Room`. */
export function splitOptions(options: RoomOptions): { built: RoomOptions; live: LiveOptions } {
  const built: Record<string, unknown> = { ...options };
  const live: Record<string, unknown> = {};
  for (const group of LIVE_OPTION_GROUPS) {
    if (group in built) live[group] = built[group];
    delete built[group];
  }
  return { built: built, live: live };
}

/**
 * A top-layer video encoding needs a bitrate; when only a frame rate was given, take the bitrate of
 * the `VideoPresets` entry at or below the capture width (livekit-client's own choice for that size).
 */
export function completeVideoEncoding(encoding: Partial<VideoEncoding>, capture?: Partial<VideoResolution>): VideoEncoding {
  if (encoding.maxBitrate !== undefined) return encoding as VideoEncoding;
  const width = capture?.width ?? VideoPresets.h720.width;
  const presets = Object.values(VideoPresets).sort((a, b) => a.width - b.width);
  const preset = presets.filter((p) => p.width <= width).pop() ?? presets[0];
  return { ...encoding, maxBitrate: preset.encoding.maxBitrate };
}

/**
 * The live groups a `Room` should hold: `defaults` (what the `Room` had when built: the SDK's
 * defaults merged with the page's base options) overlaid by `fromAttributes`.
 */
export function liveOptions(defaults: LiveOptions, fromAttributes: LiveOptions): LiveOptions {
  const out: LiveOptions = {};
  for (const group of LIVE_OPTION_GROUPS) {
    const merged = mergeOptions(defaults[group], fromAttributes[group]);
    if (defaults[group] !== undefined || fromAttributes[group] !== undefined) (out as Record<string, unknown>)[group] = merged;
  }
  const encoding = out.publishDefaults?.videoEncoding;
  if (encoding) out.publishDefaults!.videoEncoding = completeVideoEncoding(encoding, out.videoCaptureDefaults?.resolution);
  return out;
}

/** The fields of `built` options whose change needs a new `Room`, as a comparable string. */
export function builtKey(options: RoomOptions): string {
  const { built } = splitOptions(options);
  return JSON.stringify(built, (_key, value: unknown) => (typeof value === 'function' ? String(value) : value));
}
