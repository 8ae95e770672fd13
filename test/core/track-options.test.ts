import { expect } from '@open-wc/testing';
import { ScreenSharePresets, VideoPreset, VideoPresets } from 'livekit-client';
import { mayPublish } from '../../src/core/permissions.js';
import { cameraOptions, mapCameraAttributes, mapMicrophoneAttributes, mapScreenShareAttributes, microphoneOptions, screenShareOptions, unsendableCodecWarning } from '../../src/core/track-options.js';

const from = (values: Record<string, string>) => (name: string) => values[name] ?? null;

describe('core: control overrides → capture and publish options', () => {
  it('camera', () => {
    const mapped = mapCameraAttributes(
      from({ resolution: 'h540', framerate: '15', 'facing-mode': 'environment', device: 'cam', 'max-bitrate': '900k', 'max-framerate': '15', simulcast: 'off', 'simulcast-layers': 'h180', codec: 'vp9' }),
    );
    expect(mapped.errors).to.deep.equal([]);
    expect(mapped.capture).to.deep.equal({ resolution: { ...VideoPresets.h540.resolution, frameRate: 15 }, facingMode: 'environment', deviceId: 'cam' });
    expect(mapped.publish).to.deep.equal({ videoEncoding: { maxBitrate: 900_000, maxFramerate: 15 }, simulcast: false, videoSimulcastLayers: [VideoPresets.h180], videoCodec: 'vp9' });
  });

  it('microphone', () => {
    const mapped = mapMicrophoneAttributes(
      from({ device: 'mic', 'echo-cancellation': 'off', 'noise-suppression': 'no', 'auto-gain-control': 'false', 'audio-preset': 'speech', 'max-bitrate': '20k', dtx: 'false', red: 'off' }),
    );
    expect(mapped.errors).to.deep.equal([]);
    expect(mapped.capture).to.deep.equal({ deviceId: 'mic', echoCancellation: false, noiseSuppression: false, autoGainControl: false });
    expect(mapped.publish).to.deep.equal({ audioPreset: { maxBitrate: 20_000 }, dtx: false, red: false });
  });

  it('screen share', () => {
    const mapped = mapScreenShareAttributes(
      from({ audio: '', resolution: 'h720fps5', 'max-bitrate': '1M', 'max-framerate': '5', 'content-hint': 'text', 'simulcast-layers': 'h360fps3', surface: 'window', 'prefer-current-tab': '' }),
    );
    expect(mapped.errors).to.deep.equal([]);
    expect(mapped.capture).to.deep.equal({ audio: true, resolution: ScreenSharePresets.h720fps5.resolution, contentHint: 'text', video: { displaySurface: 'window' }, preferCurrentTab: true });
    expect(mapped.publish).to.deep.equal({ screenShareEncoding: { maxBitrate: 1_000_000, maxFramerate: 5 }, screenShareSimulcastLayers: [ScreenSharePresets.h360fps3] });
  });

  it('reports invalid overrides: the attribute, its value and what is accepted (the element adds its name)', () => {
    const mapped = mapScreenShareAttributes(from({ surface: 'desk', 'max-framerate': 'fast' }));
    expect(mapped.errors.map((e) => e.attribute)).to.deep.equal(['max-framerate', 'surface']);
    expect(mapped.errors[1].message).to.match(/^surface="desk" is not valid/).and.contain('monitor, window, browser');
    expect(mapped.capture).to.deep.equal({});
  });

  it('overrides merge field by field with the room defaults', () => {
    const room = {
      videoCaptureDefaults: { resolution: VideoPresets.h720.resolution, deviceId: 'room-cam' },
      publishDefaults: { videoEncoding: { maxBitrate: 2_000_000, maxFramerate: 30 }, dtx: true, videoSimulcastLayers: [VideoPresets.h90] },
    };
    const { capture, publish } = cameraOptions(room, { capture: { resolution: { frameRate: 10 } as never }, publish: { videoEncoding: { maxFramerate: 10 } as never } });
    expect(capture).to.deep.equal({ resolution: { ...VideoPresets.h720.resolution, frameRate: 10 }, deviceId: 'room-cam' });
    expect(publish).to.deep.equal({ videoEncoding: { maxBitrate: 2_000_000, maxFramerate: 10 }, dtx: true, videoSimulcastLayers: [VideoPresets.h90] });
    const custom = [new VideoPreset(320, 180, 100_000, 10)];
    expect(cameraOptions(room, { capture: {}, publish: { videoSimulcastLayers: custom } }).publish.videoSimulcastLayers).to.equal(custom);
  });

  it('a frame rate without bitrate keeps the default bitrate', () => {
    expect(cameraOptions({}, { capture: { resolution: { width: 640, height: 360 } }, publish: { videoEncoding: { maxFramerate: 12 } as never } }).publish.videoEncoding).to.deep.equal({
      maxFramerate: 12,
      maxBitrate: 450_000,
    });
    expect(screenShareOptions({}, { capture: {}, publish: { screenShareEncoding: { maxFramerate: 5 } as never } }).publish.screenShareEncoding).to.deep.include({
      maxFramerate: 5,
      maxBitrate: ScreenSharePresets.h1080fps15.encoding.maxBitrate,
    });
    expect(microphoneOptions({ publishDefaults: { dtx: true } }, { capture: {}, publish: { dtx: false } }).publish).to.deep.equal({ dtx: false });
  });

  it('publish permissions', () => {
    expect(mayPublish(undefined, 'camera' as never)).to.equal(true);
    expect(mayPublish({ canPublish: false }, 'camera' as never)).to.equal(false);
    expect(mayPublish({ canPublish: true, canPublishSources: [] }, 'camera' as never)).to.equal(true);
    expect(mayPublish({ canPublish: true, canPublishSources: [2] }, 'camera' as never)).to.equal(false);
    expect(mayPublish({ canPublish: true, canPublishSources: [2] }, 'microphone' as never)).to.equal(true);
  });

  it('warns of a camera codec the browser cannot send, and only then', () => {
    const firefox = ['video/VP8', 'video/rtx', 'video/VP9', 'video/AV1', 'video/ulpfec', 'video/red'];
    expect(unsendableCodecWarning('codec', 'h264', firefox)).to.equal('codec="h264": this browser cannot send H264 (it sends VP8, VP9, AV1); the camera publishes another codec.');
    expect(unsendableCodecWarning('video-codec', 'vp9', firefox)).to.equal(undefined);
    expect(unsendableCodecWarning('codec', 'h264', [...firefox, 'video/H264'])).to.equal(undefined);
    expect(unsendableCodecWarning('codec', undefined, firefox)).to.equal(undefined);
    // A browser that does not say what it sends: no warning.
    expect(unsendableCodecWarning('codec', 'h264', undefined)).to.equal(undefined);
    expect(unsendableCodecWarning('codec', 'h264', [])).to.equal(undefined);
  });
});
