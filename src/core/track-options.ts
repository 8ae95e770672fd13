/**
 * The per-control overrides of `<lk-camera-toggle>`, `<lk-microphone-toggle>` and `<lk-screenshare>`:
 * the same grammars as `<lk-room>`, mapped to the capture and publish options of one
 * `setCameraEnabled` / `setMicrophoneEnabled` / `setScreenShareEnabled` call.
 */
import {
  AudioPresets,
  ScreenSharePresets,
  VideoPresets,
  type AudioCaptureOptions,
  type RoomOptions,
  type ScreenShareCaptureOptions,
  type TrackPublishOptions,
  type VideoCaptureOptions,
} from 'livekit-client';
import { audioBitrate, bitrate, frameRate, layers, mapAttributes, mergeOptions, oneOf, preset, resolution, text, tri, type AttributeSpec } from './attributes.js';
import type { PresetTable } from './grammar.js';
import { FACING_MODES, SCREEN_SHARE_LAYER_PRESETS, VIDEO_CODECS, completeVideoEncoding } from './room-options.js';

export interface TrackOptionsDraft<C> {
  capture: C;
  publish: TrackPublishOptions;
}

export type CameraDraft = TrackOptionsDraft<VideoCaptureOptions>;
export type MicrophoneDraft = TrackOptionsDraft<AudioCaptureOptions>;
export type ScreenShareDraft = TrackOptionsDraft<ScreenShareCaptureOptions>;

export const CONTENT_HINTS = ['detail', 'text', 'motion'] as const;
export const DISPLAY_SURFACES = ['monitor', 'window', 'browser'] as const;

/** Resolutions a screen share may name: `ScreenSharePresets` and the camera presets. */
const SCREEN_SHARE_RESOLUTIONS: PresetTable = { ...ScreenSharePresets, ...VideoPresets };

export const CAMERA_ATTRIBUTES: readonly AttributeSpec[] = [
  resolution('resolution', 'VideoCaptureOptions.resolution', VideoPresets),
  frameRate('framerate', 'VideoCaptureOptions.resolution.frameRate'),
  oneOf('facing-mode', 'VideoCaptureOptions.facingMode', FACING_MODES),
  text('device', 'VideoCaptureOptions.deviceId'),
  bitrate('max-bitrate', 'TrackPublishOptions.videoEncoding.maxBitrate'),
  frameRate('max-framerate', 'TrackPublishOptions.videoEncoding.maxFramerate'),
  tri('simulcast', 'TrackPublishOptions.simulcast'),
  layers('simulcast-layers', 'TrackPublishOptions.videoSimulcastLayers', VideoPresets),
  oneOf('codec', 'TrackPublishOptions.videoCodec', VIDEO_CODECS),
];

export const MICROPHONE_ATTRIBUTES: readonly AttributeSpec[] = [
  text('device', 'AudioCaptureOptions.deviceId'),
  tri('echo-cancellation', 'AudioCaptureOptions.echoCancellation'),
  tri('noise-suppression', 'AudioCaptureOptions.noiseSuppression'),
  tri('auto-gain-control', 'AudioCaptureOptions.autoGainControl'),
  preset('audio-preset', 'TrackPublishOptions.audioPreset', AudioPresets),
  audioBitrate('max-bitrate', 'TrackPublishOptions.audioPreset.maxBitrate'),
  tri('dtx', 'TrackPublishOptions.dtx'),
  tri('red', 'TrackPublishOptions.red'),
];

export const SCREEN_SHARE_ATTRIBUTES: readonly AttributeSpec[] = [
  tri('audio', 'ScreenShareCaptureOptions.audio'),
  resolution('resolution', 'ScreenShareCaptureOptions.resolution', SCREEN_SHARE_RESOLUTIONS),
  bitrate('max-bitrate', 'TrackPublishOptions.screenShareEncoding.maxBitrate'),
  frameRate('max-framerate', 'TrackPublishOptions.screenShareEncoding.maxFramerate'),
  oneOf('content-hint', 'ScreenShareCaptureOptions.contentHint', CONTENT_HINTS),
  layers('simulcast-layers', 'TrackPublishOptions.screenShareSimulcastLayers', SCREEN_SHARE_LAYER_PRESETS),
  oneOf('surface', 'ScreenShareCaptureOptions.video.displaySurface', DISPLAY_SURFACES),
  tri('prefer-current-tab', 'ScreenShareCaptureOptions.preferCurrentTab'),
];

export const emptyDraft = <C>(): TrackOptionsDraft<C> => ({ capture: {} as C, publish: {} });

export function mapCameraAttributes(read: (name: string) => string | null) {
  return mapAttributes(CAMERA_ATTRIBUTES, read, emptyDraft<VideoCaptureOptions>);
}

export function mapMicrophoneAttributes(read: (name: string) => string | null) {
  return mapAttributes(MICROPHONE_ATTRIBUTES, read, emptyDraft<AudioCaptureOptions>);
}

export function mapScreenShareAttributes(read: (name: string) => string | null) {
  return mapAttributes(SCREEN_SHARE_ATTRIBUTES, read, emptyDraft<ScreenShareCaptureOptions>);
}

/**
 * The options of one camera publish: the room's defaults with the control's overrides on top, field
 * by field (livekit-client itself merges them only one level deep).
 */
export function cameraOptions(room: RoomOptions, overrides: CameraDraft): { capture: VideoCaptureOptions; publish: TrackPublishOptions } {
  const capture = mergeOptions(room.videoCaptureDefaults ?? {}, overrides.capture);
  const publish = mergeOptions<TrackPublishOptions>(room.publishDefaults ?? {}, overrides.publish);
  if (publish.videoEncoding) publish.videoEncoding = completeVideoEncoding(publish.videoEncoding, capture.resolution);
  return { capture, publish };
}

/**
 * A warning when the camera codec asked for is one this browser cannot send, else undefined (also
 * when the browser does not say what it can send). `senderCodecs`: the MIME types of
 * `RTCRtpSender.getCapabilities('video')`. livekit-client then publishes another codec without a
 * word: Firefox without its OpenH264 plugin has no H264 encoder and sends VP8.
 */
export function unsendableCodecWarning(attribute: string, codec: string | undefined, senderCodecs: readonly string[] | undefined): string | undefined {
  const media = senderCodecs?.map((mime) => mime.replace(/^video\//i, '')).filter((name) => !/^(rtx|red|ulpfec|flexfec-03)$/i.test(name));
  if (!codec || !media?.length || media.some((name) => name.toLowerCase() === codec.toLowerCase())) return undefined;
  return `${attribute}="${codec}": this browser cannot send ${codec.toUpperCase()} (it sends ${media.join(', ')}); the camera publishes another codec.`;
}

/** The video codecs this browser can send, as MIME types, when it says. */
export function videoSenderCodecs(): string[] | undefined {
  return globalThis.RTCRtpSender?.getCapabilities?.('video')?.codecs.map((codec) => codec.mimeType);
}

export function microphoneOptions(room: RoomOptions, overrides: MicrophoneDraft): { capture: AudioCaptureOptions; publish: TrackPublishOptions } {
  return {
    capture: mergeOptions(room.audioCaptureDefaults ?? {}, overrides.capture),
    publish: mergeOptions<TrackPublishOptions>(room.publishDefaults ?? {}, overrides.publish),
  };
}

export function screenShareOptions(room: RoomOptions, overrides: ScreenShareDraft): { capture: ScreenShareCaptureOptions; publish: TrackPublishOptions } {
  const publish = mergeOptions<TrackPublishOptions>(room.publishDefaults ?? {}, overrides.publish);
  const encoding = publish.screenShareEncoding;
  // A frame rate alone keeps the SDK's default screen-share bitrate.
  if (encoding && encoding.maxBitrate === undefined) publish.screenShareEncoding = { ...ScreenSharePresets.h1080fps15.encoding, ...encoding };
  return { capture: { ...overrides.capture }, publish };
}
