/**
 * The simulated call of `preview`: a livekit-client `Room` that never connects, filled with
 * participants made of livekit-client's own classes, so every element renders it as it renders a
 * live call (tiles, names, speaking, screen share, controls) without a server, a token, a network
 * request or a camera.
 *
 * Not `Room.simulateParticipants()`: it builds each remote track with `new RTCRtpReceiver()`, which
 * Chromium refuses (an illegal constructor) and WebKitGTK does not have (no WebRTC at all). Here the
 * remote tracks have no receiver (livekit-client allows it), the publications carry the few
 * `TrackInfo` fields livekit-client reads, and videos are canvas patterns (`captureStream()`); where
 * a browser has no `captureStream()` the tiles show the initials instead.
 */
import {
  ConnectionQuality,
  ConnectionState,
  LocalAudioTrack,
  LocalTrackPublication,
  LocalVideoTrack,
  ParticipantEvent,
  RemoteParticipant,
  RemoteTrackPublication,
  RemoteVideoTrack,
  RoomEvent,
  Track,
  type LocalParticipant,
  type Participant,
  type Room,
} from 'livekit-client';
import { buildRoom, releaseRoom } from '../core/sdk-workarounds.js';
import type { PreviewParticipant } from '../core/preview.js';

type TrackInfo = ConstructorParameters<typeof RemoteTrackPublication>[1];
type SignalClient = ConstructorParameters<typeof RemoteParticipant>[0];
type LocalSource = Track.Source.Camera | Track.Source.Microphone | Track.Source.ScreenShare;

/** How often the video patterns move: slow, to cost a builder's canvas next to nothing. */
const FRAME_MS = 200;

/** What livekit-client sends for a remote participant: nothing, in a call that has no server. */
const NO_SIGNAL = new Proxy({}, { get: () => () => undefined }) as SignalClient;

let counter = 0;

/** The `TrackInfo` fields livekit-client reads of a publication. */
function trackInfo(source: Track.Source, muted: boolean, size?: { width: number; height: number }): TrackInfo {
  return {
    sid: `TR_preview_${++counter}`,
    name: source,
    source: Track.sourceToProto(source),
    muted,
    mimeType: '',
    width: size?.width ?? 0,
    height: size?.height ?? 0,
    simulcast: false,
    // Encryption_Type.NONE
    encryption: 0,
  } as unknown as TrackInfo;
}

/** A moving pattern on a canvas: a participant's camera (a figure on a tinted ground) or a shared screen (a slide). */
class Pattern {
  readonly canvas = document.createElement('canvas');
  readonly track?: MediaStreamTrack;
  #frame = 0;

  constructor(
    readonly hue: number,
    readonly screen: boolean,
  ) {
    this.canvas.width = screen ? 640 : 320;
    this.canvas.height = screen ? 360 : 180;
    this.draw();
    const canvas = this.canvas as HTMLCanvasElement & { captureStream?: (this: HTMLCanvasElement, fps?: number) => MediaStream };
    this.track = typeof canvas.captureStream === 'function' ? canvas.captureStream().getVideoTracks()[0] : undefined;
  }

  get size(): { width: number; height: number } {
    return { width: this.canvas.width, height: this.canvas.height };
  }

  draw(): void {
    const context = this.canvas.getContext('2d');
    if (!context) return;
    const { width, height } = this.canvas;
    const t = this.#frame++;
    if (this.screen) {
      context.fillStyle = '#f4f5f7';
      context.fillRect(0, 0, width, height);
      context.fillStyle = `hsl(${this.hue} 55% 45%)`;
      context.fillRect(0, 0, width, 44);
      context.fillStyle = '#c9ced6';
      for (let line = 0; line < 6; line++) context.fillRect(48, 84 + line * 36, (line % 3 === 2 ? 0.45 : 0.75) * (width - 96), 14);
      // A pointer that moves along the slide.
      context.fillStyle = `hsl(${this.hue} 70% 40%)`;
      context.beginPath();
      context.arc(48 + ((t * 6) % (width - 96)), 90 + (Math.floor(t / 90) % 6) * 36, 6, 0, 2 * Math.PI);
      context.fill();
      return;
    }
    const ground = context.createLinearGradient(0, 0, width, height);
    ground.addColorStop(0, `hsl(${this.hue} 45% 38%)`);
    ground.addColorStop(1, `hsl(${(this.hue + 40) % 360} 50% 22%)`);
    context.fillStyle = ground;
    context.fillRect(0, 0, width, height);
    // Head and shoulders that sway a little, as a person on a call does.
    const sway = Math.sin(t / 6) * 4;
    context.fillStyle = `hsl(${this.hue} 30% 80% / 0.85)`;
    context.beginPath();
    context.arc(width / 2 + sway, height * 0.42, height * 0.17, 0, 2 * Math.PI);
    context.fill();
    context.beginPath();
    context.ellipse(width / 2 + sway, height * 1.02, height * 0.36, height * 0.34, 0, Math.PI, 2 * Math.PI);
    context.fill();
  }

  stop(): void {
    this.track?.stop();
  }
}

/**
 * A simulated call: `room` is a livekit-client `Room` in the `Connected` state that never
 * connected, with the participants asked for. The local participant's camera, microphone and
 * screen share turn on and off as the controls ask, without capturing anything; chat messages
 * are shown to the sender only; device choices are remembered, not applied. `dispose()` stops
 * every pattern and lets the `Room` go.
 */
export class PreviewCall {
  readonly room: Room;
  readonly #patterns = new Set<Pattern>();
  readonly #localHue: number;
  readonly #devices = new Map<MediaDeviceKind, string>();
  #timer?: ReturnType<typeof setInterval>;
  #audioContext?: AudioContext;

  constructor(participants: readonly PreviewParticipant[]) {
    const room = buildRoom({});
    this.room = room;
    const local = participants.find((participant) => participant.local);
    this.#localHue = local?.hue ?? 210;
    // Connected, as far as every element can tell; nothing was sent anywhere.
    room.state = ConnectionState.Connected;
    this.#simulateLocal(room.localParticipant);
    if (local) {
      room.localParticipant.identity = local.identity;
      room.localParticipant.name = local.name;
      room.localParticipant.sid = `PA_${local.identity}`;
      if (local.camera) this.#publishLocal(Track.Source.Camera);
      if (local.microphone) this.#publishLocal(Track.Source.Microphone);
      if (local.screenShare) this.#publishLocal(Track.Source.ScreenShare);
    }
    for (const participant of participants) {
      if (!participant.local) room.remoteParticipants.set(participant.identity, this.#remote(participant));
    }
    const speakers: Participant[] = participants.flatMap((participant) => (participant.speaking ? (this.#participant(participant.identity) ?? []) : []));
    for (const speaker of speakers) {
      speaker.audioLevel = 0.6;
      speaker.isSpeaking = true;
      speaker.lastSpokeAt = new Date();
    }
    room.activeSpeakers = speakers;
    // Every connection good, as the server would say of a call on a fast network.
    for (const participant of [room.localParticipant, ...room.remoteParticipants.values()]) {
      (participant as unknown as { _connectionQuality: ConnectionQuality })._connectionQuality = ConnectionQuality.Excellent;
    }
    this.#timer = setInterval(() => this.#patterns.forEach((pattern) => pattern.draw()), FRAME_MS);
  }

  /** Stops the patterns and lets the `Room` go. */
  dispose(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    for (const participant of [this.room.localParticipant, ...this.room.remoteParticipants.values()]) {
      for (const publication of participant.trackPublications.values()) publication.track?.stop();
    }
    this.#patterns.forEach((pattern) => pattern.stop());
    this.#patterns.clear();
    void this.#audioContext?.close().catch(() => undefined);
    this.#audioContext = undefined;
    this.room.state = ConnectionState.Disconnected;
    this.room.emit(RoomEvent.ConnectionStateChanged, ConnectionState.Disconnected);
    releaseRoom(this.room);
  }

  #participant(identity: string): Participant | undefined {
    return this.room.localParticipant.identity === identity ? this.room.localParticipant : this.room.remoteParticipants.get(identity);
  }

  #pattern(hue: number, screen: boolean): Pattern {
    const pattern = new Pattern(hue, screen);
    this.#patterns.add(pattern);
    return pattern;
  }

  #remote(participant: PreviewParticipant): RemoteParticipant {
    const remote = new RemoteParticipant(NO_SIGNAL, `PA_${participant.identity}`, participant.identity, participant.name);
    const add = (publication: RemoteTrackPublication) => (remote as unknown as { addTrackPublication(p: RemoteTrackPublication): void }).addTrackPublication(publication);
    const video = (source: Track.Source, screen: boolean) => {
      const pattern = this.#pattern(participant.hue, screen);
      const publication = new RemoteTrackPublication(Track.Kind.Video, trackInfo(source, false, pattern.size), true);
      add(publication);
      // No RTCRtpReceiver: livekit-client reads it only for statistics and playout delay.
      if (pattern.track) publication.setTrack(new RemoteVideoTrack(pattern.track, publication.trackSid, undefined as unknown as RTCRtpReceiver));
    };
    if (participant.camera) video(Track.Source.Camera, false);
    if (participant.screenShare) video(Track.Source.ScreenShare, true);
    // The microphone: published, muted or not; no sound is played.
    add(new RemoteTrackPublication(Track.Kind.Audio, trackInfo(Track.Source.Microphone, !participant.microphone), true));
    return remote;
  }

  /** The local participant's media as the controls ask, without capturing; its chat without sending; device choices kept. */
  #simulateLocal(participant: LocalParticipant): void {
    const set = (source: LocalSource) => (enabled: boolean) => {
      if (enabled) this.#publishLocal(source);
      else this.#unpublishLocal(source);
      return Promise.resolve(participant.getTrackPublication(source));
    };
    Object.assign(participant, {
      setCameraEnabled: set(Track.Source.Camera),
      setMicrophoneEnabled: set(Track.Source.Microphone),
      setScreenShareEnabled: set(Track.Source.ScreenShare),
      // Shown to the sender, as a message that found nobody to read it.
      sendText: (text: string, options?: { topic?: string }) => Promise.resolve({ id: `preview-${++counter}`, timestamp: Date.now(), topic: options?.topic ?? '', size: text.length }),
      publishData: () => Promise.resolve(),
      setName: (name: string) => Promise.resolve(void (participant.name = name)),
      setMetadata: () => Promise.resolve(),
    });
    const devices = this.#devices;
    Object.assign(this.room, {
      switchActiveDevice: (kind: MediaDeviceKind, deviceId: string) => Promise.resolve(!!devices.set(kind, deviceId)),
      getActiveDevice: (kind: MediaDeviceKind) => devices.get(kind),
      startAudio: () => Promise.resolve(),
    });
  }

  #publishLocal(source: LocalSource): void {
    const participant = this.room.localParticipant;
    if (participant.getTrackPublication(source)) return;
    let track: LocalVideoTrack | LocalAudioTrack | undefined;
    let size: { width: number; height: number } | undefined;
    if (source === Track.Source.Microphone) {
      const mediaTrack = this.#silence();
      if (mediaTrack) track = new LocalAudioTrack(mediaTrack, undefined, true);
    } else {
      const pattern = this.#pattern(this.#localHue, source === Track.Source.ScreenShare);
      size = pattern.size;
      if (pattern.track) track = new LocalVideoTrack(pattern.track, undefined, true);
    }
    const kind = source === Track.Source.Microphone ? Track.Kind.Audio : Track.Kind.Video;
    const publication = new LocalTrackPublication(kind, trackInfo(source, false, size), track);
    if (track) track.source = source;
    (participant as unknown as { addTrackPublication(p: LocalTrackPublication): void }).addTrackPublication(publication);
    participant.emit(ParticipantEvent.LocalTrackPublished, publication);
    this.room.emit(RoomEvent.LocalTrackPublished, publication, participant);
  }

  #unpublishLocal(source: LocalSource): void {
    const participant = this.room.localParticipant;
    const publication = participant.getTrackPublication(source);
    if (!publication) return;
    participant.trackPublications.delete(publication.trackSid);
    participant.audioTrackPublications.delete(publication.trackSid);
    participant.videoTrackPublications.delete(publication.trackSid);
    publication.track?.stop();
    participant.emit(ParticipantEvent.LocalTrackUnpublished, publication);
    this.room.emit(RoomEvent.LocalTrackUnpublished, publication, participant);
  }

  /** A silent audio track for the local microphone (no capture); none where Web Audio is missing. */
  #silence(): MediaStreamTrack | undefined {
    try {
      this.#audioContext ??= new AudioContext();
      return this.#audioContext.createMediaStreamDestination().stream.getAudioTracks()[0];
    } catch {
      return undefined;
    }
  }
}
