import { html, type PropertyValues, type PropertyDeclarations } from 'lit';
import {
  ConnectionState,
  DisconnectReason,
  Room,
  RoomEvent,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  type RoomConnectOptions,
  type RoomOptions,
} from 'livekit-client';
import { ContextProvider, roomContext } from '../../context.js';
import { AttributeErrorReporter } from '../../controllers/attribute-options.js';
import { ROOM_ANNOUNCE_EVENT } from '../../controllers/room-binding.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { toLkConnectionState, type LkConnectionState } from '../../core/connection-state.js';
import { classifyConnectionError, classifyMediaError, isCancelled, type LkErrorDetail } from '../../core/errors.js';
import { parseFlag } from '../../core/grammar.js';
import {
  LIVE_OPTION_GROUPS,
  ROOM_OPTION_ATTRIBUTE_NAMES,
  builtKey,
  liveOptions,
  mapRoomAttributes,
  mergeOptions,
  splitOptions,
  type LiveOptions,
} from '../../core/room-options.js';
import { fetchCredentials, missingCredentials, type ConnectionRequest } from '../../core/token.js';
import { LkElement } from '../base.js';
import { styles } from './lk-room.styles.js';

const flag = { fromAttribute: parseFlag, toAttribute: (value: boolean) => (value ? '' : null) };

/**
 * Connects to a LiveKit room and provides its `Room` to every `lk-*` element inside it (or naming it
 * with `room="id"`). Attributes choose capture settings, publish encodings, simulcast and dynacast;
 * room events come out as `lk-*` DOM events.
 *
 * @summary One LiveKit room: connection, options, and the context for the elements inside.
 * @tag lk-room
 *
 * @slot - The room's content: participants, controls, anything.
 *
 * @fires lk-connection-state-changed - `{state}`: the connection state changed (also reflected as `connection-state`).
 * @fires lk-connected - The room is connected.
 * @fires lk-disconnected - `{reason, reasonName}`: the room disconnected; `reason` is livekit-client's `DisconnectReason`.
 * @fires lk-reconnecting - The connection was lost and is being re-established.
 * @fires lk-reconnected - The connection is back.
 * @fires lk-participant-connected - `{participant}`: a remote participant joined.
 * @fires lk-participant-disconnected - `{participant}`: a remote participant left.
 * @fires lk-track-subscribed - `{track, publication, participant}`: a remote track was subscribed.
 * @fires lk-track-unsubscribed - `{track, publication, participant}`: a remote track was unsubscribed.
 * @fires lk-active-speakers-changed - `{speakers}`: the participants speaking now.
 * @fires lk-error - `{code, message, cause?}`: `invalid-attribute` (with `attribute`, `value`, `accepted`), `token`, `room-not-found`, `server-unreachable`, `timeout`, `connection`, and for `audio`/`video`: `permission-denied`, `device-not-found`, `device-in-use`, `publish-failed`, `unsupported`.
 *
 * @attr {tri} auto-subscribe - Subscribe to remote tracks automatically. `RoomConnectOptions.autoSubscribe`.
 * @attr {tri} adaptive-stream - Receive video at the size it is shown. `RoomOptions.adaptiveStream`; applies at the next connection.
 * @attr {tri} dynacast - Pause video layers nobody watches. `RoomOptions.dynacast`; applies at the next connection.
 * @attr {resolution} video-resolution - Camera capture size: a preset (`h720`), `WxH` or `WxH@fps`. `videoCaptureDefaults.resolution`.
 * @attr {number} video-framerate - Camera capture frame rate. `videoCaptureDefaults.resolution.frameRate`.
 * @attr {'user'|'environment'|'left'|'right'} facing-mode - Which camera. `videoCaptureDefaults.facingMode`.
 * @attr {string} video-device - Camera device id. `videoCaptureDefaults.deviceId`.
 * @attr {string} audio-device - Microphone device id. `audioCaptureDefaults.deviceId`.
 * @attr {string} audio-output-device - Speaker device id. `audioOutput.deviceId`.
 * @attr {tri} echo-cancellation - `audioCaptureDefaults.echoCancellation`.
 * @attr {tri} noise-suppression - `audioCaptureDefaults.noiseSuppression`.
 * @attr {tri} auto-gain-control - `audioCaptureDefaults.autoGainControl`.
 * @attr {tri} voice-isolation - `audioCaptureDefaults.voiceIsolation`.
 * @attr {'vp8'|'h264'|'vp9'|'av1'|'h265'} video-codec - `publishDefaults.videoCodec`.
 * @attr {tri|'vp8'|'h264'} backup-codec - `publishDefaults.backupCodec`: `true`, `false`, or a codec.
 * @attr {bitrate} video-max-bitrate - Top layer bitrate: `800000`, `800k`, `1.5M`. `publishDefaults.videoEncoding.maxBitrate`.
 * @attr {number} video-max-framerate - Top layer frame rate. `publishDefaults.videoEncoding.maxFramerate`.
 * @attr {tri} simulcast - `publishDefaults.simulcast`.
 * @attr {layers} simulcast-layers - Up to two lower layers: `h180,h360` or `320x180@15:150k,640x360@20:500k`. `publishDefaults.videoSimulcastLayers`.
 * @attr {bitrate} screenshare-max-bitrate - `publishDefaults.screenShareEncoding.maxBitrate`.
 * @attr {number} screenshare-max-framerate - `publishDefaults.screenShareEncoding.maxFramerate`.
 * @attr {layers} screenshare-simulcast-layers - Also takes `ScreenSharePresets` names. `publishDefaults.screenShareSimulcastLayers`.
 * @attr {'telephone'|'speech'|'music'|'musicStereo'|'musicHighQuality'|'musicHighQualityStereo'} audio-preset - `publishDefaults.audioPreset`.
 * @attr {bitrate} audio-max-bitrate - `publishDefaults.audioPreset.maxBitrate`.
 * @attr {tri} dtx - `publishDefaults.dtx`.
 * @attr {tri} red - `publishDefaults.red`.
 * @attr {tri} force-stereo - `publishDefaults.forceStereo`.
 * @attr {tri} stop-mic-on-mute - `publishDefaults.stopMicTrackOnMute`.
 * @attr {string} scalability-mode - An SVC mode such as `L3T3_KEY`. `publishDefaults.scalabilityMode`.
 * @attr {'balanced'|'maintain-framerate'|'maintain-resolution'} degradation-preference - `publishDefaults.degradationPreference`.
 *
 * @cssprop [--lk-room-display=contents] - How the host box takes part in layout.
 */
export class LkRoom extends LkElement {
  static override properties: PropertyDeclarations = {
    url: {},
    token: {},
    tokenEndpoint: { attribute: 'token-endpoint' },
    roomName: { attribute: 'room-name' },
    participantIdentity: { attribute: 'participant-identity' },
    participantName: { attribute: 'participant-name' },
    participantMetadata: { attribute: 'participant-metadata' },
    autoConnect: { attribute: 'connect', converter: flag },
    audio: { converter: flag },
    video: { converter: flag },
    connectionState: { attribute: 'connection-state', reflect: true },
    options: { attribute: false },
    connectOptions: { attribute: false },
  };

  static override styles = [LkElement.styles, styles];

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, ...ROOM_OPTION_ATTRIBUTE_NAMES];
  }

  /** The LiveKit server URL (`wss://…`). Optional with `token-endpoint`, whose `server_url` is used then. */
  url?: string;

  /** An access token. On public pages prefer `token-endpoint`. */
  token?: string;

  /** A token endpoint in LiveKit's standard format, called through livekit-client's `TokenSource.endpoint`. */
  tokenEndpoint?: string;

  /** Sent to the token endpoint as `room_name`. */
  roomName?: string;

  /** Sent to the token endpoint as `participant_identity`. */
  participantIdentity?: string;

  /** Sent to the token endpoint as `participant_name`. */
  participantName?: string;

  /** Sent to the token endpoint as `participant_metadata`. */
  participantMetadata?: string;

  /** Connect while present (once credentials are known); disconnect when removed. */
  autoConnect = false;

  /** Turn the microphone on once connected (and on/off when changed while connected). */
  audio = false;

  /** Turn the camera on once connected (and on/off when changed while connected). */
  video = false;

  /** The connection state, reflected for CSS. Read-only. @readonly */
  connectionState: LkConnectionState = 'disconnected';

  /** Base `RoomOptions` for anything without an attribute; attributes override the fields they set. */
  options?: RoomOptions;

  /** Base `RoomConnectOptions`; `auto-subscribe` overrides `autoSubscribe`. */
  connectOptions?: RoomConnectOptions;

  #room?: Room;
  #roomKey?: string;
  #sdkDefaults: LiveOptions = {};
  #liveKey?: string;
  #resolved: { options: RoomOptions; connect: RoomConnectOptions } = { options: {}, connect: {} };
  #errors = new AttributeErrorReporter(this);
  #warnedBuiltKey?: string;
  #attempt = 0;
  #attemptedKey?: string;
  #warnedMissing?: string;

  #provider = new ContextProvider(this, roomContext, undefined);

  #events = new RoomEventsController(this, {
    [RoomEvent.ConnectionStateChanged]: (state: ConnectionState) => this.#setState(toLkConnectionState(state)),
    [RoomEvent.Connected]: () => this.emit('lk-connected', undefined),
    [RoomEvent.Disconnected]: (reason?: DisconnectReason) =>
      this.emit('lk-disconnected', { reason, reasonName: reason === undefined ? undefined : DisconnectReason[reason] }),
    [RoomEvent.Reconnecting]: () => this.emit('lk-reconnecting', undefined),
    [RoomEvent.Reconnected]: () => this.emit('lk-reconnected', undefined),
    [RoomEvent.ParticipantConnected]: (participant: RemoteParticipant) => this.emit('lk-participant-connected', { participant }),
    [RoomEvent.ParticipantDisconnected]: (participant: RemoteParticipant) => this.emit('lk-participant-disconnected', { participant }),
    [RoomEvent.TrackSubscribed]: (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) =>
      this.emit('lk-track-subscribed', { track, publication, participant }),
    [RoomEvent.TrackUnsubscribed]: (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) =>
      this.emit('lk-track-unsubscribed', { track, publication, participant }),
    [RoomEvent.ActiveSpeakersChanged]: (speakers: Participant[]) => this.emit('lk-active-speakers-changed', { speakers }),
  });

  /** The livekit-client `Room`, for anything the elements do not wrap. Read-only. @readonly */
  get room(): Room | undefined {
    return this.#room;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#resolveOptions();
    if (!this.#room) this.#buildRoom();
    document.dispatchEvent(new CustomEvent(ROOM_ANNOUNCE_EVENT));
    // Back in the DOM after a removal: honour `connect` again.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // A move is a removal followed at once by an insertion: only a real removal disconnects.
    queueMicrotask(() => {
      if (!this.isConnected) this.#leave();
    });
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (old !== value && ROOM_OPTION_ATTRIBUTE_NAMES.includes(name)) this.requestUpdate();
  }

  protected override willUpdate(): void {
    this.#resolveOptions();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (!this.isConnected) return;
    const key = this.#connectionKey();
    if (this.autoConnect && key !== this.#attemptedKey) {
      this.#attemptedKey = key;
      // After this update, so that the state change it makes starts an update of its own.
      queueMicrotask(() => {
        this.connect().catch(() => {
          /* reported as lk-error */
        });
      });
    } else if (!this.autoConnect && changed.get('autoConnect') === true) {
      this.#attemptedKey = undefined;
      void this.disconnect();
    }
    const room = this.#room;
    if (room?.state === ConnectionState.Connected) {
      if (changed.has('video') && changed.get('video') !== undefined) void this.#setSource('camera', this.video);
      if (changed.has('audio') && changed.get('audio') !== undefined) void this.#setSource('microphone', this.audio);
    }
  }

  protected override render() {
    return html`<slot></slot>`;
  }

  /**
   * Connects now with the current attributes. Resolves once connected (and camera/microphone
   * started as `video`/`audio` ask); rejects with the cause of a failure, which is also emitted
   * as `lk-error`.
   */
  async connect(): Promise<void> {
    const attempt = ++this.#attempt;
    const request = this.#request();
    const missing = missingCredentials(request);
    if (missing) {
      if (this.#warnedMissing !== missing) console.warn(`lk-room: not connecting yet: ${missing}.`);
      this.#warnedMissing = missing;
      if (!this.autoConnect) this.#error({ code: 'token', message: `Cannot connect: ${missing}.` });
      return;
    }
    this.#warnedMissing = undefined;
    if (this.#room && this.#room.state !== ConnectionState.Disconnected) await this.#room.disconnect();
    if (attempt !== this.#attempt) return;
    this.#setState('connecting');
    try {
      const credentials = await fetchCredentials(request);
      if (attempt !== this.#attempt) return;
      const room = this.#roomForConnection();
      await room.connect(credentials.serverUrl, credentials.participantToken, this.#resolved.connect);
      if (attempt !== this.#attempt) return;
      await Promise.all([this.video && this.#setSource('camera', true), this.audio && this.#setSource('microphone', true)]);
    } catch (err) {
      if (attempt !== this.#attempt || isCancelled(err)) return;
      this.#setState(toLkConnectionState(this.#room?.state ?? ConnectionState.Disconnected));
      this.#error(classifyConnectionError(err));
      throw err;
    }
  }

  /** Disconnects, stopping the local tracks the room published. */
  async disconnect(): Promise<void> {
    this.#attempt++;
    await this.#room?.disconnect();
    this.#setState('disconnected');
  }

  #leave(): void {
    this.#attemptedKey = undefined;
    void this.disconnect();
  }

  #request(): ConnectionRequest {
    return {
      url: this.url,
      token: this.token,
      tokenEndpoint: this.tokenEndpoint,
      roomName: this.roomName,
      participantIdentity: this.participantIdentity,
      participantName: this.participantName,
      participantMetadata: this.participantMetadata,
    };
  }

  /** What, when it changes while `connect` is set, makes a new connection. */
  #connectionKey(): string {
    return JSON.stringify(this.#request());
  }

  /** Reads the option attributes, reports new invalid values, and applies live options to the room. */
  #resolveOptions(): void {
    const mapped = mapRoomAttributes((name) => this.getAttribute(name));
    this.#errors.report(mapped.errors);
    const options = mergeOptions(this.options ?? {}, mapped.room);
    this.#resolved = { options, connect: mergeOptions(this.connectOptions ?? {}, mapped.connect) };
    const room = this.#room;
    if (!room) return;
    this.#applyLive(room);
    const key = builtKey(options);
    if (key !== this.#roomKey && room.state !== ConnectionState.Disconnected && key !== this.#warnedBuiltKey) {
      this.#warnedBuiltKey = key;
      console.warn('lk-room: adaptive-stream, dynacast and other options read when the Room is built changed while connected; they apply at the next connection.');
    }
  }

  #applyLive(room: Room): void {
    const live = liveOptions(this.#sdkDefaults, splitOptions(this.#resolved.options).live);
    const key = JSON.stringify(live);
    if (key === this.#liveKey) return;
    this.#liveKey = key;
    const output = room.options.audioOutput?.deviceId;
    Object.assign(room.options, live);
    // A new output device moves the audio already playing too, not only the next track's.
    const next = room.options.audioOutput?.deviceId;
    if (next !== output && room.state === ConnectionState.Connected) void this.#switchOutput(room, next ?? 'default');
  }

  async #switchOutput(room: Room, deviceId: string): Promise<void> {
    try {
      await room.switchActiveDevice('audiooutput', deviceId);
    } catch (err) {
      this.#error(classifyMediaError(err, 'audio output device'));
    }
  }

  /** The room to connect: the current one, or a new one when options it is built with changed. */
  #roomForConnection(): Room {
    if (!this.#room || builtKey(this.#resolved.options) !== this.#roomKey) this.#buildRoom();
    return this.#room!;
  }

  #buildRoom(): void {
    const { built } = splitOptions(this.#resolved.options);
    const room = new Room(built);
    this.#sdkDefaults = {};
    for (const group of LIVE_OPTION_GROUPS) {
      if (room.options[group]) (this.#sdkDefaults as Record<string, unknown>)[group] = { ...room.options[group] };
    }
    this.#room = room;
    this.#roomKey = builtKey(this.#resolved.options);
    this.#liveKey = undefined;
    this.#applyLive(room);
    this.#events.room = room;
    this.#provider.setValue(room);
    document.dispatchEvent(new CustomEvent(ROOM_ANNOUNCE_EVENT));
  }

  async #setSource(source: 'camera' | 'microphone', enabled: boolean): Promise<void> {
    const participant = this.#room?.localParticipant;
    if (!participant) return;
    try {
      if (source === 'camera') await participant.setCameraEnabled(enabled);
      else await participant.setMicrophoneEnabled(enabled);
    } catch (err) {
      this.#error(classifyMediaError(err, source));
    }
  }

  #setState(state: LkConnectionState): void {
    if (state === this.connectionState) return;
    this.connectionState = state;
    this.emit('lk-connection-state-changed', { state, sdkState: this.#room?.state ?? ConnectionState.Disconnected });
  }

  #error(detail: LkErrorDetail): void {
    console.warn(detail.message);
    this.emit('lk-error', detail);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-room': LkRoom;
  }
}
