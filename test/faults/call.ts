/**
 * A call for the fault tests: a publisher and a subscriber `<lk-room>` on the faults server, what
 * the subscriber decodes of the publisher's camera, and a log of the rooms' events and states.
 */
import { fixture, html } from '@open-wc/testing';
import { ConnectionState, RoomEvent, Track, type RemoteVideoTrack, type Room } from 'livekit-client';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import { fetchToken, uniqueRoom, waitFor } from '../helpers.js';

/** The element's livekit-client `Room`. */
export const roomOf = (el: LkRoom): Room => el.livekitRoom;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Both the element and its Room say connected. */
export function isConnected(el: LkRoom): boolean {
  return el.connectionState === 'connected' && roomOf(el)?.state === ConnectionState.Connected;
}

/** The element's state and the SDK's, e.g. `reconnecting/signalReconnecting`. */
export function stateOf(el: LkRoom): string {
  return `${el.connectionState}/${roomOf(el)?.state ?? 'no room'}`;
}

/** A `<lk-room>` connected to `url` as `identity` in `room`, publishing the camera (and microphone) if asked. */
export async function joinRoom(url: string, room: string, identity: string, publish: { video?: boolean; audio?: boolean } = {}): Promise<LkRoom> {
  const { participant_token: token } = await fetchToken(room, identity);
  // A small camera keeps two cores free for the server and the decoder; voice processing off, so
  // the fake microphone's beeps are sent as they are.
  const el = await fixture<LkRoom>(html`<lk-room url=${url} token=${token} participant-identity=${identity} connect ?video=${publish.video} ?audio=${publish.audio}
    video-resolution="320x180@15" echo-cancellation="false" noise-suppression="false" auto-gain-control="false"></lk-room>`);
  await waitFor(() => isConnected(el), `${identity} connected`, 30_000);
  if (publish.video) await waitFor(() => roomOf(el)?.localParticipant.getTrackPublication(Track.Source.Camera)?.track, `${identity} publishes its camera`, 30_000);
  if (publish.audio) await waitFor(() => roomOf(el)?.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, `${identity} publishes its microphone`, 30_000);
  return el;
}

/** A new room with a publisher `pub` (camera, and microphone if asked) and a subscriber `sub`. */
export async function startCall(url: string, { audio = false } = {}): Promise<{ pub: LkRoom; sub: LkRoom; room: string }> {
  const room = uniqueRoom('faults');
  const pub = await joinRoom(url, room, 'pub', { video: true, audio });
  const sub = await joinRoom(url, room, 'sub');
  return { pub, sub, room };
}

/** What the subscriber decodes of one publisher's camera: the frames its receiver decoded, through a `<video>`. */
export class CameraWatch {
  readonly video = document.createElement('video');
  #track?: RemoteVideoTrack;

  constructor(
    readonly subscriber: LkRoom,
    readonly from: string,
  ) {
    this.video.muted = true;
    this.video.width = 160;
    document.body.append(this.video);
  }

  /** The remote camera track the subscriber has now (a new one after a full reconnect). */
  track(): RemoteVideoTrack | undefined {
    return roomOf(this.subscriber)?.remoteParticipants.get(this.from)?.getTrackPublication(Track.Source.Camera)?.videoTrack as RemoteVideoTrack | undefined;
  }

  /** The current track (attached to the `<video>`), the RTP packets it received, its decoded frames and the decoded width. */
  async sample(): Promise<{ track?: RemoteVideoTrack; packets: number; frames: number; width: number }> {
    const track = this.track();
    if (track !== this.#track) {
      this.#track?.detach(this.video);
      track?.attach(this.video);
      this.#track = track;
    }
    const stats = await track?.getReceiverStats();
    return { track, packets: stats?.packetsReceived ?? 0, frames: stats?.framesDecoded ?? 0, width: this.video.videoWidth };
  }

  /** The packets and frames received and decoded between two samples (all of `later`'s when the track changed). */
  static delta(earlier: { track?: RemoteVideoTrack; packets: number; frames: number }, later: { track?: RemoteVideoTrack; packets: number; frames: number }) {
    const same = later.track !== undefined && later.track === earlier.track;
    return { packets: same ? later.packets - earlier.packets : later.packets, frames: same ? later.frames - earlier.frames : later.frames };
  }

  /**
   * Waits until new packets arrived and `frames` more frames than now were decoded (on this track,
   * or on a new one). New packets too: after a stall the receiver may still decode frames it held.
   */
  async decoding(what: string, timeout: number, frames = 10): Promise<void> {
    const base = await this.sample();
    await waitFor(
      async () => {
        const now = await this.sample();
        const grown = CameraWatch.delta(base, now);
        return now.track && grown.packets > 0 && grown.frames >= frames && now.width > 0;
      },
      what,
      timeout,
    );
  }

  dispose(): void {
    this.#track?.detach(this.video);
    this.video.remove();
  }
}

const LK_EVENTS = [
  'lk-connection-state-changed',
  'lk-connected',
  'lk-reconnecting',
  'lk-reconnected',
  'lk-disconnected',
  'lk-error',
  'lk-participant-connected',
  'lk-participant-disconnected',
  'lk-track-subscribed',
  'lk-track-unsubscribed',
] as const;

/** A timeline of what the rooms said: their `lk-*` events and the SDK's own states and events. */
export class EventLog {
  entries: { at: number; who: string; what: string }[] = [];
  #rooms = new WeakSet<Room>();
  #els: Record<string, LkRoom>;

  constructor(els: Record<string, LkRoom>) {
    this.#els = els;
    for (const [who, el] of Object.entries(els)) {
      for (const name of LK_EVENTS) el.addEventListener(name, (event) => this.add(who, describe(name, event)));
    }
    this.watchRooms();
  }

  /** Listens to the SDK events of the rooms' current `Room`s (a room can build a new one). */
  watchRooms(): void {
    for (const [who, el] of Object.entries(this.#els)) {
      const room = roomOf(el);
      if (!room || this.#rooms.has(room)) continue;
      this.#rooms.add(room);
      room.on(RoomEvent.ConnectionStateChanged, (state) => this.add(who, `sdk ${state}`));
      room.on(RoomEvent.SignalReconnecting, () => this.add(who, 'sdk SignalReconnecting'));
      room.on(RoomEvent.Reconnecting, () => this.add(who, 'sdk Reconnecting'));
      room.on(RoomEvent.Reconnected, () => this.add(who, 'sdk Reconnected'));
      room.on(RoomEvent.Disconnected, (reason) => this.add(who, `sdk Disconnected(${reason})`));
    }
  }

  add(who: string, what: string): void {
    this.entries.push({ at: performance.now(), who, what });
  }

  /** The entries since `t0` (a `performance.now()`), as `+ms who what` lines. */
  since(t0: number): string[] {
    return this.entries.filter((e) => e.at >= t0).map((e) => `+${Math.round(e.at - t0)} ${e.who} ${e.what}`);
  }

  /** The `lk-error` codes `who` reported since `t0`. */
  errorsSince(who: string, t0: number): string[] {
    return this.entries.filter((e) => e.at >= t0 && e.who === who && e.what.startsWith('lk-error ')).map((e) => e.what.slice('lk-error '.length).split(':')[0]);
  }
}

function describe(name: string, event: Event): string {
  const detail = (event as CustomEvent<Record<string, unknown> | undefined>).detail;
  switch (name) {
    case 'lk-connection-state-changed':
      return `${name} ${String(detail?.state)} (sdk ${String(detail?.sdkState)})`;
    case 'lk-disconnected':
      return `${name} ${String(detail?.reasonName)}`;
    case 'lk-error':
      return `${name} ${String(detail?.code)}: ${String(detail?.message)}`;
    case 'lk-track-subscribed':
    case 'lk-track-unsubscribed':
      return `${name} ${String((detail?.track as { source?: string } | undefined)?.source)}`;
    case 'lk-participant-connected':
    case 'lk-participant-disconnected':
      return `${name} ${String((detail?.participant as { identity?: string } | undefined)?.identity)}`;
    default:
      return name;
  }
}
