// The soak harness: <lk-room> elements inserted and removed one after another, and what they leave
// behind: the JS heap after a forced GC (the `heap` server command, scripts/heap-plugin.mjs), live
// Rooms and elements, peer connections never closed and tracks never stopped (`RTCPeerConnection`
// and `getUserMedia` wrapped for the run), lk-error events and console messages.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { Room } from 'livekit-client';
import '../../src/index.js';
import { fetchToken, uniqueRoom } from '../helpers.js';
import { RELEASE_CHECKS_MS } from '../../src/core/sdk-workarounds.js';

export const CYCLES = (globalThis as { SOAK_CYCLES?: number }).SOAK_CYCLES ?? 1000;
/** Cycles before the first measurement: V8 compiles and optimises hot code once (several hundred kB). */
export const WARMUP = 30;
const HEAP_BOUND = 1_000_000;
/** How long a removed room may take to say `disconnected` with no capture pending. */
export const SETTLE_MS = 5_000;
/** How long a room may take to reach the stage it is removed at. */
export const STAGE_MS = 20_000;
/** A run stops early after this many cycles that failed or did not settle (each may cost seconds). */
export const MAX_BAD_CYCLES = 10;
/** How long peer connections and tracks may take to close after the last cycle. */
export const GRACE_MS = 10_000;

interface HeapAnswer {
  usedSize: number;
  totalSize: number;
  live: Record<string, number>;
}

/** Live objects counted by the `heap` command: livekit-client's Rooms and the <lk-room> elements. */
function soakPrototypes(): Record<string, object> {
  const prototypes: Record<string, object> = { Room: Room.prototype, 'lk-room': customElements.get('lk-room')!.prototype as object };
  (window as unknown as { __soak: Record<string, object> }).__soak = prototypes;
  return prototypes;
}

/** The JS heap in use after a forced GC, and how many Rooms and <lk-room> elements are alive. */
function heap(): Promise<HeapAnswer> {
  const count = Object.fromEntries(Object.keys(soakPrototypes()).map((name) => [name, `window.__soak[${JSON.stringify(name)}]`]));
  return executeServerCommand<HeapAnswer, { count: Record<string, string> }>('heap', { count });
}

/** Counts distinct messages (numbers masked, so that "took 139 ms" and "took 140 ms" are one), up to 20 kinds. */
class Tally {
  total = 0;
  kinds = new Map<string, number>();

  add(text: string): void {
    this.total++;
    const kind = text.slice(0, 100).replace(/\d+/g, '#');
    if (this.kinds.has(kind) || this.kinds.size < 20) this.kinds.set(kind, (this.kinds.get(kind) ?? 0) + 1);
  }

  report(): string {
    return `${this.total}${[...this.kinds].map(([kind, n]) => `\n    ${n}× ${kind}`).join('')}`;
  }
}

/**
 * While installed: every RTCPeerConnection made (weakly held: Chromium refuses more than 500 that
 * are not yet collected, and an open one stays alive anyway), every track getUserMedia gives, and
 * what the page logs, counted instead of being kept by the test runner until the file ends.
 */
function installProbe() {
  let peerConnections: WeakRef<RTCPeerConnection>[] = [];
  let tracks: MediaStreamTrack[] = [];
  const counts = { peerConnections: 0, tracks: 0, pendingCaptures: 0 };
  const messages = new Tally();
  const restore: (() => void)[] = [];

  const NativePC = window.RTCPeerConnection;
  class CountedPC extends NativePC {
    constructor(...args: ConstructorParameters<typeof RTCPeerConnection>) {
      super(...args);
      counts.peerConnections++;
      peerConnections.push(new WeakRef(this));
    }
  }
  window.RTCPeerConnection = CountedPC;
  restore.push(() => (window.RTCPeerConnection = NativePC));

  const devices = navigator.mediaDevices;
  const ownGetUserMedia = Object.getOwnPropertyDescriptor(devices, 'getUserMedia');
  const getUserMedia = devices.getUserMedia.bind(devices);
  devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
    counts.pendingCaptures++;
    try {
      const stream = await getUserMedia(constraints);
      counts.tracks += stream.getTracks().length;
      tracks.push(...stream.getTracks());
      return stream;
    } finally {
      counts.pendingCaptures--;
    }
  };
  restore.push(() => (ownGetUserMedia ? Object.defineProperty(devices, 'getUserMedia', ownGetUserMedia) : Reflect.deleteProperty(devices, 'getUserMedia')));

  for (const method of ['log', 'info', 'debug', 'warn', 'error', 'trace'] as const) {
    const original = Object.getOwnPropertyDescriptor(console, method)!;
    console[method] = (...args: unknown[]) => messages.add(`${method}: ${args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ')}`);
    restore.push(() => Object.defineProperty(console, method, original));
  }

  return {
    counts,
    messages,
    openPeerConnections: () => peerConnections.filter((ref) => ref.deref() && ref.deref()!.signalingState !== 'closed').length,
    liveTracks: () => tracks.filter((track) => track.readyState === 'live').length,
    uninstall: () => {
      for (const undo of restore.splice(0).reverse()) undo();
    },
    /** Forgets the objects it recorded, so that the last heap measurement does not count them. */
    clear: () => {
      peerConnections = [];
      tracks = [];
    },
  };
}

type Probe = ReturnType<typeof installProbe>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `done` every 10 ms; true when it held before `timeout` ms. */
async function settles(done: () => boolean, timeout: number): Promise<boolean> {
  const deadline = performance.now() + timeout;
  while (!done()) {
    if (performance.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

/**
 * Resolves once `el`'s connection-state is one of `states` (seen by a MutationObserver, so none is
 * missed) or `stop()` is called.
 */
function stateBecomes(el: Element, states: string[]): { reached: Promise<void>; stop: () => void } {
  let stop = () => {};
  const reached = new Promise<void>((resolve) => {
    const observer = new MutationObserver(() => {
      if (states.includes(el.getAttribute('connection-state')!)) stop();
    });
    stop = () => {
      observer.disconnect();
      resolve();
    };
    observer.observe(el, { attributes: true, attributeFilter: ['connection-state'] });
  });
  return { reached, stop };
}

/** When a cycle removes its room: once rendered (no `connect`), or at a stage of the connection. */
export type RemoveAt = 'rendered' | 'connecting' | 'connected' | 'captured';

/** What a cycle came to: settled, did not settle in SETTLE_MS, or failed before its stage. */
type Outcome = { settled: boolean; failure?: string };

/**
 * One cycle: a new <lk-room url token [connect video audio]> inserted, removed at `removeAt`, then
 * left to settle: `connection-state="disconnected"` and no getUserMedia pending.
 */
async function cycle(removeAt: RemoveAt, credentials: { server_url: string; participant_token: string }, probe: Probe, errors: Tally, options: SoakOptions): Promise<Outcome> {
  const el = document.createElement('lk-room');
  el.setAttribute('url', credentials.server_url);
  el.setAttribute('token', credentials.participant_token);
  if (removeAt !== 'rendered') {
    el.setAttribute('connect', '');
    el.setAttribute('video', '');
    el.setAttribute('audio', '');
  }
  let failure: string | undefined;
  let removed = false;
  const failed = new Promise<void>((resolve) =>
    el.addEventListener('lk-error', (event) => {
      errors.add(`${removed ? 'after' : 'before'} removal: ${event.detail.code}: ${event.detail.message}`);
      if (removed) return;
      failure ??= `lk-error ${event.detail.code}: ${event.detail.message}`;
      resolve();
    }),
  );
  const tracksBefore = probe.counts.tracks;
  document.body.append(el);
  if (removeAt === 'rendered') {
    await el.updateComplete;
  } else {
    let over = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, STAGE_MS)));
    const state = stateBecomes(el, removeAt === 'connecting' ? ['connecting', 'connected'] : ['connected']);
    const stage = async () => {
      await state.reached;
      // Camera and microphone: two getUserMedia calls, one track each.
      const captured = removeAt !== 'captured' || (await settles(() => over || (probe.counts.tracks >= tracksBefore + 2 && probe.counts.pendingCaptures === 0), STAGE_MS));
      return captured && !over;
    };
    const reached = await Promise.race([stage(), failed.then(() => false), timeout.then(() => false)]);
    over = true;
    state.stop();
    clearTimeout(timer);
    if (!reached) failure ??= `${removeAt} not reached within ${STAGE_MS} ms (connection-state ${el.getAttribute('connection-state')})`;
  }
  el.remove();
  removed = true;
  // A removal is acted on a microtask later; the state then goes back to disconnected.
  await sleep(0);
  const settled = await settles(() => el.getAttribute('connection-state') === 'disconnected' && probe.counts.pendingCaptures === 0, SETTLE_MS);
  await options.afterCycle?.(el);
  return { settled, failure };
}

export interface SoakOptions {
  /** Called with each removed element once its cycle has settled (for experiments). */
  afterCycle?: (el: HTMLElement) => void | Promise<void>;
}

/**
 * Cycles of <lk-room> removed at `stages` in turn (WARMUP first, then CYCLES measured); prints the
 * figures and fails unless every cycle reached its stage and settled, no peer connection is open,
 * no track live, and the heap grew by less than 1 MB.
 */
export async function soak(name: string, stages: RemoveAt[], options: SoakOptions = {}): Promise<void> {
  const credentials = await fetchToken(uniqueRoom('soak'), 'soak');
  const probe = installProbe();
  const errors = new Tally();
  const failures = new Tally();
  let unsettled = 0;
  let cycles = 0;
  let before: HeapAnswer;
  let elapsed: number;
  let open: number;
  let live: number;
  try {
    for (let i = 0; i < WARMUP; i++) await cycle(stages[i % stages.length], credentials, probe, errors, options);
    before = await heap();
    const started = performance.now();
    while (cycles < CYCLES && unsettled + failures.total < MAX_BAD_CYCLES) {
      const outcome = await cycle(stages[cycles % stages.length], credentials, probe, errors, options);
      if (!outcome.settled) unsettled++;
      if (outcome.failure) failures.add(outcome.failure);
      cycles++;
    }
    elapsed = performance.now() - started;
    // The kit checks a released Room again up to a few seconds after its removal (late work of a
    // cut-short livekit-client attempt): measure once the last of those checks has run.
    await sleep(Math.max(...RELEASE_CHECKS_MS) + 1000);
    await settles(() => probe.openPeerConnections() === 0 && probe.liveTracks() === 0, GRACE_MS);
    open = probe.openPeerConnections();
    live = probe.liveTracks();
  } finally {
    probe.uninstall();
  }
  probe.clear();
  const after = await heap();
  const delta = after.usedSize - before.usedSize;
  console.log(
    [
      `soak ${name}: ${cycles} cycles (+${WARMUP} warm-up) in ${(elapsed / 1000).toFixed(1)} s, ${(elapsed / cycles).toFixed(1)} ms a cycle`,
      `  heap after GC: before ${before.usedSize} B, after ${after.usedSize} B, delta ${delta} B (${Math.round(delta / cycles)} B a cycle)`,
      `  live objects before → after: ${Object.keys(after.live).map((kind) => `${kind} ${before.live[kind]} → ${after.live[kind]}`).join(', ')}`,
      `  peer connections: ${probe.counts.peerConnections} made, ${open} open; local tracks: ${probe.counts.tracks} captured, ${live} live`,
      `  cycles that did not reach their stage: ${failures.report()}`,
      `  cycles that did not settle within ${SETTLE_MS} ms of removal: ${unsettled}`,
      `  lk-error events: ${errors.report()}`,
      `  console messages: ${probe.messages.report()}`,
    ].join('\n'),
  );
  expect(failures.total, 'cycles that did not reach their stage').to.equal(0);
  expect(unsettled, 'cycles that did not settle after removal').to.equal(0);
  expect(open, 'open RTCPeerConnections').to.equal(0);
  expect(live, 'live local media tracks').to.equal(0);
  expect(delta, 'JS heap growth after GC, bytes').to.be.below(HEAP_BOUND);
}

/** A mocha timeout for a soak of `perCycleMs` a cycle at most, with room for the failures it tolerates. */
export function soakTimeout(perCycleMs: number): number {
  return (CYCLES + WARMUP) * perCycleMs + MAX_BAD_CYCLES * (STAGE_MS + SETTLE_MS) + GRACE_MS + 120_000;
}
