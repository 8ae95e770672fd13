import type { PropertyDeclarations } from 'lit';
import type { Room, RoomConnectOptions, RoomOptions } from 'livekit-client';
import { RoomSessionController } from '../controllers/room-session.js';
import { ROOM_OPTION_ATTRIBUTE_NAMES } from '../core/room-options.js';
import type { LkConnectionState } from '../core/connection-state.js';
import { parseFlag } from '../core/grammar.js';
import type { JoinChoices, RoomSession } from '../core/room-session.js';
import type { ConnectionRequest } from '../core/token.js';
import { passphraseFromFragment, type EncryptionKey, type EncryptionSettings } from '../core/e2ee.js';
import { BACKGROUND_ACCEPTED, NO_BACKGROUND_EFFECT, parseBackground, readEffectAssets, type BackgroundEffect, type EffectAssets } from '../core/background.js';
import { defaultEffectAssets } from '../core/effect-assets.js';
import { InvalidValue } from '../core/grammar.js';
import type { LkErrorDetail } from '../core/errors.js';
import { LkElement } from './base.js';
import { AttributeParser } from '../controllers/attribute-parser.js';
import { DEFAULT_PREVIEW, parsePreview, type PreviewSettings } from '../core/preview.js';

const flag = { fromAttribute: parseFlag, toAttribute: (value: boolean) => (value ? '' : null) };

/**
 * What `<lk-room>` and `<lk-conference>` share: the attributes of a room, and the room session
 * behind them (`RoomSessionController`). Each member has one name in HTML and JavaScript alike.
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
 * @fires lk-pin - `{pinned}`: the pinned tile changed (`{identity, source}`, or `undefined` when unpinned), by whichever element or script changed it.
 * @fires lk-recording-changed - `{recording}`: the room started or stopped being recorded (also reflected as `recording`).
 * @fires lk-error - `{code, message, cause?}`: `unsupported` (once, on connecting in a browser without WebRTC: nothing is tried), `invalid-attribute` (with `attribute`, `value`, `accepted`), `token`, `room-not-found`, `server-unreachable`, `timeout`, `connection`, `blocked-by-embedder` (once, on connecting in a frame whose `<iframe allow>` leaves out camera, microphone, display-capture or autoplay: the message names the exact `allow` value to add; the room still connects, and what is blocked stays off), `effect-unsupported` (a camera background effect that cannot run in this browser or whose assets did not load: the camera publishes plain video; once per reason), `encryption` (end-to-end encryption asked for without a key or in a browser that cannot encrypt: the room does not connect; or frames that could not be decrypted, once per `Room` and key), and for `audio`/`video`: `permission-denied`, `device-not-found`, `device-in-use`, `publish-failed`, `unsupported`.
 *
 * @attr {'fragment'|''} e2ee - End-to-end encryption: `fragment` takes the passphrase from the page URL's fragment (`#e2ee=…`, or the whole fragment as LiveKit Meet writes it), which browsers never send to a server; present and empty, the key comes from `e2ee-passphrase` or `setEncryptionKey()`. The room does not connect until it has a key. Applies at the next connection.
 * @attr {string} e2ee-passphrase - End-to-end encryption with this shared passphrase (every participant needs the same). Turning it on applies at the next connection; a new passphrase applies at once.
 * @attr {background} background - The camera's background effect: `blur`, `blur:N` (radius 1 to 100), `url(<image>)` or `none` (the default). Runs in the browser with MediaPipe's selfie segmenter; where it cannot run, the camera publishes plain video and `lk-error` `effect-unsupported` says why. Applies at once.
 * @attr {string} background-assets - The folder holding MediaPipe's `vision_wasm_internal.js`/`.wasm` and `selfie_segmenter.tflite`, when not `effects/` beside the kit.
 * @attr {string} background-model - The URL of the selfie segmenter model (`.tflite`), when not in the assets folder.
 * @attr {string} e2ee-worker - The URL of livekit-client's E2EE worker (`livekit-client.e2ee.worker.mjs`), when it is not beside the kit. Applies at the next connection.
 * @attr {tri} auto-subscribe - Subscribe to remote tracks automatically. `RoomConnectOptions.autoSubscribe`.
 * @attr {tri} adaptive-stream - Receive video at the size it is shown. `RoomOptions.adaptiveStream`; applies at the next connection.
 * @attr {tri} dynacast - Pause video layers nobody watches. `RoomOptions.dynacast`; applies at the next connection.
 * @attr {resolution} video-resolution - Camera capture size: a preset (`h720`), `WxH` or `WxH@fps`. `videoCaptureDefaults.resolution`.
 * @attr {framerate} video-framerate - Camera capture frame rate. `videoCaptureDefaults.resolution.frameRate`.
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
 * @attr {framerate} video-max-framerate - Top layer frame rate. `publishDefaults.videoEncoding.maxFramerate`.
 * @attr {tri} simulcast - `publishDefaults.simulcast`.
 * @attr {layers} simulcast-layers - Up to two lower layers: `h180,h360` or `320x180@15:150k,640x360@20:500k`. `publishDefaults.videoSimulcastLayers`.
 * @attr {bitrate} screenshare-max-bitrate - `publishDefaults.screenShareEncoding.maxBitrate`.
 * @attr {framerate} screenshare-max-framerate - `publishDefaults.screenShareEncoding.maxFramerate`.
 * @attr {layers} screenshare-simulcast-layers - Also takes `ScreenSharePresets` names. `publishDefaults.screenShareSimulcastLayers`.
 * @attr {'telephone'|'speech'|'music'|'musicStereo'|'musicHighQuality'|'musicHighQualityStereo'} audio-preset - `publishDefaults.audioPreset`.
 * @attr {audio-bitrate} audio-max-bitrate - `publishDefaults.audioPreset.maxBitrate`.
 * @attr {tri} dtx - `publishDefaults.dtx`.
 * @attr {tri} red - `publishDefaults.red`.
 * @attr {tri} force-stereo - `publishDefaults.forceStereo`.
 * @attr {tri} stop-mic-on-mute - `publishDefaults.stopMicTrackOnMute`.
 * @attr {string} scalability-mode - An SVC mode such as `L3T3_KEY`. `publishDefaults.scalabilityMode`.
 * @attr {'balanced'|'maintain-framerate'|'maintain-resolution'} degradation-preference - `publishDefaults.degradationPreference`.
 *
 */
export class LkRoomHost extends LkElement {
  static override properties: PropertyDeclarations = {
    url: {},
    token: {},
    tokenEndpoint: { attribute: 'token-endpoint' },
    roomName: { attribute: 'room-name' },
    participantIdentity: { attribute: 'participant-identity' },
    participantName: { attribute: 'participant-name' },
    participantMetadata: { attribute: 'participant-metadata' },
    agentName: { attribute: 'agent-name' },
    agentMetadata: { attribute: 'agent-metadata' },
    connect: { converter: flag, reflect: true },
    audio: { converter: flag },
    video: { converter: flag },
    connectionState: { attribute: 'connection-state', reflect: true },
    recording: { converter: flag, reflect: true },
    encrypted: { converter: flag, reflect: true },
    e2ee: {},
    e2eePassphrase: { attribute: 'e2ee-passphrase' },
    e2eeWorker: { attribute: 'e2ee-worker' },
    background: {},
    backgroundAssets: { attribute: 'background-assets' },
    backgroundModel: { attribute: 'background-model' },
    preview: {},
    options: { attribute: false },
    connectOptions: { attribute: false },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['connectionState', 'recording', 'encrypted'];

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

  /** Sent to the token endpoint as `participant_name`; set on the participant while connected when the token allows it. */
  participantName?: string;

  /** Sent to the token endpoint as `participant_metadata`; set on the participant while connected when the token allows it. */
  participantMetadata?: string;

  /**
   * Sent to the token endpoint as `room_config.agents[0].agent_name`: a LiveKit token endpoint puts
   * it in the token, and the server dispatches the LiveKit Agents agent of that name to the room.
   * Changing it while connected joins again with a new token.
   */
  agentName?: string;

  /** Sent to the token endpoint as `room_config.agents[0].metadata`, for the dispatched agent's job (with `agent-name`). */
  agentMetadata?: string;

  /**
   * Stay connected while in the page (once credentials are known): after a lost connection the room
   * joins again by itself. Removed by `leave()`, a leave button, or the page disconnecting the `Room`.
   */
  connect = false;

  /** Turn the microphone on once connected (and on/off when changed while connected). */
  audio = false;

  /** Turn the camera on once connected (and on/off when changed while connected). */
  video = false;

  /** The connection state, reflected for CSS: `connecting` and `reconnecting` include the room's own retries. Read-only. @readonly */
  connectionState: LkConnectionState = 'disconnected';

  /**
   * Whether the room is being recorded while connected, as the server tells livekit-client
   * (`Room.isRecording`: an egress, or a participant with the `recorder` grant, is in the room).
   * Reflected for CSS. Read-only. @readonly
   */
  recording = false;

  /**
   * Whether this participant's media is end-to-end encrypted now (livekit-client's
   * `Room.isE2EEEnabled`, once connected). Reflected for CSS. Read-only. @readonly
   */
  encrypted = false;

  /** `fragment`: end-to-end encryption with the passphrase in the page URL's fragment; `''`: with a key set otherwise. */
  e2ee?: string;

  /** End-to-end encryption with this shared passphrase. */
  e2eePassphrase?: string;

  /** The URL of livekit-client's E2EE worker, when it is not beside the kit. */
  e2eeWorker?: string;

  /** The camera's background effect: `blur`, `blur:N`, `url(<image>)` or `none`. */
  background?: string;

  /** The folder of the background effect's assets (MediaPipe's wasm files and the model). */
  backgroundAssets?: string;

  /** The URL of the background effect's segmentation model. */
  backgroundModel?: string;

  /**
   * A simulated call instead of a real one, for page builders and design tools: tiles with names,
   * video patterns and initials, one participant speaking, the controls and the layout, with no
   * server, no token, no network request and no camera. Empty (or `true`): 4 participants, you
   * included; a number from 1 to 48; `screenshare` to have one of them share a screen; both
   * (`preview="6 screenshare"`). `false`, `off` or `no`: no preview. Removing it connects for real
   * when `connect` and credentials are set; setting it on a connected room leaves the call (keeping
   * `connect`) and shows the preview.
   */
  preview?: string;

  #previewAttrs = new AttributeParser(this);

  #reportedBackground?: string;
  #refusedAssets = new Map<string, string>();

  #encryptionKey?: EncryptionKey;
  #reportedE2ee?: string;

  /** Base `RoomOptions` for anything without an attribute; attributes override the fields they set. */
  options?: RoomOptions;

  /** Base `RoomConnectOptions`; `auto-subscribe` overrides `autoSubscribe`. */
  connectOptions?: RoomConnectOptions;

  readonly #controller = new RoomSessionController(this);

  /** The room session. @internal */
  protected get session(): RoomSession {
    return this.#controller.session;
  }

  /**
   * The livekit-client `Room`, for anything the elements do not wrap. Built when first needed (on
   * connecting, or when read here); a change of an option it is built with gives a new one at the
   * next connection. Read-only. @readonly
   */
  get livekitRoom(): Room {
    return this.#controller.session.ensureRoom();
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (old !== value && ROOM_OPTION_ATTRIBUTE_NAMES.includes(name)) this.requestUpdate();
  }

  /**
   * Joins now, with `choices` (name, devices, camera and microphone) over the attributes, and stays
   * connected (sets `connect`). Resolves once connected; rejects with the cause of a failure, which
   * is also emitted as `lk-error`.
   */
  join(choices?: JoinChoices): Promise<void> {
    this.requestUpdate();
    return this.updateComplete.then(() => this.#controller.session.join(choices));
  }

  /** Leaves: disconnects, stops the local tracks, and clears `connect`. Does nothing in a `preview`. */
  leave(): Promise<void> {
    return this.#controller.session.leave();
  }

  /**
   * Turns end-to-end encryption on with `key`, a key the page got (from its own server, say): a
   * passphrase, or random bytes (an `ArrayBuffer` or a typed array, 32 from `crypto.getRandomValues`). Every
   * participant needs the same key. It takes the place of `e2ee-passphrase` and the fragment. On a
   * room already encrypted the new key applies at once; otherwise at the next connection (a room
   * that is waiting for its key connects now).
   */
  setEncryptionKey(key: EncryptionKey | ArrayBufferView): Promise<void> {
    // A copy: the page may reuse its buffer.
    this.#encryptionKey =
      typeof key === 'string' ? key : ArrayBuffer.isView(key) ? new Uint8Array(key.buffer, key.byteOffset, key.byteLength).slice().buffer : key.slice(0);
    this.requestUpdate();
    return this.updateComplete.then(() => undefined);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.#onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.#onHashChange);
  }

  #onHashChange = (): void => {
    if (this.e2ee === 'fragment') this.requestUpdate();
  };

  /** The simulated call `preview` asks for; `undefined` for none. A value it does not take is reported once and gives the default call. @internal */
  previewSettings(): PreviewSettings | undefined {
    // A value it does not take still previews (with the defaults): the page asked for no real call.
    if (this.preview === null || this.preview === undefined) return undefined;
    const settings = this.#previewAttrs.parse('preview', this.preview, parsePreview, DEFAULT_PREVIEW);
    this.#previewAttrs.report();
    return settings;
  }

  /** The local participant's name in the simulated call when `participant-name` gives none: "You" in the page's language. @internal */
  previewLocalName(): string {
    return this.i18n.t('previewYou');
  }

  /** End-to-end encryption as the attributes and `setEncryptionKey()` say; `undefined` for none. @internal */
  encryption(): EncryptionSettings | undefined {
    const mode = this.e2ee ?? undefined;
    if (mode !== undefined && mode !== '' && mode !== 'fragment') {
      if (this.#reportedE2ee !== mode) {
        this.#reportedE2ee = mode;
        this.reportError({ code: 'invalid-attribute', message: `e2ee="${mode}" is not a way to get a key; accepted: fragment, or empty`, attribute: 'e2ee', value: mode, accepted: "'fragment', or empty" });
      }
    }
    const worker = this.e2eeWorker || undefined;
    if (this.#encryptionKey !== undefined) return { key: this.#encryptionKey, source: 'setEncryptionKey()', worker };
    if (this.e2eePassphrase) return { key: this.e2eePassphrase, source: 'e2ee-passphrase', worker };
    if (mode === 'fragment') return { key: passphraseFromFragment(location.hash), source: "the page URL's fragment has no passphrase", worker };
    if (mode !== undefined) return { key: undefined, source: 'waiting for e2ee-passphrase or setEncryptionKey()', worker };
    return undefined;
  }

  /** The camera's background effect and its assets, as the attributes say. @internal */
  backgroundEffect(): { effect: BackgroundEffect; assets: EffectAssets } {
    return {
      effect: readBackground(this, this.background, (value) => (this.#reportedBackground = value), this.#reportedBackground),
      assets: readEffectAssets(this.backgroundAssets || undefined, this.backgroundModel || undefined, defaultEffectAssets(), document.baseURI, (attribute, value, message) =>
        refuseOnce(this, this.#refusedAssets, attribute, value, message),
      ),
    };
  }

  /** The connection request from the attributes. @internal */
  request(): ConnectionRequest {
    return {
      url: this.url,
      token: this.token,
      tokenEndpoint: this.tokenEndpoint,
      roomName: this.roomName,
      participantIdentity: this.participantIdentity,
      participantName: this.participantName,
      participantMetadata: this.participantMetadata,
      agentName: this.agentName,
      agentMetadata: this.agentMetadata,
    };
  }
}

/**
 * The effect of a `background` attribute; an invalid value is reported once (as `invalid-attribute`)
 * and means none.
 */
export function readBackground(
  element: { reportError(detail: LkErrorDetail): void },
  value: string | undefined | null,
  remember: (value: string | undefined) => void,
  reported: string | undefined,
): BackgroundEffect {
  if (value === undefined || value === null) {
    remember(undefined);
    return NO_BACKGROUND_EFFECT;
  }
  try {
    const effect = parseBackground(value);
    remember(undefined);
    return effect;
  } catch (err) {
    if (!(err instanceof InvalidValue)) throw err;
    if (reported !== value) {
      remember(value);
      element.reportError({ code: 'invalid-attribute', message: `background="${value}": ${err.message}`, attribute: 'background', value, accepted: BACKGROUND_ACCEPTED });
    }
    return NO_BACKGROUND_EFFECT;
  }
}

/** `invalid-attribute` for an effect asset's attribute that is not a URL: once per value. */
export function refuseOnce(element: { reportError(detail: LkErrorDetail): void }, refused: Map<string, string>, attribute: string, value: string, message: string): void {
  if (refused.get(attribute) === value) return;
  refused.set(attribute, value);
  element.reportError({ code: 'invalid-attribute', message, attribute, value, accepted: 'a URL' });
}
