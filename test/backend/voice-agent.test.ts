// The kit's agent elements with a LiveKit Agents agent the real server dispatches: the simulated
// agent (tools/publisher --agent) registers as a worker; `<lk-voice-agent agent-name>` and
// `<lk-conference agent-name>` ask the token endpoint for it (`room_config.agents`), the server
// dispatches it to the room, and it joins as a participant of kind `agent`, publishes its voice,
// says its state in `lk.agent.state` and sends `lk.transcription` streams for its speech and for
// the person's microphone.
import { expect, fixture, html } from '@open-wc/testing';
import { setupTextStream, type TextStreamData } from '@livekit/components-core';
import { ParticipantKind, Room, Track, type RemoteAudioTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkTranscript, LkVoiceAgent } from '../../src/index.js';
import { fetchToken, realClick, serverParticipants, uniqueRoom, waitFor } from '../helpers.js';
import { SimulatedAgent, stopAllAgents } from './backend.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The segments an `<lk-transcript>` shows: who, what, and whether final. */
function shown(transcript: LkTranscript): { identity: string; text: string; final: boolean; node: Element }[] {
  return [...transcript.shadowRoot!.querySelectorAll('[part~=segment]')].map((li) => ({
    identity: li.getAttribute('data-identity') ?? '',
    text: li.querySelector('[part=text]')?.textContent ?? '',
    final: li.getAttribute('part')!.split(' ').includes('final'),
    node: li,
  }));
}

/** What the transcript's live region announced, in order. */
function announced(transcript: LkTranscript): string[] {
  return [...transcript.shadowRoot!.querySelectorAll('[aria-live=polite] p')].map((p) => p.textContent ?? '');
}

/** Bytes received so far on a remote track. */
async function bytesReceived(track: RemoteAudioTrack | undefined): Promise<number> {
  let bytes = 0;
  (await track?.receiver?.getStats())?.forEach((stat: { type: string; bytesReceived?: number }) => {
    if (stat.type === 'inbound-rtp') bytes += stat.bytesReceived ?? 0;
  });
  return bytes;
}

afterEach(() => stopAllAgents());

describe('backend: <lk-voice-agent> and captions with a dispatched agent', () => {
  it('the widget gets the agent dispatched by name, follows its state, shows its voice and both sides of the conversation as captions, and ends', async () => {
    const agentName = `helper-${Math.random().toString(36).slice(2, 8)}`;
    const agent = await SimulatedAgent.start({ agentName });
    const roomName = uniqueRoom('voice');
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent token-endpoint="/api/token" room-name=${roomName} participant-identity="visitor"
      participant-name="Visitor" agent-name=${agentName} agent-timeout="30" captions></lk-voice-agent>`);
    const states: string[] = [];
    el.addEventListener('lk-agent-state-changed', (e) => states.push(e.detail.state));

    await realClick(part(el, 'start')!);
    // Dispatched by the server: the agent joins as kind agent and says it listens.
    await agent.explain(waitFor(() => el.state === 'listening', 'the dispatched agent listening', 30_000));
    const bot = el.agentParticipant!;
    expect(bot.kind).to.equal(ParticipantKind.AGENT);
    const dispatched = (await agent.events()).find((e) => e.event === 'joined');
    expect(dispatched?.room).to.equal(roomName);
    expect(dispatched?.identity).to.equal(bot.identity);
    expect(states[0]).to.equal('connecting');
    expect(states.at(-1)).to.equal('listening');

    // Its voice is received and drawn by the visualizer.
    await waitFor(() => el.agentTrack, 'the agent\'s voice subscribed');
    const voice = () => el.agentTrack;
    const first = await waitFor(async () => (await bytesReceived(voice())) || undefined, 'the agent\'s voice: bytes');
    await waitFor(async () => (await bytesReceived(voice())) > first, 'the agent\'s voice: more bytes');
    const visualizer = el.shadowRoot!.querySelector('lk-audio-visualizer')!;
    expect(visualizer, 'a visualizer in the panel').to.exist;

    // The person's microphone, as the agent's worker heard it: the kit attributes the
    // transcription to the owner of lk.transcribed_track_id (the person), though the agent sent it.
    await waitFor(() => el.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)?.trackSid, 'the microphone published');
    const transcript = await waitFor(() => el.shadowRoot!.querySelector<LkTranscript>('lk-transcript'), 'the transcript in the panel');
    const heard = await agent.command('hear I would like to book a table');
    expect(heard.trackSid).to.equal(el.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)!.trackSid);
    await waitFor(() => shown(transcript).some((s) => s.final && s.text === 'I would like to book a table'), 'the person\'s final words');
    const person = shown(transcript).filter((s) => s.text.startsWith('I would'));
    expect(person.length, 'one entry for the segment').to.equal(1);
    expect(person[0].identity).to.equal('visitor');

    // The agent thinks, then speaks: its words grow in one entry and become final.
    await agent.command('state thinking');
    await waitFor(() => el.getAttribute('state') === 'thinking', 'thinking reflected');
    const said = agent.command('say Of course. For how many people?');
    const interim = await waitFor(() => shown(transcript).find((s) => s.identity === bot.identity && !s.final), 'the agent\'s words while it speaks');
    await waitFor(() => el.getAttribute('state') === 'speaking', 'speaking reflected');
    await said;
    const final = await waitFor(() => shown(transcript).find((s) => s.identity === bot.identity && s.final), 'the agent\'s final words');
    expect(final.node, 'the interim entry became the final one').to.equal(interim.node);
    expect(final.text).to.equal('Of course. For how many people?');
    expect(shown(transcript).filter((s) => s.identity === bot.identity).length).to.equal(1);
    // Only final words were announced, once each, in order.
    const words = announced(transcript);
    expect(words.length).to.equal(2);
    expect(words[0]).to.match(/: I would like to book a table$/);
    expect(words[1]).to.match(/: Of course\. For how many people\?$/);

    await agent.command('state listening');
    await waitFor(() => el.getAttribute('state') === 'listening', 'listening again');

    // End: the person leaves the room.
    await realClick(part(el, 'end')!);
    await waitFor(() => el.state === 'disconnected', 'disconnected');
    await waitFor(async () => !(await serverParticipants(roomName)).includes('visitor'), 'the server let the person go');
  });

  it('<lk-conference agent-name> gets the agent too, its captions button appears with the first transcription, and a components-react page sees the same segments', async () => {
    const agentName = `notes-${Math.random().toString(36).slice(2, 8)}`;
    const agent = await SimulatedAgent.start({ agentName });
    const roomName = uniqueRoom('meeting');
    const el = await fixture<LkConference>(html`<lk-conference token-endpoint="/api/token" room-name=${roomName} participant-identity="host"
      agent-name=${agentName} audio connect style="height: 600px"></lk-conference>`);
    await agent.explain(waitFor(() => [...el.livekitRoom.remoteParticipants.values()].find((p) => p.kind === ParticipantKind.AGENT), 'the agent in the meeting', 30_000));
    expect(part(el, 'captions-toggle'), 'no captions button before any transcription').to.equal(null);

    await agent.command('say Welcome to the meeting.');
    const toggle = await waitFor(() => part(el, 'captions-toggle'), 'the captions button');
    await realClick(toggle);
    const captions = await waitFor(() => part(el, 'captions') as LkTranscript | null, 'the captions over the participants');
    await waitFor(() => shown(captions).some((s) => s.final && s.text === 'Welcome to the meeting.'), 'the agent\'s words as captions');

    // A second page reads the room as LiveKit's React kit does: @livekit/components-core's
    // setupTextStream, which useTranscriptions is built on.
    const { server_url, participant_token } = await fetchToken(roomName, 'observer');
    const observer = new Room();
    let seen: TextStreamData[] = [];
    const subscription = setupTextStream(observer, 'lk.transcription').subscribe((streams) => (seen = streams));
    try {
      await observer.connect(server_url, participant_token);
      const heard = await agent.command('hear Shall we start with the numbers?');
      expect(heard.identity, 'the agent transcribes the host, the first person in the room').to.equal('host');
      await waitFor(() => shown(captions).some((s) => s.final && s.text === 'Shall we start with the numbers?'), 'the host\'s words as captions');
      await agent.command('say Yes, the numbers first.');
      await waitFor(() => seen.some((d) => d.text === 'Yes, the numbers first.' && d.streamInfo.attributes?.['lk.transcription_final'] === 'true'), 'the React kit\'s reader to have the answer, final');

      // Every segment the React kit's reader holds, the captions show: same id, text and speaker.
      const inCaptions = await waitFor(() => {
        const entries = shown(captions);
        return seen.every((d) => entries.some((s) => s.final && s.text === d.text)) ? entries : undefined;
      }, 'the captions to hold the same segments');
      const host = seen.find((d) => d.text === 'Shall we start with the numbers?')!;
      expect(host.participantInfo.identity).to.equal('host');
      for (const data of seen) {
        const entry = inCaptions.find((s) => s.node.getAttribute('data-segment-id') === data.streamInfo.attributes?.['lk.segment_id']);
        expect(entry, `segment ${data.streamInfo.attributes?.['lk.segment_id']} in the captions`).to.exist;
        expect(entry!.text).to.equal(data.text);
        expect(entry!.identity).to.equal(data.participantInfo.identity);
      }
    } finally {
      subscription.unsubscribe();
      await observer.disconnect();
    }
  });
});
