/** Shared test helpers: waits with a deadline, unique room names, tokens from the test server. */
import { DataPacket_Kind, RoomEvent, type Room } from 'livekit-client';
import { encodeLegacyMessage } from '../src/core/chat.js';
import type { LkErrorDetail } from '../src/core/errors.js';
import type { LkRoom } from '../src/index.js';

/**
 * The page runs in Firefox. Where Firefox's media stack differs from Chromium's (codecs, the fake
 * devices, screen capture), a test asserts what each engine really does (docs/browsers.md).
 */
export const isFirefox = navigator.userAgent.includes('Firefox/');

/** Waits until `condition()` is truthy (or resolves truthy), polling; fails with `what` after `timeout` ms. */
export async function waitFor<T>(condition: () => T | Promise<T>, what: string, timeout = 20_000): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeout;
  let last: unknown;
  for (;;) {
    try {
      const value = await condition();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (performance.now() > deadline) {
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}${last instanceof Error ? `: ${last.message}` : ''}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A room name no other test uses. */
export function uniqueRoom(prefix = 'test'): string {
  return `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
}

/** A token from the test runner's token endpoint (LiveKit's standard format). */
export async function fetchToken(roomName: string, identity: string, query = ''): Promise<{ server_url: string; participant_token: string }> {
  const res = await fetch(`/api/token${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ room_name: roomName, participant_identity: identity }),
  });
  if (!res.ok) throw new Error(`token endpoint: ${res.status} ${await res.text()}`);
  return (await res.json()) as { server_url: string; participant_token: string };
}

/** Collects `console.warn` calls while `fn` runs. */
export async function captureWarnings(fn: () => unknown): Promise<string[]> {
  const warnings: string[] = [];
  const original = console.warn;
  console.warn = (...args: unknown[]) => {
    warnings.push(args.map(String).join(' '));
  };
  try {
    await fn();
  } finally {
    console.warn = original;
  }
  return warnings;
}

/** The next `name` event on `target`, typed by the element event map. */
export function nextEvent<K extends keyof HTMLElementEventMap>(target: EventTarget, name: K): Promise<HTMLElementEventMap[K]> {
  return new Promise((resolve) => target.addEventListener(name, (event) => resolve(event as HTMLElementEventMap[K]), { once: true }));
}

/** A real mouse click (a user gesture) in the middle of `element`. */
export async function realClick(element: Element): Promise<void> {
  const { sendMouse } = await import('@web/test-runner-commands');
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)] });
}

/**
 * Runs `fn` inside a real click (a user gesture) on a button put in the page for it: for APIs
 * that need transient activation, such as Firefox's `getDisplayMedia`.
 */
export async function duringClick<T>(fn: () => Promise<T>): Promise<T> {
  const button = document.createElement('button');
  button.textContent = 'Go';
  button.style.cssText = 'position: fixed; inset: 0 auto auto 0; width: 80px; height: 40px; z-index: 2147483647';
  document.body.append(button);
  try {
    const result = new Promise<T>((resolve, reject) => button.addEventListener('click', () => void fn().then(resolve, reject), { once: true }));
    await realClick(button);
    return await result;
  } finally {
    button.remove();
  }
}

/** The `outbound-rtp` stats of a sender, by rid (or `''` without simulcast), and its codec's MIME type and fmtp. */
export async function outboundStats(sender: RTCRtpSender): Promise<{ byRid: Map<string, { bytesSent: number; frameWidth?: number }>; mimeType?: string; fmtp?: string }> {
  const report = await sender.getStats();
  const byRid = new Map<string, { bytesSent: number; frameWidth?: number }>();
  let codecId: string | undefined;
  report.forEach((stat: { type: string; rid?: string; bytesSent?: number; frameWidth?: number; codecId?: string }) => {
    if (stat.type !== 'outbound-rtp') return;
    byRid.set(stat.rid ?? '', { bytesSent: stat.bytesSent ?? 0, frameWidth: stat.frameWidth });
    codecId ??= stat.codecId;
  });
  const codec = codecId ? (report.get(codecId) as { mimeType?: string; sdpFmtpLine?: string } | undefined) : undefined;
  return { byRid, mimeType: codec?.mimeType, fmtp: codec?.sdpFmtpLine };
}

/**
 * The server's answer to the publisher peer connection (livekit-client keeps it on `room.engine`):
 * the parameters the browser's encoders follow, such as Opus `usedtx`.
 */
export function publisherAnswer(room: { engine: unknown }): string {
  const engine = room.engine as { pcManager?: { publisher: { getRemoteDescription(): RTCSessionDescription | null | undefined } } };
  return engine.pcManager?.publisher.getRemoteDescription()?.sdp ?? '';
}

/** The fmtp parameters of a codec (`opus`, `red`) in an SDP, joined. */
export function fmtpOf(sdp: string, codec: string): string {
  const payloads = [...sdp.matchAll(new RegExp(`^a=rtpmap:(\\d+) ${codec}/`, 'gim'))].map((m) => m[1]);
  return payloads.flatMap((pt) => [...sdp.matchAll(new RegExp(`^a=fmtp:${pt} (.*)$`, 'gm'))].map((m) => m[1])).join(';');
}

/** All elements matching `selector` in `root` and in every shadow root below it. */
export function deepQueryAll<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const found: T[] = [...root.querySelectorAll<T>(selector)];
  for (const element of root.querySelectorAll('*')) {
    if (element.shadowRoot) found.push(...deepQueryAll<T>(element.shadowRoot, selector));
  }
  return found;
}

/** The identities the server has in `room` now. */
export async function serverParticipants(room: string): Promise<string[]> {
  const res = await fetch(`/api/participants?room=${encodeURIComponent(room)}`);
  if (!res.ok) throw new Error(`participants: ${res.status} ${await res.text()}`);
  return (await res.json()) as string[];
}

const peerConnections: WeakRef<RTCPeerConnection>[] = [];
const capturedTracks: WeakRef<MediaStreamTrack>[] = [];
let instrumented = false;

/**
 * From now on, records every `RTCPeerConnection` the page makes and every track `getUserMedia`
 * captures (weakly: nothing is kept alive by the record). Idempotent.
 */
export function recordMedia(): void {
  if (instrumented) return;
  instrumented = true;
  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      peerConnections.push(new WeakRef(this));
    }
  };
  const getUserMedia = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
  navigator.mediaDevices.getUserMedia = async (constraints) => {
    const stream = await getUserMedia(constraints);
    for (const track of stream.getTracks()) capturedTracks.push(new WeakRef(track));
    return stream;
  };
}

/**
 * Records the SDP of every answer the page's peer connections apply as their remote description
 * (the server's answers to the publisher's offers) until `stop()`.
 */
export function recordRemoteAnswers(): { answers: string[]; stop(): void } {
  const answers: string[] = [];
  const proto = RTCPeerConnection.prototype;
  const native = Object.getOwnPropertyDescriptor(proto, 'setRemoteDescription')!;
  const original = native.value as (this: RTCPeerConnection, description: RTCSessionDescriptionInit) => Promise<void>;
  function recording(this: RTCPeerConnection, description: RTCSessionDescriptionInit): Promise<void> {
    if (description?.type === 'answer' && description.sdp) answers.push(description.sdp);
    return original.call(this, description);
  }
  Object.defineProperty(proto, 'setRemoteDescription', { ...native, value: recording });
  return { answers, stop: () => Object.defineProperty(proto, 'setRemoteDescription', native) };
}

/** The recorded peer connections not closed, and captured tracks still live. */
export function openMedia(): { peerConnections: number; liveTracks: number } {
  return {
    peerConnections: peerConnections.filter((ref) => { const pc = ref.deref(); return pc && pc.signalingState !== 'closed'; }).length,
    liveTracks: capturedTracks.filter((ref) => ref.deref()?.readyState === 'live').length,
  };
}

/**
 * Puts a new `<lk-room connect>`, set up by `setup`, in the page and resolves to the first `lk-error`
 * it reports and the console warnings printed meanwhile. The element stays in the page.
 */
export async function failedConnection(setup: (el: LkRoom) => void): Promise<{ el: LkRoom; detail: LkErrorDetail; warnings: string[] }> {
  const el = document.createElement('lk-room');
  setup(el);
  let detail!: LkErrorDetail;
  const warnings = await captureWarnings(async () => {
    const failed = nextEvent(el, 'lk-error');
    el.connect = true;
    document.body.append(el);
    detail = (await failed).detail;
  });
  return { el, detail, warnings };
}

/**
 * Delivers a legacy chat packet without a server, the way livekit-client delivers one: as the
 * Room's DataReceived event with the packet's topic. Text streams are proven in test/e2e/chat.test.ts.
 */
export function deliverLegacy(room: Room, message: Record<string, unknown>, topic = 'lk-chat-topic'): void {
  room.emit(RoomEvent.DataReceived, encodeLegacyMessage(message as { message: string }), undefined, DataPacket_Kind.RELIABLE, topic);
}
