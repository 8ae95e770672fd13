import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { createAudioAnalyser, createLocalAudioTrack, createLocalVideoTrack, type LocalAudioTrack, type LocalVideoTrack } from 'livekit-client';

/**
 * A local camera and microphone preview before joining: the tracks, the microphone level, and the
 * last error of each. Everything it starts, it stops when asked or when the host leaves the DOM.
 */
export class LocalPreviewController implements ReactiveController {
  video?: LocalVideoTrack;
  audio?: LocalAudioTrack;
  /** The microphone level, 0…1. */
  level = 0;
  videoError?: unknown;
  audioError?: unknown;

  #stopLevel?: () => void;
  #generation = { video: 0, audio: 0 };

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    void this.setVideo(false);
    void this.setAudio(false);
  }

  /** Starts (or restarts on another device) or stops the camera preview. */
  async setVideo(on: boolean, deviceId?: string): Promise<void> {
    const generation = ++this.#generation.video;
    this.video?.stop();
    this.video = undefined;
    this.videoError = undefined;
    if (on) {
      try {
        const track = await createLocalVideoTrack(deviceId ? { deviceId: { exact: deviceId } } : {});
        if (generation !== this.#generation.video) track.stop();
        else this.video = track;
      } catch (err) {
        if (generation === this.#generation.video) this.videoError = err;
      }
    }
    this.host.requestUpdate();
  }

  /** Starts (or restarts on another device) or stops the microphone preview and its level. */
  async setAudio(on: boolean, deviceId?: string): Promise<void> {
    const generation = ++this.#generation.audio;
    this.#stopLevel?.();
    this.#stopLevel = undefined;
    this.audio?.stop();
    this.audio = undefined;
    this.audioError = undefined;
    this.level = 0;
    if (on) {
      try {
        const track = await createLocalAudioTrack(deviceId ? { deviceId: { exact: deviceId } } : {});
        if (generation !== this.#generation.audio) track.stop();
        else {
          this.audio = track;
          this.#watchLevel(track);
        }
      } catch (err) {
        if (generation === this.#generation.audio) this.audioError = err;
      }
    }
    this.host.requestUpdate();
  }

  #watchLevel(track: LocalAudioTrack): void {
    const { calculateVolume, cleanup } = createAudioAnalyser(track, { cloneTrack: true });
    const timer = setInterval(() => {
      const level = Math.min(1, calculateVolume() * 4);
      if (Math.abs(level - this.level) > 0.01) {
        this.level = level;
        this.host.requestUpdate();
      }
    }, 100);
    this.#stopLevel = () => {
      clearInterval(timer);
      void cleanup();
    };
  }
}
