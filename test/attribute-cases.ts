/**
 * One valid and one invalid value for every `<lk-room>` option attribute, with the option path and
 * value the valid one must produce. Shared by the core mapping test and the element test.
 */
import { VideoPreset } from 'livekit-client';

export interface AttributeCase {
  attribute: string;
  /** Where the value lands: `room.<RoomOptions path>` or `connect.<RoomConnectOptions path>`. */
  path: string;
  valid: string;
  expected: unknown;
  invalid: string;
}

export const ATTRIBUTE_CASES: AttributeCase[] = [
  { attribute: 'auto-subscribe', path: 'connect.autoSubscribe', valid: 'off', expected: false, invalid: 'maybe' },
  { attribute: 'adaptive-stream', path: 'room.adaptiveStream', valid: '', expected: true, invalid: '1' },
  { attribute: 'dynacast', path: 'room.dynacast', valid: 'yes', expected: true, invalid: 'enabled' },
  { attribute: 'video-resolution', path: 'room.videoCaptureDefaults.resolution', valid: '1280x720@24', expected: { width: 1280, height: 720, frameRate: 24 }, invalid: '1280by720' },
  { attribute: 'video-framerate', path: 'room.videoCaptureDefaults.resolution.frameRate', valid: '15', expected: 15, invalid: '-5' },
  { attribute: 'facing-mode', path: 'room.videoCaptureDefaults.facingMode', valid: 'environment', expected: 'environment', invalid: 'back' },
  { attribute: 'video-device', path: 'room.videoCaptureDefaults.deviceId', valid: 'cam-1', expected: 'cam-1', invalid: '  ' },
  { attribute: 'audio-device', path: 'room.audioCaptureDefaults.deviceId', valid: 'mic-1', expected: 'mic-1', invalid: '' },
  { attribute: 'audio-output-device', path: 'room.audioOutput.deviceId', valid: 'spk-1', expected: 'spk-1', invalid: ' ' },
  { attribute: 'echo-cancellation', path: 'room.audioCaptureDefaults.echoCancellation', valid: 'false', expected: false, invalid: 'nope' },
  { attribute: 'noise-suppression', path: 'room.audioCaptureDefaults.noiseSuppression', valid: 'no', expected: false, invalid: 'null' },
  { attribute: 'auto-gain-control', path: 'room.audioCaptureDefaults.autoGainControl', valid: 'off', expected: false, invalid: '0' },
  { attribute: 'voice-isolation', path: 'room.audioCaptureDefaults.voiceIsolation', valid: 'false', expected: false, invalid: 'disabled' },
  { attribute: 'video-codec', path: 'room.publishDefaults.videoCodec', valid: 'H264', expected: 'h264', invalid: 'h263' },
  { attribute: 'backup-codec', path: 'room.publishDefaults.backupCodec', valid: 'vp8', expected: { codec: 'vp8' }, invalid: 'av1' },
  { attribute: 'video-max-bitrate', path: 'room.publishDefaults.videoEncoding.maxBitrate', valid: '1.5M', expected: 1_500_000, invalid: 'fast' },
  { attribute: 'video-max-framerate', path: 'room.publishDefaults.videoEncoding.maxFramerate', valid: '24', expected: 24, invalid: 'max' },
  { attribute: 'simulcast', path: 'room.publishDefaults.simulcast', valid: 'false', expected: false, invalid: 'twice' },
  {
    attribute: 'simulcast-layers',
    path: 'room.publishDefaults.videoSimulcastLayers',
    valid: '320x180@15:150k, h360',
    expected: [new VideoPreset(320, 180, 150_000, 15), new VideoPreset(640, 360, 450_000, 20)],
    invalid: 'h180,h360,h540',
  },
  { attribute: 'screenshare-max-bitrate', path: 'room.publishDefaults.screenShareEncoding.maxBitrate', valid: '800k', expected: 800_000, invalid: '800kb' },
  { attribute: 'screenshare-max-framerate', path: 'room.publishDefaults.screenShareEncoding.maxFramerate', valid: '5', expected: 5, invalid: '0' },
  {
    attribute: 'screenshare-simulcast-layers',
    path: 'room.publishDefaults.screenShareSimulcastLayers',
    valid: 'h360fps3',
    expected: [new VideoPreset(640, 360, 200_000, 3, 'medium')],
    invalid: 'h360fps99',
  },
  { attribute: 'audio-preset', path: 'room.publishDefaults.audioPreset', valid: 'speech', expected: { maxBitrate: 24_000 }, invalid: 'podcast' },
  { attribute: 'audio-max-bitrate', path: 'room.publishDefaults.audioPreset.maxBitrate', valid: '32k', expected: 32_000, invalid: '32 kbps' },
  { attribute: 'dtx', path: 'room.publishDefaults.dtx', valid: 'false', expected: false, invalid: 'dtx' },
  { attribute: 'red', path: 'room.publishDefaults.red', valid: 'off', expected: false, invalid: 'green' },
  { attribute: 'force-stereo', path: 'room.publishDefaults.forceStereo', valid: '', expected: true, invalid: 'stereo' },
  { attribute: 'stop-mic-on-mute', path: 'room.publishDefaults.stopMicTrackOnMute', valid: 'true', expected: true, invalid: 'sometimes' },
  { attribute: 'scalability-mode', path: 'room.publishDefaults.scalabilityMode', valid: 'L3T3_KEY', expected: 'L3T3_KEY', invalid: 'L4T4' },
  { attribute: 'degradation-preference', path: 'room.publishDefaults.degradationPreference', valid: 'maintain-framerate', expected: 'maintain-framerate', invalid: 'fast' },
];

/** Reads a dotted path out of an object. */
export function at(object: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], object);
}
