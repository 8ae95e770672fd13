import { expect, fixture, html } from '@open-wc/testing';
import { Room, Track } from 'livekit-client';
import '../../src/index.js';
import type { LkConference, LkRoom, LkTranscript } from '../../src/index.js';
import { captureWarnings, fetchToken, realClick, uniqueRoom, waitFor } from '../helpers.js';

const TOPIC = 'lk.transcription';

/** A stand-in agent: a plain livekit-client Room joined with an agent's token, sending on `lk.transcription`. */
async function standInAgent(roomName: string, identity = 'agent-1') {
  const { server_url, participant_token } = await fetchToken(roomName, identity, '?kind=agent');
  const room = new Room();
  await room.connect(server_url, participant_token);
  return room;
}

const attributes = (segmentId: string, final: boolean, trackSid?: string) => ({
  'lk.segment_id': segmentId,
  'lk.transcription_final': String(final),
  ...(trackSid ? { 'lk.transcribed_track_id': trackSid } : {}),
});

const segmentNode = (el: LkTranscript, id: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~=segment][data-segment-id="${id}"]`);
const textOf = (node: Element | null) => node?.querySelector('[part=text]')?.textContent ?? null;
const speakerOf = (node: Element | null) => node?.querySelector('[part=speaker]')?.textContent ?? null;
const shownIds = (el: LkTranscript) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~=segment]')].map((li) => li.dataset.segmentId);

/** Every text the live region held, as it changed. */
function recordAnnouncements(el: LkTranscript): string[] {
  const region = el.shadowRoot!.querySelector('[aria-live=polite]')!;
  const seen: string[] = [];
  new MutationObserver(() => {
    for (const p of region.querySelectorAll('p')) if (!seen.includes(p.textContent)) seen.push(p.textContent);
  }).observe(region, { childList: true, subtree: true, characterData: true });
  return seen;
}

/** A viewer in an <lk-room> with its microphone on, the given transcript markup inside, and an agent in the room. */
async function viewerAndAgent(inside: ReturnType<typeof html>) {
  const name = uniqueRoom('transcript');
  const viewer = await fixture<LkRoom>(html`<lk-room token-endpoint="/api/token" room-name=${name} participant-identity="viewer" participant-name="Viewer" connect audio
    >${inside}</lk-room
  >`);
  await waitFor(() => viewer.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)?.trackSid, 'the viewer publishes its microphone');
  const micSid = viewer.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)!.trackSid;
  const agent = await standInAgent(name);
  await waitFor(() => agent.remoteParticipants.get('viewer')?.trackPublications.has(micSid), "the agent sees the viewer's microphone");
  await waitFor(() => viewer.livekitRoom.remoteParticipants.has('agent-1'), 'the viewer sees the agent');
  return { viewer, agent, micSid };
}

describe('e2e: lk-transcript', () => {
  let agent: Room | undefined;
  afterEach(async () => {
    await agent?.disconnect();
    agent = undefined;
  });

  it("user speech: interim streams replaced in place by the final one, attributed to the transcribed track's owner; the live region hears the final text once", async () => {
    const setup = await viewerAndAgent(html`<lk-transcript></lk-transcript>`);
    agent = setup.agent;
    const el = setup.viewer.querySelector('lk-transcript')!;
    const announced = recordAnnouncements(el);
    const send = (text: string, final: boolean) => setup.agent.localParticipant.sendText(text, { topic: TOPIC, attributes: attributes('SG_user1', final, setup.micSid) });

    await send('hel', false);
    const node = await waitFor(() => (textOf(segmentNode(el, 'SG_user1')) === 'hel' ? segmentNode(el, 'SG_user1') : null), 'the first interim text');
    expect(node.part.contains('interim')).to.equal(true);
    expect(speakerOf(node)).to.equal('Viewer');
    expect(node.dataset.identity).to.equal('viewer');

    await send('hello wor', false);
    await waitFor(() => textOf(segmentNode(el, 'SG_user1')) === 'hello wor', 'the second interim text');
    expect(segmentNode(el, 'SG_user1')).to.equal(node);

    await send('Hello world.', true);
    await waitFor(() => segmentNode(el, 'SG_user1')?.part.contains('final'), 'the final text');
    expect(segmentNode(el, 'SG_user1')).to.equal(node);
    expect(textOf(node)).to.equal('Hello world.');
    expect(node.part.contains('interim')).to.equal(false);
    expect(shownIds(el)).to.deep.equal(['SG_user1']);

    // An interim stream arriving late for the same segment does not undo the final text.
    await send('hello w', false);
    await setup.agent.localParticipant.sendText('Next.', { topic: TOPIC, attributes: attributes('SG_user2', true, setup.micSid) });
    await waitFor(() => textOf(segmentNode(el, 'SG_user2')) === 'Next.', 'a later segment');
    expect(textOf(node)).to.equal('Hello world.');

    await waitFor(() => announced.length === 2, 'two announcements');
    expect(announced).to.deep.equal(['Viewer: Hello world.', 'Viewer: Next.']);
    await expect(el).to.be.accessible();
  });

  it("agent speech: one stream of deltas grows, then is final when it closes; attributed to the sender when the track is not in the room", async () => {
    const setup = await viewerAndAgent(html`<lk-transcript></lk-transcript>`);
    agent = setup.agent;
    const el = setup.viewer.querySelector('lk-transcript')!;
    const announced = recordAnnouncements(el);
    const writer = await setup.agent.localParticipant.streamText({ topic: TOPIC, attributes: attributes('SG_agent1', true, 'TR_notInTheRoom') });
    await writer.write('Hi');
    const node = await waitFor(() => (textOf(segmentNode(el, 'SG_agent1')) === 'Hi' ? segmentNode(el, 'SG_agent1') : null), 'the first delta');
    expect(node.part.contains('interim')).to.equal(true);
    expect(speakerOf(node)).to.equal('agent-1');
    await writer.write(' there,');
    await waitFor(() => textOf(segmentNode(el, 'SG_agent1')) === 'Hi there,', 'the second delta');
    expect(node.part.contains('interim')).to.equal(true);
    await writer.write(' how can I help?');
    await waitFor(() => textOf(node) === 'Hi there, how can I help?', 'the third delta');
    expect(announced).to.deep.equal([]);
    await writer.close();
    await waitFor(() => node.part.contains('final'), 'final once closed');
    expect(segmentNode(el, 'SG_agent1')).to.equal(node);
    await waitFor(() => announced.length === 1, 'one announcement');
    expect(announced).to.deep.equal(['agent-1: Hi there, how can I help?']);
  });

  it('a stream cut short (its sender left) keeps the text it had', async () => {
    const setup = await viewerAndAgent(html`<lk-transcript></lk-transcript>`);
    const el = setup.viewer.querySelector('lk-transcript')!;
    const writer = await setup.agent.localParticipant.streamText({ topic: TOPIC, attributes: attributes('SG_cut', false) });
    await writer.write('I was saying');
    await waitFor(() => textOf(segmentNode(el, 'SG_cut')) === 'I was saying', 'the partial text');
    await setup.agent.disconnect();
    await waitFor(() => !setup.viewer.livekitRoom.remoteParticipants.has('agent-1'), 'the agent left');
    // Nothing more comes on it: it stays, no longer interim.
    await waitFor(() => segmentNode(el, 'SG_cut')?.part.contains('final'), 'the cut stream ends its segment');
    expect(textOf(segmentNode(el, 'SG_cut'))).to.equal('I was saying');
  });

  it('keeps at most max-segments; two transcripts in one room both show everything through one handler, released with them', async () => {
    const setup = await viewerAndAgent(html`<lk-transcript max-segments="3"></lk-transcript><lk-transcript mode="captions" lines="2"></lk-transcript>`);
    agent = setup.agent;
    const [history, captions] = [...setup.viewer.querySelectorAll('lk-transcript')];
    const warnings = await captureWarnings(async () => {
      for (let i = 1; i <= 5; i++) await setup.agent.localParticipant.sendText(`Line ${i}.`, { topic: TOPIC, attributes: attributes(`SG_${i}`, true) });
      await waitFor(() => textOf(segmentNode(history, 'SG_5')) === 'Line 5.' && textOf(segmentNode(captions, 'SG_5')) === 'Line 5.', 'both show the fifth line');
    });
    expect(shownIds(history)).to.deep.equal(['SG_3', 'SG_4', 'SG_5']);
    expect(history.segments.length).to.equal(3);
    expect(shownIds(captions)).to.deep.equal(['SG_4', 'SG_5']);
    expect(warnings.filter((w) => w.includes('lk.transcription'))).to.deep.equal([]);

    // The room session holds the topic while a transcript is in the page, and lets it go after.
    const room = setup.viewer.livekitRoom;
    expect(() => room.registerTextStreamHandler(TOPIC, () => {})).to.throw();
    history.remove();
    captions.remove();
    await waitFor(() => {
      try {
        room.registerTextStreamHandler(TOPIC, () => {});
        return true;
      } catch {
        return false;
      }
    }, 'the topic is free once no transcript is left', 5000);
    room.unregisterTextStreamHandler(TOPIC);
  });

  it('transcript mode follows the newest segment, and stays where the reader scrolled up to', async () => {
    const setup = await viewerAndAgent(html`<lk-transcript style="height: 120px"></lk-transcript>`);
    agent = setup.agent;
    const el = setup.viewer.querySelector('lk-transcript')!;
    const log = el.shadowRoot!.querySelector<HTMLElement>('[part=log]')!;
    const say = (i: number) => setup.agent.localParticipant.sendText(`Sentence number ${i}.`, { topic: TOPIC, attributes: attributes(`SG_${i}`, true) });
    for (let i = 1; i <= 12; i++) await say(i);
    await waitFor(() => segmentNode(el, 'SG_12'), 'twelve segments');
    await el.updateComplete;
    expect(log.scrollHeight > log.clientHeight).to.equal(true);
    const atBottom = () => log.scrollHeight - log.scrollTop - log.clientHeight < 2;
    await waitFor(() => atBottom(), 'at the bottom');

    log.scrollTop = 0;
    await say(13);
    await waitFor(() => segmentNode(el, 'SG_13'), 'a thirteenth segment');
    await el.updateComplete;
    expect(log.scrollTop).to.equal(0);

    log.scrollTop = log.scrollHeight;
    await say(14);
    await waitFor(() => segmentNode(el, 'SG_14'), 'a fourteenth segment');
    await el.updateComplete;
    expect(atBottom()).to.equal(true);
  });

  it("<lk-conference>: the captions button appears with the first transcription and toggles captions over the stage", async () => {
    const name = uniqueRoom('captions');
    const conference = await fixture<LkConference>(html`<div style="height: 480px; width: 900px">
      <lk-conference token-endpoint="/api/token" room-name=${name} participant-identity="viewer" participant-name="Viewer" connect></lk-conference>
    </div>`).then((div) => div.querySelector('lk-conference')!);
    await waitFor(() => conference.connectionState === 'connected', 'connected');
    const toggle = () => conference.shadowRoot!.querySelector<HTMLButtonElement>('[part=captions-toggle]');
    expect(toggle()).to.equal(null);
    agent = await standInAgent(name);
    await agent.localParticipant.sendText('Welcome.', { topic: TOPIC, attributes: attributes('SG_w', true) });
    await waitFor(() => toggle(), 'the captions button');
    expect(toggle()!.getAttribute('aria-pressed')).to.equal('false');
    expect(conference.shadowRoot!.querySelector('lk-transcript')).to.equal(null);

    await realClick(toggle()!);
    await waitFor(() => conference.captionsOpen, 'captions on');
    await conference.updateComplete;
    expect(toggle()!.getAttribute('aria-pressed')).to.equal('true');
    expect(conference.hasAttribute('captions-open')).to.equal(true);
    const captions = conference.shadowRoot!.querySelector<LkTranscript>('lk-transcript[part=captions]')!;
    expect(captions.getAttribute('mode')).to.equal('captions');
    // The history so far shows at once; new speech follows.
    await waitFor(() => textOf(segmentNode(captions, 'SG_w')) === 'Welcome.', 'the first caption');
    await agent.localParticipant.sendText('Second.', { topic: TOPIC, attributes: attributes('SG_s', true) });
    await waitFor(() => textOf(segmentNode(captions, 'SG_s')) === 'Second.', 'a new caption');
    // Over the participants: inside their box, at its bottom.
    const stage = conference.shadowRoot!.querySelector('lk-participants')!.getBoundingClientRect();
    const box = captions.getBoundingClientRect();
    expect(box.bottom <= stage.bottom + 1 && box.top >= stage.top && box.height > 0).to.equal(true);

    await realClick(toggle()!);
    await waitFor(() => !conference.captionsOpen, 'captions off');
    await conference.updateComplete;
    expect(conference.shadowRoot!.querySelector('lk-transcript')).to.equal(null);
    expect(toggle()!.getAttribute('aria-pressed')).to.equal('false');
  });
});
