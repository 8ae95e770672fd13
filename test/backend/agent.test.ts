// The simulated LiveKit Agents agent (tools/publisher --agent) against the real server, seen from a
// plain livekit-client page (no kit elements) that reads the agent the way @livekit/components-react
// does: useVoiceAssistant (the first remote participant of kind AGENT, its lk.agent.state attribute,
// its microphone track) and useTranscriptions (text streams on lk.transcription, one segment per
// lk.segment_id, attributed by lk.transcribed_track_id, final by lk.transcription_final).
import { expect } from '@open-wc/testing';
import { ParticipantEvent, ParticipantKind, Room, RoomEvent, Track, TokenSource, type Participant, type RemoteParticipant } from 'livekit-client';
import { uniqueRoom, waitFor } from '../helpers.js';
import { SimulatedAgent, stopAllAgents, type AgentEvent } from './backend.js';

const STATE = 'lk.agent.state';
const SEGMENT = 'lk.segment_id';
const TRACK = 'lk.transcribed_track_id';
const FINAL = 'lk.transcription_final';

/** One text stream received on lk.transcription, as it crossed the wire. */
type Received = {
  sender: string;
  /** The attributes of the header. */
  header: Record<string, string>;
  /** The attributes once the stream ended (the trailer's merged in). */
  attributes: Record<string, string>;
  chunks: string[];
  closed: boolean;
};

/** A user page: a Room with a (fake) microphone published, connected with a token that asks for `agentName`. */
class UserPage {
  readonly room = new Room();
  readonly streams: Received[] = [];
  /** Every lk.agent.state value the page saw on an agent, in order. */
  readonly states: string[] = [];
  /** The bodies of the token requests the page sent. */
  readonly tokenRequests: Record<string, unknown>[] = [];

  constructor() {
    this.room.registerTextStreamHandler('lk.transcription', (reader, { identity }) => {
      const received: Received = { sender: identity, header: { ...reader.info.attributes }, attributes: {}, chunks: [], closed: false };
      this.streams.push(received);
      void (async () => {
        for await (const chunk of reader) received.chunks.push(chunk);
        received.attributes = { ...reader.info.attributes };
        received.closed = true;
      })();
    });
    // The participant's own events, as useParticipantAttributes reads them: the Room forwards
    // attribute changes only once it is connected, and an agent dispatched on the room's creation
    // may change its state while the page is still connecting.
    this.room.on(RoomEvent.ParticipantConnected, (p) => this.watch(p));
  }

  private readonly watched = new WeakSet<Participant>();

  /** Records the lk.agent.state values of an agent from now on. */
  private watch(p: RemoteParticipant): void {
    if (p.kind !== ParticipantKind.AGENT || this.watched.has(p)) return;
    this.watched.add(p);
    const noteState = () => {
      const state = p.attributes[STATE];
      if (state && this.states.at(-1) !== state) this.states.push(state);
    };
    p.on(ParticipantEvent.AttributesChanged, noteState);
    noteState();
  }

  /** Connects; publishes `microphone` as the microphone, or else the browser's (fake) one. */
  async connect(roomName: string, identity: string, agentName: string, microphone?: MediaStreamTrack): Promise<void> {
    const original = window.fetch.bind(window);
    window.fetch = (input, init) => {
      const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
      if (url.includes('/api/token') && typeof init?.body === 'string') this.tokenRequests.push(JSON.parse(init.body) as Record<string, unknown>);
      return original(input, init);
    };
    try {
      const { serverUrl, participantToken } = await TokenSource.endpoint('/api/token').fetch({ roomName, participantIdentity: identity, agentName });
      await this.room.connect(serverUrl, participantToken);
    } finally {
      window.fetch = original;
    }
    for (const p of this.room.remoteParticipants.values()) this.watch(p);
    if (microphone) await this.room.localParticipant.publishTrack(microphone, { source: Track.Source.Microphone });
    else await this.room.localParticipant.setMicrophoneEnabled(true);
  }

  /** The agent as useVoiceAssistant finds it: the first remote participant of kind AGENT not publishing on another's behalf. */
  agent(): RemoteParticipant | undefined {
    return [...this.room.remoteParticipants.values()].find((p) => p.kind === ParticipantKind.AGENT && !('lk.publish_on_behalf' in p.attributes));
  }

  /** The streams of one segment, in the order they arrived. */
  segment(id: string): Received[] {
    return this.streams.filter((s) => s.header[SEGMENT] === id);
  }

  /** A segment as useTextStream folds it: the text and attributes of its latest stream. */
  folded(id: string): { text: string; attributes: Record<string, string> } | undefined {
    const last = this.segment(id).at(-1);
    return last && { text: last.chunks.join(''), attributes: last.closed ? last.attributes : last.header };
  }
}

const pages: UserPage[] = [];

/** A microphone the test makes speak: a 220 Hz tone, loud while `speak()` runs, silent otherwise. */
function voice(): { track: MediaStreamTrack; speak: (ms: number) => Promise<void>; close: () => Promise<void> } {
  const context = new AudioContext();
  const oscillator = new OscillatorNode(context, { frequency: 220 });
  const gain = new GainNode(context, { gain: 0 });
  const destination = new MediaStreamAudioDestinationNode(context);
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  return {
    track: destination.stream.getAudioTracks()[0],
    async speak(ms) {
      await context.resume();
      gain.gain.value = 0.8;
      await new Promise((resolve) => setTimeout(resolve, ms));
      gain.gain.value = 0;
    },
    close: () => context.close(),
  };
}

function newPage(): UserPage {
  const page = new UserPage();
  pages.push(page);
  return page;
}

describe('the simulated LiveKit Agents agent (tools/publisher --agent) and a plain livekit-client page', function () {
  this.timeout(150_000);

  afterEach(async () => {
    await Promise.all(pages.splice(0).map((page) => page.room.disconnect()));
    await stopAllAgents();
  });

  it('is dispatched by room_config.agents, joins as an agent, reports its state, publishes audio and sends Agents-style transcriptions', async () => {
    const agentName = uniqueRoom('sim-agent');
    const roomName = uniqueRoom('agent');
    const agent = await SimulatedAgent.start({ agentName });
    expect(agent.workerId ?? '', 'the server gave the worker an id').to.match(/^AW_/);

    const page = newPage();
    await page.connect(roomName, 'user', agentName);
    // What TokenSource sent: the standard request with room_config.agents.
    const request = page.tokenRequests[0] as { room_name?: string; room_config?: { agents?: { agent_name?: string }[] } };
    expect(request?.room_name).to.equal(roomName);
    expect(request?.room_config?.agents?.[0]?.agent_name).to.equal(agentName);

    // The server dispatched the job to the worker, and the agent joined as kind AGENT.
    const remote = await waitFor(() => page.agent(), 'an agent participant in the room', 45_000);
    const dispatched = (await agent.events()).find((e) => e.event === 'dispatched');
    expect(dispatched?.room).to.equal(roomName);
    expect(dispatched?.agentName).to.equal(agentName);
    expect(dispatched?.identity).to.equal(remote.identity);
    expect(String(dispatched?.jobId)).to.match(/^AJ_/);
    expect(remote.identity).to.equal(`agent-${String(dispatched?.jobId)}`);
    expect(remote.isAgent).to.equal(true);
    expect(remote.attributes['lk.agent_name'], 'the server names the agent in its attributes').to.equal(agentName);

    // Its state goes initializing → listening (the page may connect after the first), and its
    // microphone track arrives.
    await agent.explain(
      waitFor(() => page.states.includes('listening'), 'the agent listening', 30_000).catch((err: Error) => {
        throw new Error(`${err.message}; states seen ${JSON.stringify(page.states)}, attributes now ${JSON.stringify(remote.attributes)}`);
      }),
    );
    expect(['initializing → listening', 'listening']).to.include(page.states.slice(0, page.states.indexOf('listening') + 1).join(' → '));
    const publication = await waitFor(() => remote.getTrackPublication(Track.Source.Microphone), "the agent's microphone publication", 30_000);
    const published = (await agent.events()).find((e) => e.event === 'published');
    expect(publication.trackSid).to.equal(published?.sid);
    const audio = await waitFor(() => publication.track, "the agent's audio subscribed", 30_000);
    await waitFor(async () => {
      const stats = await audio.getRTCStatsReport();
      return [...(stats?.values() ?? [])].some((s: { type: string; packetsReceived?: number }) => s.type === 'inbound-rtp' && (s.packetsReceived ?? 0) > 0);
    }, "the agent's audio packets arriving", 30_000);

    // A state set by command reaches the page.
    const ack = await agent.command('state thinking');
    expect(ack.state).to.equal('thinking');
    await waitFor(() => page.states.at(-1) === 'thinking', 'the agent thinking', 20_000);

    // Its speech: one stream for the segment, written in deltas, on its own audio track, final in the trailer.
    const text = 'Hello from the simulated agent, how can I help you today?';
    const said: AgentEvent = await agent.command(`say ${text}`);
    const saidSegment = String(said.segmentId);
    expect(said.trackSid).to.equal(publication.trackSid);
    await waitFor(() => page.segment(saidSegment)[0]?.closed, 'the agent speech stream, ended', 20_000);
    const [speech, ...more] = page.segment(saidSegment);
    expect(more.length, 'one stream per agent segment').to.equal(0);
    expect(speech.sender).to.equal(remote.identity);
    expect(speech.header[TRACK]).to.equal(publication.trackSid);
    expect(speech.header[FINAL], 'the header says not final yet').to.equal('false');
    expect(speech.chunks.length, `written in deltas (${JSON.stringify(speech.chunks)})`).to.be.greaterThan(1);
    expect(speech.chunks.join('')).to.equal(text);
    expect(speech.attributes[FINAL], 'the trailer marks it final').to.equal('true');
    expect(speech.attributes[TRACK]).to.equal(publication.trackSid);
    expect(speech.attributes[SEGMENT]).to.equal(saidSegment);
    await waitFor(() => page.states.at(-1) === 'listening', 'the agent listening again after speaking', 20_000);
    const afterThinking = page.states.slice(page.states.lastIndexOf('thinking'));
    expect(afterThinking.join(' → ')).to.equal('thinking → speaking → listening');

    // The user's speech: complete streams for each speech-to-text result, same segment, the user's
    // microphone track, sent on the user's behalf; interim results first, the final one last.
    const heardText = 'What is the weather like today';
    const heard = await agent.command(`hear ${heardText}`);
    const heardSegment = String(heard.segmentId);
    const userMic = page.room.localParticipant.getTrackPublication(Track.Source.Microphone)!;
    expect(heard.identity).to.equal('user');
    expect(heard.trackSid).to.equal(userMic.trackSid);
    await waitFor(() => page.segment(heardSegment).some((s) => s.closed && s.header[FINAL] === 'true'), 'the final user transcription', 20_000);
    await waitFor(() => page.segment(heardSegment).every((s) => s.closed), 'every user transcription stream ended', 20_000);
    const results = page.segment(heardSegment);
    expect(results.length, 'interim results and a final one').to.be.greaterThan(1);
    const finals = results.map((s) => s.header[FINAL]);
    const expected = results.map((_, i) => (i === results.length - 1 ? 'true' : 'false'));
    expect(finals.join(','), 'interim (false) results, then the final (true) one last').to.equal(expected.join(','));
    for (const [i, s] of results.entries()) {
      expect(s.sender, 'sent on the user’s behalf').to.equal('user');
      expect(s.header[TRACK]).to.equal(userMic.trackSid);
      const words = s.chunks.join('');
      expect(heardText.startsWith(words) && words.length > 0, `result ${i} "${words}" is a prefix of what was said`).to.equal(true);
      if (i > 0) expect(words.length > results[i - 1].chunks.join('').length, 'each result longer than the one before').to.equal(true);
    }
    expect(page.folded(heardSegment)?.text).to.equal(heardText);
    expect(page.folded(heardSegment)?.attributes[FINAL]).to.equal('true');
    expect(page.folded(saidSegment)?.text).to.equal(text);

    // leave: the agent goes.
    const left = await agent.command('leave');
    expect(left.identity).to.equal(remote.identity);
    await waitFor(() => !page.agent(), 'the agent gone from the room', 20_000);
  });

  it('an agent name nobody registered: no agent joins', async () => {
    // A worker for another name is registered, so the server does dispatch agents.
    const agent = await SimulatedAgent.start({ agentName: uniqueRoom('sim-agent') });
    const page = newPage();
    await page.connect(uniqueRoom('agent-none'), 'user', uniqueRoom('nobody'));
    const watchUntil = performance.now() + 6000;
    while (performance.now() < watchUntil) {
      expect(page.agent(), 'no agent participant').to.equal(undefined);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(page.room.remoteParticipants.size, 'nobody else in the room').to.equal(0);
    const events = await agent.events();
    expect(events.some((e) => e.event === 'dispatched'), 'the other worker got no job').to.equal(false);
  });

  it('leaves when its user leaves, and takes the next dispatch', async () => {
    const agentName = uniqueRoom('sim-agent');
    const agent = await SimulatedAgent.start({ agentName });
    const first = newPage();
    const firstRoom = uniqueRoom('agent-first');
    await first.connect(firstRoom, 'user-1', agentName);
    await waitFor(() => first.states.includes('listening'), 'the agent listening in the first room', 45_000);
    await first.room.disconnect();
    await waitFor(async () => (await agent.events()).some((e) => e.event === 'left' && e.room === firstRoom && e.reason === 'user left'), 'the agent leaving the first room', 20_000);

    const second = newPage();
    const secondRoom = uniqueRoom('agent-second');
    await second.connect(secondRoom, 'user-2', agentName);
    const remote = await waitFor(() => second.agent(), 'the agent in the second room', 45_000);
    const joined = (await agent.events()).filter((e) => e.event === 'joined').map((e) => e.room);
    expect(joined.join(',')).to.equal(`${firstRoom},${secondRoom}`);
    await waitFor(() => second.states.includes('listening'), 'the agent listening in the second room', 30_000);
    const heard = await agent.command('hear Second room');
    expect(heard.identity, 'it transcribes the new user').to.equal('user-2');
    expect(remote.isAgent).to.equal(true);
  });

  it('joins a named room directly with a token of kind agent (no dispatch)', async () => {
    const roomName = uniqueRoom('agent-direct');
    const page = newPage();
    // A page without an agent request; the agent comes by itself.
    const { serverUrl, participantToken } = await TokenSource.endpoint('/api/token').fetch({ roomName, participantIdentity: 'user' });
    await page.room.connect(serverUrl, participantToken);
    await SimulatedAgent.start({ agentName: 'direct', room: roomName, identity: 'sim-direct' });
    const remote = await waitFor(() => page.agent(), 'the agent in the room', 30_000);
    expect(remote.identity).to.equal('sim-direct');
    expect(remote.isAgent).to.equal(true);
    expect(remote.attributes['lk.agent_name']).to.equal('direct');
    // The page was in the room first: it sees every state the agent sets, in order.
    await waitFor(() => page.states.includes('listening'), 'the agent listening', 20_000);
    expect(page.states.join(' → ')).to.equal('initializing → listening');
  });

  it('--agent-auto: greets the user, and answers a turn of speech with a transcription and a reply', async () => {
    const agentName = uniqueRoom('sim-agent');
    const agent = await SimulatedAgent.start({ agentName, auto: true });
    const mic = voice();
    try {
      const page = newPage();
      await page.connect(uniqueRoom('agent-auto'), 'user', agentName, mic.track);
      const remote = await waitFor(() => page.agent(), 'the agent in the room', 45_000);
      const greeting = await waitFor(async () => (await agent.events()).find((e) => e.event === 'said'), 'the greeting said', 30_000);
      await waitFor(() => page.folded(String(greeting.segmentId))?.attributes[FINAL] === 'true', 'the greeting transcribed, final', 20_000);
      expect(page.folded(String(greeting.segmentId))?.text).to.match(/^Hello!/);
      await waitFor(() => page.states.at(-1) === 'listening', 'the agent listening after its greeting', 20_000);

      // The user speaks for 1.5 s, then keeps quiet: the server's speaker detection tells the agent.
      let seenSpeaking = false;
      page.room.on(RoomEvent.ActiveSpeakersChanged, (speakers) => (seenSpeaking ||= speakers.some((p) => p.identity === 'user')));
      await mic.speak(1500);
      await waitFor(() => seenSpeaking, 'the server naming the user an active speaker', 20_000);
      const heard = await waitFor(async () => (await agent.events()).find((e) => e.event === 'heard'), "the agent's transcription of the turn", 30_000);
      expect(heard.identity).to.equal('user');
      expect(String(heard.text)).to.match(/seconds of speech/);
      const reply = await waitFor(async () => (await agent.events()).filter((e) => e.event === 'said')[1], 'the reply said', 30_000);
      await waitFor(() => page.folded(String(reply.segmentId))?.attributes[FINAL] === 'true', 'the reply transcribed, final', 20_000);
      await waitFor(() => page.states.at(-1) === 'listening', 'the agent listening after its reply', 20_000);
      const afterTurn = page.states.slice(page.states.lastIndexOf('thinking'));
      expect(afterTurn.join(' → ')).to.equal('thinking → speaking → listening');
      expect(page.folded(String(heard.segmentId))?.attributes[TRACK]).to.equal(page.room.localParticipant.getTrackPublication(Track.Source.Microphone)?.trackSid);
      expect(remote.isAgent).to.equal(true);
    } finally {
      await mic.close();
    }
  });
});
