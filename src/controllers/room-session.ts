import type { ReactiveController } from 'lit';
import {
  ConnectionState,
  DisconnectReason,
  RoomEvent,
  type Participant,
  type RemoteParticipant,
  type RemoteTrack,
  type RemoteTrackPublication,
  type Room,
  type RoomConnectOptions,
  type RoomOptions,
} from 'livekit-client';
import { ContextProvider, roomContext, sessionContext } from '../context.js';
import type { LkConnectionState } from '../core/connection-state.js';
import { mapRoomAttributes, mergeOptions } from '../core/room-options.js';
import { RoomSession, type SessionOwner } from '../core/room-session.js';
import { previewKey, previewParticipants, type PreviewSettings } from '../core/preview.js';
import type { ConnectionRequest } from '../core/token.js';
import type { EncryptionSettings } from '../core/e2ee.js';
import type { BackgroundEffect, EffectAssets } from '../core/background.js';
import type { LkEventDetails, LkEventName } from '../events.js';
import { AttributeErrorReporter, type OptionsHost } from './attribute-options.js';
import { RoomEventsController } from './room-events.js';
import { PreviewCall } from './preview-call.js';

/** The element that owns a room session: `<lk-room>`, `<lk-conference>`. */
export interface RoomSessionHost extends OptionsHost, SessionOwner {
  emit<K extends LkEventName>(name: K, detail: LkEventDetails[K]): boolean;
  connect: boolean;
  video: boolean;
  audio: boolean;
  connectionState: LkConnectionState;
  recording: boolean;
  encrypted: boolean;
  options?: RoomOptions;
  connectOptions?: RoomConnectOptions;
  request(): ConnectionRequest;
  encryption(): EncryptionSettings | undefined;
  backgroundEffect(): { effect: BackgroundEffect; assets: EffectAssets };
  /** The simulated call `preview` asks for; `undefined` for none. */
  previewSettings(): PreviewSettings | undefined;
  /** The local participant's name in the simulated call when the page gives none. */
  previewLocalName(): string;
  participantName?: string;
}

function emit(host: RoomSessionHost, name: 'lk-reconnecting' | 'lk-reconnected'): void {
  host.emit(name, undefined);
}

/**
 * Puts a `RoomSession` behind an element: hands it the element's attributes on every update,
 * provides it (and its `Room`) to the elements inside or naming it, reflects its state and
 * `connect`, turns `Room` events into `lk-*` DOM events, and releases the room when the element
 * leaves the page (a move, which inserts it again at once, changes nothing).
 */
export class RoomSessionController implements ReactiveController {
  readonly session: RoomSession;
  readonly #errors: AttributeErrorReporter;
  readonly #sessionProvider: ContextProvider<RoomSession | undefined>;
  readonly #roomProvider: ContextProvider<Room | undefined>;
  readonly #events: RoomEventsController;
  #released = false;
  #preview?: PreviewCall;
  #previewKey?: string;

  constructor(private readonly host: RoomSessionHost) {
    host.addController(this);
    this.session = new RoomSession(host);
    this.#errors = new AttributeErrorReporter(host);
    this.#sessionProvider = new ContextProvider(host, sessionContext, this.session);
    this.#roomProvider = new ContextProvider(host, roomContext, undefined);
    const emit = host.emit.bind(host);
    this.#events = new RoomEventsController(host, {
      [RoomEvent.Connected]: () => emit('lk-connected', undefined),
      [RoomEvent.Disconnected]: (reason?: DisconnectReason) =>
        emit('lk-disconnected', { reason, reasonName: reason === undefined ? undefined : DisconnectReason[reason] }),
      [RoomEvent.ParticipantConnected]: (participant: RemoteParticipant) => emit('lk-participant-connected', { participant }),
      [RoomEvent.ParticipantDisconnected]: (participant: RemoteParticipant) => emit('lk-participant-disconnected', { participant }),
      [RoomEvent.TrackSubscribed]: (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) =>
        emit('lk-track-subscribed', { track, publication, participant }),
      [RoomEvent.TrackUnsubscribed]: (track: RemoteTrack, publication: RemoteTrackPublication, participant: RemoteParticipant) =>
        emit('lk-track-unsubscribed', { track, publication, participant }),
      [RoomEvent.ActiveSpeakersChanged]: (speakers: Participant[]) => emit('lk-active-speakers-changed', { speakers }),
    });
    this.session.addEventListener('change', () => this.#sync());
    this.session.pins.addEventListener('change', () => host.emit('lk-pin', { pinned: this.session.pins.pinned }));
  }

  hostConnected(): void {
    this.#sessionProvider.setValue(this.session);
    if (this.#released) {
      this.#released = false;
      this.#syncPreview();
      this.session.resume(this.host.connect);
    }
  }

  hostDisconnected(): void {
    // A move is a removal followed at once by an insertion: only a real removal lets the room go.
    queueMicrotask(() => {
      if (this.host.isConnected || this.#released) return;
      this.#released = true;
      void this.session.release();
      this.#endPreview();
    });
  }

  hostUpdate(): void {
    const host = this.host;
    if (!this.#released) this.#syncPreview();
    const mapped = mapRoomAttributes((name) => host.getAttribute(name));
    this.#errors.report(mapped.errors);
    this.session.configure({
      request: host.request(),
      options: mergeOptions(host.options ?? {}, mapped.room),
      connectOptions: mergeOptions(host.connectOptions ?? {}, mapped.connect),
      camera: host.video,
      microphone: host.audio,
      encryption: host.encryption(),
    });
    const { effect, assets } = host.backgroundEffect();
    this.session.background.configure(effect, assets);
    if (host.isConnected && !this.#released) this.session.setConnect(host.connect);
  }

  /** Shows the simulated call `preview` asks for (a new one when it or the local participant changed), or ends it. */
  #syncPreview(): void {
    const { host } = this;
    const settings = host.previewSettings();
    const local = { name: host.participantName, fallbackName: host.previewLocalName(), camera: host.video, microphone: host.audio };
    const key = settings && JSON.stringify([previewKey(settings), local]);
    if (key === this.#previewKey) return;
    const previous = this.#preview;
    this.#previewKey = key;
    this.#preview = settings && new PreviewCall(previewParticipants(settings, local));
    void this.session.showPreview(this.#preview?.room, host.connect);
    previous?.dispose();
  }

  /** The element left the page: the simulated call stops (and is made again on return). */
  #endPreview(): void {
    const call = this.#preview;
    if (!call) return;
    this.#preview = undefined;
    this.#previewKey = undefined;
    void this.session.showPreview(undefined, this.host.connect);
    call.dispose();
  }

  #sync(): void {
    const { host, session } = this;
    const room = session.room;
    this.#roomProvider.setValue(room);
    this.#events.room = room;
    if (host.connect !== session.connect) host.connect = session.connect;
    if (host.encrypted !== session.encrypted) host.encrypted = session.encrypted;
    const recording = session.recording;
    if (recording !== host.recording) {
      host.recording = recording;
      host.emit('lk-recording-changed', { recording });
    }
    const state = session.state;
    const previous = host.connectionState;
    if (state === previous) return;
    host.connectionState = state;
    host.emit('lk-connection-state-changed', { state, sdkState: room?.state ?? ConnectionState.Disconnected });
    // Lost and back, whoever does the work: livekit-client's own reconnection or the session's rejoin.
    if (state === 'reconnecting') emit(host, 'lk-reconnecting');
    else if (previous === 'reconnecting' && state === 'connected') emit(host, 'lk-reconnected');
  }
}
