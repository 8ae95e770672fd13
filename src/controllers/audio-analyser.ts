import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { Track, TrackEvent, createAudioAnalyser, type LocalAudioTrack, type RemoteAudioTrack } from 'livekit-client';
import { TrackEventsController } from './track-events.js';

/**
 * The analyser's settings: 1024 samples (at 48 kHz, bins 47 Hz apart, a new spectrum every 21 ms),
 * some smoothing so that bars fall rather than flicker, and a range of levels from a quiet room
 * (−90 dB) to a loud voice (−25 dB) spread over the bins' 0 to 255.
 */
const ANALYSER_OPTIONS = { fftSize: 1024, smoothingTimeConstant: 0.6, minDecibels: -90, maxDecibels: -25 } as const;

interface Analyser {
  node: AnalyserNode;
  /** The `MediaStreamTrack` it listens to: a restarted track has another one. */
  source: MediaStreamTrack;
  bins: Uint8Array<ArrayBuffer>;
  cleanup: () => Promise<void>;
}

/** What the host wants analysed: the track, whether now, and the least time between two frames. */
export interface AnalyserRequest {
  track?: Track;
  running: boolean;
  /** Milliseconds; 0: every animation frame. */
  interval: number;
}

/**
 * Reads an audio track's frequency bins once an animation frame (or at most once per `interval`)
 * and hands them to `onFrame` with the width of a bin in Hz; `onFrame(undefined)` once it stops.
 *
 * It listens through a Web Audio `AnalyserNode` made by livekit-client's `createAudioAnalyser`
 * (an `AudioContext` of its own, left unconnected to the speakers), built when reading starts
 * and closed when it stops: when the host stops asking (`running` false), the track goes, is
 * muted or ends, restarts with another `MediaStreamTrack` (a new microphone), or the host leaves
 * the DOM. Nothing runs between frames, and no frame is asked for while stopped.
 */
export class AudioAnalyserController implements ReactiveController {
  #request: AnalyserRequest = { running: false, interval: 0 };
  #connected = false;
  #analyser?: Analyser;
  #frame = 0;
  #last = -Infinity;
  readonly #trackEvents: TrackEventsController;

  constructor(
    host: ReactiveControllerHost,
    private readonly onFrame: (bins: Uint8Array | undefined, binHz: number) => void,
  ) {
    host.addController(this);
    const apply = () => this.#apply();
    this.#trackEvents = new TrackEventsController(host, {
      [TrackEvent.Muted]: apply,
      [TrackEvent.Unmuted]: apply,
      [TrackEvent.Restarted]: apply,
      [TrackEvent.Ended]: apply,
    });
  }

  /** Whether an analyser exists now (and so an `AudioContext`). */
  get analysing(): boolean {
    return this.#analyser !== undefined;
  }

  /** What to analyse, from the host's `updated()`. */
  set(request: AnalyserRequest): void {
    this.#request = request;
    this.#trackEvents.track = request.track;
    this.#apply();
  }

  hostConnected(): void {
    this.#connected = true;
    this.#apply();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#apply();
  }

  #apply(): void {
    const { track, running } = this.#request;
    const source = track?.mediaStreamTrack;
    const audible = track?.kind === Track.Kind.Audio && !track.isMuted && source?.readyState === 'live';
    if (!this.#connected || !running || !audible) return this.#stop();
    if (this.#analyser?.source !== source) {
      this.#release();
      const { analyser, cleanup } = createAudioAnalyser(track as LocalAudioTrack | RemoteAudioTrack, ANALYSER_OPTIONS);
      this.#analyser = { node: analyser, source, bins: new Uint8Array(analyser.frequencyBinCount), cleanup };
    }
    if (!this.#frame) this.#frame = requestAnimationFrame(this.#tick);
  }

  readonly #tick = (now: number): void => {
    this.#frame = requestAnimationFrame(this.#tick);
    const analyser = this.#analyser;
    if (!analyser || now - this.#last < this.#request.interval) return;
    this.#last = now;
    analyser.node.getByteFrequencyData(analyser.bins);
    this.onFrame(analyser.bins, analyser.node.context.sampleRate / analyser.node.fftSize);
  };

  #stop(): void {
    const wasRunning = this.#frame !== 0 || this.#analyser !== undefined;
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#last = -Infinity;
    this.#release();
    if (wasRunning) this.onFrame(undefined, 0);
  }

  #release(): void {
    const analyser = this.#analyser;
    this.#analyser = undefined;
    // Closing disconnects the nodes and releases the context's audio thread.
    if (analyser) void analyser.cleanup().catch(() => undefined);
  }
}
