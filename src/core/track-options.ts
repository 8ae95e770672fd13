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
  type VideoEncoding,
  type VideoResolution,
} from 'livekit-client';
import { bitrate, mapAttributes, mergeOptions, number, oneOf, text, tri, type AttributeSpec } from './attributes.js';
import { layersAccepted, parseLayers, parseResolution, resolutionAccepted, type PresetTable } from './grammar.js';
import { AUDIO_PRESETS, FACING_MODES, SCREEN_SHARE_LAYER_PRESETS, VIDEO_CODECS, completeVideoEncoding } from './room-options.js';

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

const partialResolution = (capture: { resolution?: VideoResolution }) => (capture.resolution ??= {} as VideoResolution);
const videoEncoding = (d: TrackOptionsDraft<unknown>) => (d.publish.videoEncoding ??= {} as VideoEncoding);
const screenEncoding = (d: TrackOptionsDraft<unknown>) => (d.publish.screenShareEncoding ??= {} as VideoEncoding);

export const CAMERA_ATTRIBUTES: readonly AttributeSpec<CameraDraft>[] = [
  {
    name: 'resolution',
    target: 'VideoCaptureOptions.resolution',
    accepted: resolutionAccepted(VideoPresets),
    apply: (d, v) => Object.assign(partialResolution(d.capture), parseResolution(v, VideoPresets)),
  },
  number('framerate', 'VideoCaptureOptions.resolution.frameRate', (d, v) => (partialResolution(d.capture).frameRate = v)),
  oneOf('facing-mode', 'VideoCaptureOptions.facingMode', FACING_MODES, (d, v) => (d.capture.facingMode = v)),
  text('device', 'VideoCaptureOptions.deviceId', (d, v) => (d.capture.deviceId = v)),
  bitrate('max-bitrate', 'TrackPublishOptions.videoEncoding.maxBitrate', (d, v) => (videoEncoding(d).maxBitrate = v)),
  number('max-framerate', 'TrackPublishOptions.videoEncoding.maxFramerate', (d, v) => (videoEncoding(d).maxFramerate = v)),
  tri('simulcast', 'TrackPublishOptions.simulcast', (d, v) => (d.publish.simulcast = v)),
  {
    name: 'simulcast-layers',
    target: 'TrackPublishOptions.videoSimulcastLayers',
    accepted: layersAccepted(VideoPresets),
    apply: (d, v) => (d.publish.videoSimulcastLayers = parseLayers(v, VideoPresets)),
  },
  oneOf('codec', 'TrackPublishOptions.videoCodec', VIDEO_CODECS, (d, v) => (d.publish.videoCodec = v)),
];

export const MICROPHONE_ATTRIBUTES: readonly AttributeSpec<MicrophoneDraft>[] = [
  text('device', 'AudioCaptureOptions.deviceId', (d, v) => (d.capture.deviceId = v)),
  tri('echo-cancellation', 'AudioCaptureOptions.echoCancellation', (d, v) => (d.capture.echoCancellation = v)),
  tri('noise-suppression', 'AudioCaptureOptions.noiseSuppression', (d, v) => (d.capture.noiseSuppression = v)),
  tri('auto-gain-control', 'AudioCaptureOptions.autoGainControl', (d, v) => (d.capture.autoGainControl = v)),
  oneOf('audio-preset', 'TrackPublishOptions.audioPreset', AUDIO_PRESETS, (d, v) => (d.publish.audioPreset = { ...AudioPresets[v], ...d.publish.audioPreset })),
  bitrate('max-bitrate', 'TrackPublishOptions.audioPreset.maxBitrate', (d, v) => (d.publish.audioPreset = { ...d.publish.audioPreset, maxBitrate: v })),
  tri('dtx', 'TrackPublishOptions.dtx', (d, v) => (d.publish.dtx = v)),
  tri('red', 'TrackPublishOptions.red', (d, v) => (d.publish.red = v)),
];

export const SCREEN_SHARE_ATTRIBUTES: readonly AttributeSpec<ScreenShareDraft>[] = [
  tri('audio', 'ScreenShareCaptureOptions.audio', (d, v) => (d.capture.audio = v)),
  {
    name: 'resolution',
    target: 'ScreenShareCaptureOptions.resolution',
    accepted: resolutionAccepted(SCREEN_SHARE_RESOLUTIONS),
    apply: (d, v) => (d.capture.resolution = parseResolution(v, SCREEN_SHARE_RESOLUTIONS)),
  },
  bitrate('max-bitrate', 'TrackPublishOptions.screenShareEncoding.maxBitrate', (d, v) => (screenEncoding(d).maxBitrate = v)),
  number('max-framerate', 'TrackPublishOptions.screenShareEncoding.maxFramerate', (d, v) => (screenEncoding(d).maxFramerate = v)),
  oneOf('content-hint', 'ScreenShareCaptureOptions.contentHint', CONTENT_HINTS, (d, v) => (d.capture.contentHint = v)),
  {
    name: 'simulcast-layers',
    target: 'TrackPublishOptions.screenShareSimulcastLayers',
    accepted: layersAccepted(SCREEN_SHARE_LAYER_PRESETS),
    apply: (d, v) => (d.publish.screenShareSimulcastLayers = parseLayers(v, SCREEN_SHARE_LAYER_PRESETS)),
  },
  oneOf('surface', 'ScreenShareCaptureOptions.video.displaySurface', DISPLAY_SURFACES, (d, v) => (d.capture.video = { displaySurface: v })),
  tri('prefer-current-tab', 'ScreenShareCaptureOptions.preferCurrentTab', (d, v) => (d.capture.preferCurrentTab = v)),
];

export const emptyDraft = <C>(): TrackOptionsDraft<C> => ({ capture: {} as C, publish: {} });

export function mapCameraAttributes(read: (name: string) => string | null) {
  return mapAttributes(CAMERA_ATTRIBUTES, read, emptyDraft<VideoCaptureOptions>, 'lk-camera-toggle');
}

export function mapMicrophoneAttributes(read: (name: string) => string | null) {
  return mapAttributes(MICROPHONE_ATTRIBUTES, read, emptyDraft<AudioCaptureOptions>, 'lk-microphone-toggle');
}

export function mapScreenShareAttributes(read: (name: string) => string | null) {
  return mapAttributes(SCREEN_SHARE_ATTRIBUTES, read, emptyDraft<ScreenShareCaptureOptions>, 'lk-screenshare');
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
