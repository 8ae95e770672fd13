/**
 * The room session: the one owner of a LiveKit room for an `<lk-room>` (or `<lk-conference>`).
 * It holds the credentials and fetches tokens, makes the connection attempts (each bounded in
 * time), holds the options (live ones applied at once, built ones at the next connection), and
 * remembers the local media the person asked for. With `connect` set it stays connected: when
 * livekit-client gives up reconnecting, the session keeps trying with capped backoff and, once
 * back, turns the camera and microphone on again as they were.
 *
 * No DOM and no Lit: the element hands it settings and receives errors, warnings and `change`
 * events. Elements bound to the room read `state`, `room` and `screenShareInterrupted` from it.
 */
import { ConnectionState, DisconnectReason, Room, RoomEvent, isE2EESupported, type Participant, type RemoteParticipant, type RemoteTrack, type RoomConnectOptions, type RoomOptions } from 'livekit-client';
import { retryDelay } from './backoff.js';
import { RoomEncryption, encryptionBuiltKey, sameKey, type EncryptionKey, type EncryptionSettings } from './e2ee.js';
import { toLkConnectionState, type LkConnectionState } from './connection-state.js';
import { ConnectTimeout, classifyConnectionError, classifyMediaError, isCancelled, isRetryable, shouldRejoin, type LkErrorDetail } from './errors.js';
import { LIVE_OPTION_GROUPS, builtKey, liveOptions, mergeOptions, splitOptions, type LiveOptions } from './room-options.js';
import { UNSHOWN_VIDEO_DELAY_MS, buildRoom, closeLeftoverTransports, pauseUnshownVideo, releaseRoom } from './sdk-workarounds.js';
import { PinState } from './pins.js';
import { receiveTranscriptions } from './transcription-stream.js';
import { TranscriptStore } from './transcription.js';
import { missingWebRTC } from './support.js';
import { connectionChange, fetchCredentials, missingCredentials, type ConnectionRequest, type Credentials } from './token.js';
import { unsendableCodecWarning, videoSenderCodecs } from './track-options.js';
import type { BackgroundEffect } from './background.js';
import { CameraBackground } from './camera-background.js';
import { blockedByEmbedder, captureErrorClassifier, frameBlocks, sourceFeature, type EmbedFeature, type FrameScope } from './embedding.js';

/** How long one connection attempt (token, signal, media transports) may take. */
export const CONNECT_TIMEOUT_MS = 20_000;

/** What `<lk-prejoin>` (or page code) chose before joining; each field overrides the element's attribute. */
export interface JoinChoices {
  /** The participant's name: sent to the token endpoint, or set on the participant when the token allows it. */
  name?: string;
  /** Turn the camera on. */
  video?: boolean;
  /** Turn the microphone on. */
  audio?: boolean;
  /** The camera's device id. */
  videoDeviceId?: string;
  /** The microphone's device id. */
  audioDeviceId?: string;
  /** The camera's background effect (over the element's `background`). */
  background?: BackgroundEffect;
}

/** What the element's attributes and properties say; handed to `configure()` on every change. */
export interface SessionSettings {
  request: ConnectionRequest;
  /** `RoomOptions`: the page's base merged with the attributes. */
  options: RoomOptions;
  connectOptions: RoomConnectOptions;
  /** `video` / `audio`: the camera and microphone on once connected. */
  camera: boolean;
  microphone: boolean;
  /** End-to-end encryption: absent for none. Turning it on or off applies at the next connection. */
  encryption?: EncryptionSettings;
}

/** Where the session reports: the element that owns it. */
export interface SessionOwner {
  /** A failure, as `lk-error` and a console warning. */
  reportError(detail: LkErrorDetail): void;
  /** A console warning. */
  warn(message: string): void;
}

type Media = { camera: boolean; microphone: boolean; screen: boolean };

class Cancelled extends Error {}

/** Rejects with a `timeout` after `ms`, calling `onTimeout` first. */
function bounded<T>(promise: Promise<T>, ms: number, onTimeout: () => void): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      reject(new ConnectTimeout(ms));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}


/**
 * One room, kept connected while `connect` is set. Fires `change` (a plain `Event`) whenever
 * `state`, `room`, `connect`, `recording`, `encrypted`, `undecryptable()` or
 * `screenShareInterrupted` changes.
 */
export class RoomSession extends EventTarget {
  /** How long one attempt may take, in ms. */
  connectTimeout = CONNECT_TIMEOUT_MS;

  /** The tile pinned in this room, shared by its elements. A participant who leaves is unpinned. */
  readonly pins = new PinState();

  /**
   * The transcriptions received in this room (`lk.transcription` text streams), shared by its
   * `<lk-transcript>` elements. Filled while at least one of them holds `watchTranscriptions()`;
   * emptied when the session builds a new `Room`.
   */
  readonly transcriptions = new TranscriptStore();

  /** The camera's background effect, applied to the camera this session's `Room` publishes. */
  readonly background: CameraBackground;

  #settings: SessionSettings = { request: {}, options: {}, connectOptions: {}, camera: false, microphone: false };
  /** The encryption of the current `Room`, when it was built with it. */
  #encryption?: RoomEncryption;
  /** Remote participants whose frames could not be decrypted (since the last key). */
  #undecryptable = new Set<string>();
  /** `encryption` was reported for this `Room` and key: once. */
  #reportedEncryption = false;
  #choices: JoinChoices = {};
  #room?: Room;
  #roomKey?: string;
  #sdkDefaults: LiveOptions = {};
  #liveKey?: string;
  #warnedBuiltKey?: string;

  #connect = false;
  #state: LkConnectionState = 'disconnected';
  /** Bumped by every leave, new attempt and removal: a stale attempt sees it and stops. */
  #generation = 0;
  #retryTimer?: ReturnType<typeof setTimeout>;
  #retries = 0;
  /** The request the current or last connection used. */
  #connectedRequest?: ConnectionRequest;
  /** The request of the attempt under way. */
  #attemptKey?: string;
  /** A request that lacked credentials or was refused for good: not tried again until it changes. */
  #waitingFor?: string;
  #warnedMissing?: string;
  #warnedEncryption?: string;
  /** Out of the page: nothing connects until `resume()`. */
  #suspended = false;
  /** The session itself is disconnecting the room: its `Disconnected` is no loss. */
  #disconnecting = false;
  /** `unsupported` was reported: once for the session's life, however often it is asked to connect. */
  #reportedUnsupported = false;
  /** `blocked-by-embedder` was reported: once for the session's life. */
  #reportedBlocked = false;
  /** The error codes reported in this episode of failures: each once. */
  #reported = new Set<string>();
  /** What was on before the connection was lost: restored on rejoin. */
  #lostMedia?: Media;
  #media: Media = { camera: false, microphone: false, screen: false };
  #screenShareInterrupted = false;
  #roomAbort?: AbortController;
  #attempt?: Promise<void>;
  #transcriptionWatchers = 0;
  #transcriptionRoom?: Room;
  #stopTranscriptions?: () => void;
  /** The simulated call shown instead of a connection (`preview`). */
  #preview?: Room;

  constructor(private readonly owner: SessionOwner) {
    super();
    this.background = new CameraBackground(owner);
  }

  /** The livekit-client `Room` in use, once one was needed: the simulated call's during a preview. */
  get room(): Room | undefined {
    return this.#preview ?? this.#room;
  }

  /** The connection state, with the session's own retrying counted as `connecting` / `reconnecting`; `connected` during a preview. */
  get state(): LkConnectionState {
    return this.#preview ? 'connected' : this.#state;
  }

  /** Whether a simulated call (`preview`) is shown instead of a connection. */
  get preview(): boolean {
    return !!this.#preview;
  }

  /**
   * Shows `room`, a simulated call that never connects (`preview`), instead of the real one: a
   * connection under way or up is ended, and none is made while it is shown; `connect` (as the
   * element says now) is kept for later. `undefined` ends the preview: with `connect` set, the room
   * connects then.
   */
  async showPreview(room: Room | undefined, connect: boolean): Promise<void> {
    if (room === this.#preview) return;
    const ending = !room;
    this.#preview = room;
    this.#connect = connect;
    this.#changed();
    if (ending) {
      if (this.#connect && !this.#suspended) await this.#start();
      return;
    }
    this.#stopRetrying();
    this.#generation++;
    this.#lostMedia = undefined;
    await this.#disconnectRoom();
    this.#setState('disconnected');
  }

  /** Whether the session keeps the room connected. */
  get connect(): boolean {
    return this.#connect;
  }

  /** Why this browser cannot join at all (it has no WebRTC), as a sentence; `undefined` where it can. */
  get unsupported(): string | undefined {
    return missingWebRTC(globalThis);
  }

  /**
   * What the frame's Permissions Policy (the embedding page's `<iframe allow>`) blocks of camera,
   * microphone, display-capture and autoplay; `undefined` where the engine cannot tell.
   */
  get blocked(): EmbedFeature[] | undefined {
    return frameBlocks(globalThis as FrameScope);
  }

  /**
   * Whether the room is being recorded, as the server says (livekit-client's `Room.isRecording`:
   * an egress or a participant with the `recorder` grant is in the room); `false` while disconnected.
   */
  get recording(): boolean {
    return !!this.#room && this.#state !== 'disconnected' && this.#room.isRecording;
  }

  /** Whether the local participant's media is end-to-end encrypted now (livekit-client's `Room.isE2EEEnabled`). */
  get encrypted(): boolean {
    return !!this.#room && this.#state === 'connected' && this.#room.isE2EEEnabled;
  }

  /**
   * Whether `participant`'s media cannot be decrypted here: a decryption failed (another key), or
   * the participant encrypts and this room has no encryption.
   */
  undecryptable(participant: Participant): boolean {
    if (participant.isLocal) return false;
    if (this.#undecryptable.has(participant.identity)) return true;
    return !!this.#room && !this.#room.hasE2EESetup && participant.isEncrypted;
  }

  /** A screen share was on when the connection was lost: sharing again needs a new click. */
  get screenShareInterrupted(): boolean {
    return this.#screenShareInterrupted;
  }

  /** The `Room`, built now if none was needed yet (for page code that wants it before connecting). */
  ensureRoom(): Room {
    return this.#preview ?? this.#room ?? this.#roomForConnection();
  }

  /** Takes the element's current settings; applies what may change on a live room. */
  configure(settings: SessionSettings): void {
    const previous = this.#settings;
    this.#settings = settings;
    const room = this.#room;
    if (room) {
      this.#applyLive(room);
      const key = this.#builtKey();
      if (key !== this.#roomKey && room.state !== ConnectionState.Disconnected && key !== this.#warnedBuiltKey) {
        this.#warnedBuiltKey = key;
        this.owner.warn('adaptive-stream, dynacast, e2ee and other options read when the Room is built changed while connected; they apply at the next connection.');
      }
      const encryptionKey = settings.encryption?.key;
      if (this.#encryption && encryptionKey !== undefined && !sameKey(encryptionKey, previous.encryption?.key)) void this.#setKey(this.#encryption, encryptionKey);
    }
    if (room?.state === ConnectionState.Connected) {
      if (settings.camera !== previous.camera && this.#choices.video === undefined) void this.#setSource('camera', settings.camera);
      if (settings.microphone !== previous.microphone && this.#choices.audio === undefined) void this.#setSource('microphone', settings.microphone);
    }
    this.#requestChanged();
  }

  /** Keeps the room connected (`true`) or leaves it (`false`), as the `connect` attribute says. */
  setConnect(connect: boolean): void {
    if (connect === this.#connect) return;
    if (this.#preview) {
      // Kept for when the preview ends.
      this.#connect = connect;
      this.#changed();
    } else if (connect) {
      this.#connect = true;
      this.#changed();
      void this.#start();
    } else {
      void this.leave();
    }
  }

  /**
   * Joins with `choices` (what `<lk-prejoin>` offers): keeps the room connected from now on and
   * resolves once connected with the camera and microphone as asked; rejects with the first failure
   * (also reported as `lk-error`; the session keeps trying after a network failure).
   */
  join(choices: JoinChoices = {}): Promise<void> {
    // A preview is a picture of the call: nothing joins, and `connect` stays as the page wrote it.
    if (this.#preview) return Promise.resolve();
    this.#choices = { ...this.#choices, ...choices };
    if (choices.background) this.background.choice = choices.background;
    this.#waitingFor = undefined;
    this.#reported.clear();
    if (!this.#connect) {
      this.#connect = true;
      this.#changed();
    }
    const connected = this.#room?.state === ConnectionState.Connected;
    if (connected) {
      // Already in: apply the choices to the live room.
      this.#requestChanged();
      return this.#applyMedia(this.#wantedMedia());
    }
    return this.#start(true);
  }

  /** Leaves: stops keeping the room connected, disconnects it and stops its local tracks. */
  async leave(): Promise<void> {
    // In a preview a leave button changes nothing (`connect` stays in the page a builder saves).
    if (this.#preview) return;
    const wasConnecting = this.#connect;
    this.#connect = false;
    this.#stopRetrying();
    this.#generation++;
    this.#lostMedia = undefined;
    this.#screenShareInterrupted = false;
    this.#reported.clear();
    if (wasConnecting) this.#changed();
    await this.#disconnectRoom();
    this.#setState('disconnected');
  }

  /** The element left the page: disconnect, stop tracks and let the `Room` go. `connect` is kept for a return. */
  async release(): Promise<void> {
    this.#suspended = true;
    this.#stopRetrying();
    this.#generation++;
    const room = this.#room;
    await this.#disconnectRoom();
    this.#setState('disconnected');
    if (room && room === this.#room) this.#dropRoom();
  }

  /** The element is back in the page: connect again if `connect` (as it says now) is set. */
  resume(connect: boolean): void {
    this.#suspended = false;
    if (connect !== this.#connect) this.setConnect(connect);
    else if (connect) void this.#start();
  }

  /**
   * Receives the room's transcriptions into `transcriptions` until the returned function is called:
   * one `lk.transcription` handler on the `Room` (and on each `Room` after it) while anyone watches,
   * unregistered when the last watcher lets go or the `Room` goes.
   */
  watchTranscriptions(): () => void {
    this.#transcriptionWatchers++;
    this.#syncTranscriptions();
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.#transcriptionWatchers--;
      // A move (removed, then inserted at once) keeps the handler.
      queueMicrotask(() => this.#syncTranscriptions());
    };
  }

  #syncTranscriptions(): void {
    const room = this.#transcriptionWatchers > 0 ? this.#room : undefined;
    if (room === this.#transcriptionRoom) return;
    this.#stopTranscriptions?.();
    this.#stopTranscriptions = undefined;
    this.#transcriptionRoom = room;
    if (room) this.#stopTranscriptions = receiveTranscriptions(room, this.transcriptions, (message) => this.owner.warn(message));
  }

  // ---- connecting ---------------------------------------------------------------------------

  #options(): RoomOptions {
    const { options } = this.#settings;
    const devices: RoomOptions = {};
    if (this.#choices.videoDeviceId) devices.videoCaptureDefaults = { deviceId: this.#choices.videoDeviceId };
    if (this.#choices.audioDeviceId) devices.audioCaptureDefaults = { deviceId: this.#choices.audioDeviceId };
    return mergeOptions(options, devices);
  }

  #request(): ConnectionRequest {
    const request = { ...this.#settings.request };
    if (this.#choices.name) request.participantName = this.#choices.name;
    return request;
  }

  /** The request as a comparable string, with whether encryption, when asked for, has its key. */
  #requestKey(request: ConnectionRequest): string {
    const encryption = this.#settings.encryption;
    return JSON.stringify(encryption ? { ...request, e2eeKey: encryption.key !== undefined } : request);
  }

  /** What the `Room` is built with, as a comparable string: the built options and encryption. */
  #builtKey(): string {
    return builtKey(this.#options()) + encryptionBuiltKey(this.#settings.encryption);
  }

  /** Why the room cannot connect encrypted as asked, or `undefined`. */
  #encryptionProblem(): string | undefined {
    const encryption = this.#settings.encryption;
    if (!encryption) return undefined;
    if (!isE2EESupported()) return 'End-to-end encryption was asked for, but this browser cannot encrypt media (no encoded transforms); not connecting.';
    if (encryption.key === undefined) return `End-to-end encryption was asked for, but there is no key yet (${encryption.source}); not connecting until there is one.`;
    return undefined;
  }

  async #setKey(encryption: RoomEncryption, key: EncryptionKey): Promise<void> {
    try {
      if (!(await encryption.setKey(key))) return;
    } catch (err) {
      this.owner.reportError({ code: 'encryption', message: `The encryption key could not be used: ${err instanceof Error ? err.message : String(err)}`, cause: err });
      return;
    }
    // A new key: whoever failed may decrypt now; failures are told again.
    this.#reportedEncryption = false;
    if (this.#undecryptable.size > 0) {
      this.#undecryptable.clear();
      this.#changed();
    }
  }

  #wantedMedia(): Media {
    return {
      camera: this.#choices.video ?? this.#settings.camera,
      microphone: this.#choices.audio ?? this.#settings.microphone,
      screen: false,
    };
  }

  /** The request changed: reconnect, update the participant, or nothing. */
  #requestChanged(): void {
    if (!this.#connect || this.#suspended || this.#preview) return;
    const request = this.#request();
    const key = this.#requestKey(request);
    if (this.#waitingFor !== undefined) {
      if (key !== this.#waitingFor) void this.#start();
      return;
    }
    if (this.#attempt) {
      if (key !== this.#attemptKey) void this.#start();
      return;
    }
    if (this.#retryTimer) return; // the next attempt reads the new request
    const room = this.#room;
    const previous = this.#connectedRequest;
    if (!previous || !room || room.state === ConnectionState.Disconnected) {
      void this.#start();
      return;
    }
    const change = connectionChange(previous, request, !!room.localParticipant.permissions?.canUpdateMetadata);
    if (change === 'reconnect') void this.#start();
    else if (change === 'update' && room.state === ConnectionState.Connected) {
      this.#connectedRequest = request;
      void this.#updateParticipant(room, previous, request);
    }
  }

  async #updateParticipant(room: Room, previous: ConnectionRequest, next: ConnectionRequest): Promise<void> {
    try {
      if ((next.participantName ?? '') !== (previous.participantName ?? '')) await room.localParticipant.setName(next.participantName ?? '');
      if ((next.participantMetadata ?? '') !== (previous.participantMetadata ?? '')) await room.localParticipant.setMetadata(next.participantMetadata ?? '');
    } catch (err) {
      this.owner.reportError({ code: 'connection', message: `Could not update the participant's name or metadata: ${err instanceof Error ? err.message : String(err)}`, cause: err });
    }
  }

  /** Starts a new attempt now (cancelling one under way); with `rejectOnFailure` the promise rejects on its failure. */
  #start(rejectOnFailure = false): Promise<void> {
    this.#stopRetrying();
    this.#waitingFor = undefined;
    if (this.#suspended || this.#preview) return Promise.resolve();
    // A browser without WebRTC: said once, and nothing is tried, now or later.
    const unsupported = this.unsupported;
    if (unsupported) {
      if (!this.#reportedUnsupported) {
        this.#reportedUnsupported = true;
        this.owner.reportError({ code: 'unsupported', message: unsupported });
      }
      return rejectOnFailure ? Promise.reject(new Error(unsupported)) : Promise.resolve();
    }
    this.#reportBlocked();
    const generation = ++this.#generation;
    const attempt = this.#run(generation, rejectOnFailure);
    const tracked: Promise<void> = attempt
      .catch(() => {
        /* reported as lk-error */
      })
      .finally(() => {
        if (this.#attempt === tracked) this.#attempt = undefined;
      });
    this.#attempt = tracked;
    return rejectOnFailure ? attempt : Promise.resolve();
  }

  async #run(generation: number, explicit: boolean): Promise<void> {
    const request = this.#request();
    this.#attemptKey = this.#requestKey(request);
    const missing = missingCredentials(request);
    if (missing && explicit) {
      this.#waitingFor = this.#attemptKey;
      const detail: LkErrorDetail = { code: 'token', message: `Cannot connect: ${missing}.` };
      this.owner.reportError(detail);
      throw new Error(detail.message);
    }
    if (missing) {
      if (this.#warnedMissing !== missing) this.owner.warn(`not connecting yet: ${missing}.`);
      this.#warnedMissing = missing;
      this.#waitingFor = this.#attemptKey;
      return;
    }
    this.#warnedMissing = undefined;
    const problem = this.#encryptionProblem();
    if (problem) {
      // Never unencrypted instead: the room waits for a key (or stays out in a browser that cannot encrypt).
      this.#waitingFor = this.#attemptKey;
      if (this.#warnedEncryption !== problem) this.owner.reportError({ code: 'encryption', message: problem });
      this.#warnedEncryption = problem;
      this.#setState('disconnected');
      if (explicit) throw new Error(problem);
      return;
    }
    this.#warnedEncryption = undefined;
    const stale = () => generation !== this.#generation;
    const losing = this.#lostMedia !== undefined;
    this.#setState(losing ? 'reconnecting' : 'connecting');
    try {
      // Whatever is connected or connecting with other credentials goes first.
      if (this.#room && this.#room.state !== ConnectionState.Disconnected) await this.#disconnectRoom();
      if (stale()) throw new Cancelled();
      const credentials = await bounded(fetchCredentials(request), this.connectTimeout, () => {});
      if (stale()) throw new Cancelled();
      const room = this.#roomForConnection();
      await this.#prepareEncryption(room);
      if (stale()) throw new Cancelled();
      await this.#connectRoom(room, credentials);
      if (stale()) throw new Cancelled();
      this.#connectedRequest = request;
      this.#retries = 0;
      this.#reported.clear();
      this.#setState(toLkConnectionState(room.state));
      const restore = this.#lostMedia;
      this.#lostMedia = undefined;
      if (restore?.screen) {
        this.#screenShareInterrupted = true;
        this.#changed();
      }
      await this.#applyMedia(restore ?? this.#wantedMedia());
    } catch (err) {
      if (err instanceof Cancelled || stale()) return;
      if (isCancelled(err)) return;
      const detail = classifyConnectionError(err);
      if (!this.#reported.has(detail.code)) {
        this.#reported.add(detail.code);
        this.owner.reportError(detail);
      }
      if (this.#connect && isRetryable(detail)) {
        this.#scheduleRetry(losing ? 'reconnecting' : 'connecting');
      } else {
        this.#waitingFor = this.#requestKey(request);
        this.#setState('disconnected');
      }
      throw err;
    }
  }

  /**
   * A frame that blocks what a call needs is said once for the session's life, naming the `allow`
   * value to add; the room still connects, and blocked sources stay off.
   */
  #reportBlocked(): void {
    const blocked = this.blocked;
    if (!blocked?.length || this.#reportedBlocked) return;
    this.#reportedBlocked = true;
    this.owner.reportError(blockedByEmbedder(blocked));
  }

  /** The key set and the local participant's encryption on, before connecting (as livekit-client expects). */
  async #prepareEncryption(room: Room): Promise<void> {
    const key = this.#settings.encryption?.key;
    const encryption = this.#encryption;
    if (!encryption || key === undefined) return;
    await this.#setKey(encryption, key);
    await room.setE2EEEnabled(true);
  }

  async #connectRoom(room: Room, credentials: Credentials): Promise<void> {
    const { connectOptions } = this.#settings;
    try {
      await bounded(room.connect(credentials.serverUrl, credentials.participantToken, connectOptions), this.connectTimeout, () => void room.disconnect());
    } catch (err) {
      // livekit-client may leave a peer connection open, and late work of the attempt running, when
      // an attempt fails or is cut short: close what it left, and connect a new Room next time.
      closeLeftoverTransports(room);
      if (room === this.#room) this.#dropRoom();
      throw err;
    }
  }

  #scheduleRetry(state: LkConnectionState): void {
    this.#setState(state);
    const delay = retryDelay(this.#retries++);
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined;
      if (this.#connect) void this.#start();
    }, delay);
  }

  #stopRetrying(): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = undefined;
  }

  async #disconnectRoom(): Promise<void> {
    const room = this.#room;
    if (!room) return;
    this.#disconnecting = true;
    try {
      // Even when it still says Disconnected: a connect() just called holds the disconnect lock and
      // has not said Connecting yet; disconnect() queues behind it and cancels it.
      await room.disconnect();
    } finally {
      this.#disconnecting = false;
    }
    closeLeftoverTransports(room);
  }

  // ---- media --------------------------------------------------------------------------------

  async #applyMedia(media: Media): Promise<void> {
    await Promise.all([media.camera && this.#setSource('camera', true), media.microphone && this.#setSource('microphone', true)]);
  }

  async #setSource(source: 'camera' | 'microphone', enabled: boolean): Promise<void> {
    const participant = this.#room?.localParticipant;
    if (!participant) return;
    const generation = this.#generation;
    // Blocked by the frame's policy: said once already (`blocked-by-embedder`); nothing to try.
    if (enabled && this.blocked?.includes(sourceFeature(source)!)) return;
    try {
      if (source === 'camera') {
        const warning = enabled ? unsendableCodecWarning('video-codec', this.#room?.options.publishDefaults?.videoCodec, videoSenderCodecs()) : undefined;
        if (warning) this.owner.warn(warning);
        await participant.setCameraEnabled(enabled);
      } else {
        await participant.setMicrophoneEnabled(enabled);
      }
    } catch (err) {
      // Cut short by a leave or a removal: what the page asked for, not a failure.
      if (generation !== this.#generation) return;
      const detail = enabled ? await captureErrorClassifier(globalThis as FrameScope, source)(err, source) : classifyMediaError(err, source);
      if (generation !== this.#generation) return;
      this.owner.reportError(detail);
    }
  }

  #readMedia(room: Room): void {
    const p = room.localParticipant;
    this.#media = { camera: p.isCameraEnabled, microphone: p.isMicrophoneEnabled, screen: p.isScreenShareEnabled };
    if (this.#media.screen && this.#screenShareInterrupted) {
      this.#screenShareInterrupted = false;
      this.#changed();
    }
  }

  // ---- the Room -----------------------------------------------------------------------------

  /** The room to connect: the current one, or a new one when options it is built with changed. */
  #roomForConnection(): Room {
    const key = this.#builtKey();
    if (this.#room && key === this.#roomKey) return this.#room;
    if (this.#room) this.#dropRoom();
    const { built } = splitOptions(this.#options());
    const wanted = this.#settings.encryption;
    // `encryption` (not the older `e2ee`): livekit-client then encrypts data packets (chat) too.
    const encryption = wanted && isE2EESupported() ? new RoomEncryption(wanted.worker) : undefined;
    const room = buildRoom(encryption ? { ...built, encryption: encryption.options } : built);
    this.#encryption = encryption;
    this.#undecryptable.clear();
    this.#reportedEncryption = false;
    this.#sdkDefaults = {};
    for (const group of LIVE_OPTION_GROUPS) {
      if (room.options[group]) (this.#sdkDefaults as Record<string, unknown>)[group] = { ...room.options[group] };
    }
    this.#room = room;
    this.#roomKey = key;
    this.#liveKey = undefined;
    this.#applyLive(room);
    this.#listen(room);
    this.transcriptions.clear();
    this.#syncTranscriptions();
    this.#changed();
    return room;
  }

  #dropRoom(): void {
    const room = this.#room;
    if (!room) return;
    this.#roomAbort?.abort();
    this.#roomAbort = undefined;
    this.#room = undefined;
    this.#roomKey = undefined;
    this.background.attach(undefined);
    this.#syncTranscriptions();
    releaseRoom(room);
    this.#encryption?.dispose();
    this.#encryption = undefined;
    this.#undecryptable.clear();
    this.#changed();
  }

  #listen(room: Room): void {
    const abort = new AbortController();
    this.#roomAbort = abort;
    this.background.attach(room);
    const on = (event: RoomEvent, handler: (...args: never[]) => void) => {
      room.on(event, handler);
      abort.signal.addEventListener('abort', () => room.off(event, handler));
    };
    on(RoomEvent.ConnectionStateChanged, (state: ConnectionState) => {
      if (state === ConnectionState.Reconnecting || state === ConnectionState.SignalReconnecting) this.#lostMedia ??= { ...this.#media };
      // livekit-client reconnected by itself: nothing to restore.
      if (state === ConnectionState.Connected && !this.#attempt) this.#lostMedia = undefined;
      // Left, or out of the page: disconnected now, before the `Disconnected` event reaches the page.
      if (state === ConnectionState.Disconnected && (!this.#connect || this.#suspended) && !this.#attempt) this.#setState('disconnected');
      // Any other disconnection's state is decided with its reason (below), or by the attempt that caused it.
      if (state === ConnectionState.Disconnected || this.#retryTimer) return;
      const mapped = toLkConnectionState(state);
      this.#setState(mapped === 'connecting' && this.#lostMedia ? 'reconnecting' : mapped);
    });
    const read = () => room.state === ConnectionState.Connected && this.#readMedia(room);
    for (const event of [RoomEvent.LocalTrackPublished, RoomEvent.LocalTrackUnpublished, RoomEvent.TrackMuted, RoomEvent.TrackUnmuted, RoomEvent.Connected]) on(event, read);
    on(RoomEvent.Disconnected, (reason?: DisconnectReason) => this.#onDisconnected(reason));
    on(RoomEvent.RecordingStatusChanged, () => this.#changed());
    on(RoomEvent.ParticipantDisconnected, (participant: RemoteParticipant) => {
      this.pins.forget(participant.identity);
      if (this.#undecryptable.delete(participant.identity)) this.#changed();
    });
    on(RoomEvent.ParticipantEncryptionStatusChanged, () => this.#changed());
    on(RoomEvent.EncryptionError, (error: Error, participant?: Participant) => this.#onEncryptionError(error, participant));
    on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      const timer = setTimeout(() => pauseUnshownVideo(track), UNSHOWN_VIDEO_DELAY_MS);
      abort.signal.addEventListener('abort', () => clearTimeout(timer), { once: true });
    });
  }

  /**
   * livekit-client could not encrypt or decrypt: a participant's frames failed to decrypt (another
   * key), an encrypted track reached a room without encryption, or the worker failed. Said once
   * per `Room` and key; the participant is marked for its tiles.
   */
  #onEncryptionError(error: Error, participant?: Participant): void {
    if (participant && !participant.isLocal && !this.#undecryptable.has(participant.identity)) {
      this.#undecryptable.add(participant.identity);
      this.#changed();
    }
    if (this.#reportedEncryption) return;
    this.#reportedEncryption = true;
    const who = participant && !participant.isLocal ? ` (${participant.identity})` : '';
    this.owner.reportError({ code: 'encryption', message: `End-to-end encryption failed${who}: ${error.message}`, cause: error });
  }

  #onDisconnected(reason: DisconnectReason | undefined): void {
    // Not wanted any more (left, or out of the page): that is the end of it.
    if ((!this.#connect || this.#suspended) && !this.#attempt) {
      this.#setState('disconnected');
      return;
    }
    // The session's own disconnections, and its attempts' failures, are handled where they happen.
    if (this.#disconnecting || this.#attempt) return;
    if (reason === DisconnectReason.CLIENT_INITIATED) {
      // The page (or a control) disconnected the Room itself: that is leaving.
      this.#stopRetrying();
      this.#lostMedia = undefined;
      if (this.#connect) {
        this.#connect = false;
        this.#changed();
      }
      this.#setState('disconnected');
      return;
    }
    if (!this.#connect || this.#suspended || !shouldRejoin(reason)) {
      this.#waitingFor = this.#requestKey(this.#request());
      this.#lostMedia = undefined;
      this.#setState('disconnected');
      return;
    }
    this.#lostMedia ??= { ...this.#media };
    const reasonName = reason === undefined ? 'unknown' : DisconnectReason[reason];
    this.#reported.add('connection-lost');
    this.owner.reportError({ code: 'connection-lost', message: `The connection was lost (${reasonName}); trying to join again.`, reason: reasonName });
    this.#retries = 0;
    this.#scheduleRetry('reconnecting');
  }

  #applyLive(room: Room): void {
    const live = liveOptions(this.#sdkDefaults, splitOptions(this.#options()).live);
    const key = JSON.stringify(live);
    if (key === this.#liveKey) return;
    this.#liveKey = key;
    const output = room.options.audioOutput?.deviceId;
    Object.assign(room.options, live);
    // A new output device moves the audio already playing too, not only the next track's.
    const next = room.options.audioOutput?.deviceId;
    if (next !== output && room.state === ConnectionState.Connected) {
      room.switchActiveDevice('audiooutput', next ?? 'default').catch((err: unknown) => this.owner.reportError(classifyMediaError(err, 'audio output device')));
    }
  }

  #setState(state: LkConnectionState): void {
    if (state === this.#state) return;
    this.#state = state;
    this.#changed();
  }

  #changed(): void {
    this.dispatchEvent(new Event('change'));
  }
}

