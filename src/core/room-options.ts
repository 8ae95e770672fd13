/**
 * The `<lk-room>` attribute contract: each attribute, its grammar, and the `RoomOptions` /
 * `RoomConnectOptions` field it sets. Pure: attribute strings in, options and errors out.
 */
import {
  AudioPresets,
  ScreenSharePresets,
  VideoPresets,
  type RoomConnectOptions,
  type RoomOptions,
  type VideoEncoding,
  type VideoResolution,
} from 'livekit-client';
import { audioBitrate, bitrate, frameRate, layers, mapAttributes, mergeOptions, oneOf, preset, resolution, text, tri, type AttributeSpec } from './attributes.js';
import { InvalidValue, TRI_ACCEPTED, enumParser, parseTri, type PresetTable } from './grammar.js';

export { mapAttributes, mergeOptions, type AttributeError, type AttributeSpec } from './attributes.js';

export const VIDEO_CODECS = ['vp8', 'h264', 'vp9', 'av1', 'h265'] as const;
export const BACKUP_CODECS = ['vp8', 'h264'] as const;
export const FACING_MODES = ['user', 'environment', 'left', 'right'] as const;
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

const parseBackupCodec = enumParser(BACKUP_CODECS);
const BACKUP_CODEC_ACCEPTED = `${TRI_ACCEPTED}, or a codec (${BACKUP_CODECS.join(', ')})`;

/** Every option attribute of `<lk-room>`, in the order they are applied. */
export const ROOM_OPTION_ATTRIBUTES: readonly AttributeSpec[] = [
  tri('auto-subscribe', 'RoomConnectOptions.autoSubscribe'),
  tri('adaptive-stream', 'RoomOptions.adaptiveStream'),
  tri('dynacast', 'RoomOptions.dynacast'),
  resolution('video-resolution', 'videoCaptureDefaults.resolution', VideoPresets),
  frameRate('video-framerate', 'videoCaptureDefaults.resolution.frameRate'),
  oneOf('facing-mode', 'videoCaptureDefaults.facingMode', FACING_MODES),
  text('video-device', 'videoCaptureDefaults.deviceId'),
  text('audio-device', 'audioCaptureDefaults.deviceId'),
  text('audio-output-device', 'audioOutput.deviceId'),
  tri('echo-cancellation', 'audioCaptureDefaults.echoCancellation'),
  tri('noise-suppression', 'audioCaptureDefaults.noiseSuppression'),
  tri('auto-gain-control', 'audioCaptureDefaults.autoGainControl'),
  tri('voice-isolation', 'audioCaptureDefaults.voiceIsolation'),
  oneOf('video-codec', 'publishDefaults.videoCodec', VIDEO_CODECS),
  {
    name: 'backup-codec',
    target: 'publishDefaults.backupCodec',
    accepted: BACKUP_CODEC_ACCEPTED,
    parse(value) {
      try {
        return parseTri(value);
      } catch {
        try {
          return { codec: parseBackupCodec(value) };
        } catch {
          throw new InvalidValue(BACKUP_CODEC_ACCEPTED);
        }
      }
    },
  },
  bitrate('video-max-bitrate', 'publishDefaults.videoEncoding.maxBitrate'),
  frameRate('video-max-framerate', 'publishDefaults.videoEncoding.maxFramerate'),
  tri('simulcast', 'publishDefaults.simulcast'),
  layers('simulcast-layers', 'publishDefaults.videoSimulcastLayers', VideoPresets),
  bitrate('screenshare-max-bitrate', 'publishDefaults.screenShareEncoding.maxBitrate'),
  frameRate('screenshare-max-framerate', 'publishDefaults.screenShareEncoding.maxFramerate'),
  layers('screenshare-simulcast-layers', 'publishDefaults.screenShareSimulcastLayers', SCREEN_SHARE_LAYER_PRESETS),
  preset('audio-preset', 'publishDefaults.audioPreset', AudioPresets),
  audioBitrate('audio-max-bitrate', 'publishDefaults.audioPreset.maxBitrate'),
  tri('dtx', 'publishDefaults.dtx'),
  tri('red', 'publishDefaults.red'),
  tri('force-stereo', 'publishDefaults.forceStereo'),
  tri('stop-mic-on-mute', 'publishDefaults.stopMicTrackOnMute'),
  oneOf('scalability-mode', 'publishDefaults.scalabilityMode', SCALABILITY_MODES),
  oneOf('degradation-preference', 'publishDefaults.degradationPreference', DEGRADATION_PREFERENCES),
];

export const ROOM_OPTION_ATTRIBUTE_NAMES = ROOM_OPTION_ATTRIBUTES.map((spec) => spec.name);

/** `<lk-room>`'s attributes as options. */
export function mapRoomAttributes(read: (name: string) => string | null) {
  return mapAttributes(ROOM_OPTION_ATTRIBUTES, read, (): OptionsDraft => ({ room: {}, connect: {} }));
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
