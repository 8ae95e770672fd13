import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createLocalAudioTrack, decodeTokenPayload, Room, Track, type LocalAudioTrack, type RemoteAudioTrack } from 'livekit-client';
import '../../src/index.js';
import type { LkVoiceAgent } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { en } from '../../src/core/i18n.js';
import { captureWarnings, fetchToken, realClick, serverParticipants, uniqueRoom, waitFor } from '../helpers.js';

const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** The token requests the page makes to `/api/token` from now on: the body sent and the token received. */
function recordTokenRequests() {
  const requests: { body: Record<string, unknown>; token: string }[] = [];
  const original = window.fetch.bind(window);
  window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await original(input, init);
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (url.includes('/api/token') && typeof init?.body === 'string' && response.ok) {
      const answer = (await response.clone().json()) as { participant_token: string };
      requests.push({ body: JSON.parse(init.body) as Record<string, unknown>, token: answer.participant_token });
    }
    return response;
  };
  return { requests, restore: () => (window.fetch = original) };
}

/**
 * A stand-in for a LiveKit Agents agent, written here independently of src/: a plain livekit-client
 * participant of kind `agent` (the token endpoint's `?kind=agent`) that publishes a (fake)
 * microphone and says its state in its `lk.agent.state` attribute, as the agents do.
 */
async function standInAgent(roomName: string, identity = 'agent-1') {
  const { server_url, participant_token } = await fetchToken(roomName, identity, '?kind=agent');
  const room = new Room();
  await room.connect(server_url, participant_token);
  const microphone: LocalAudioTrack = await createLocalAudioTrack();
  const publication = await room.localParticipant.publishTrack(microphone, { source: Track.Source.Microphone });
  return {
    room,
    trackSid: publication.trackSid,
    say: (state: string) => room.localParticipant.setAttributes({ 'lk.agent.state': state }),
    /** The person's microphone as the agent receives it. */
    heard: (identity: string) => room.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Microphone),
    async leave() {
      await room.disconnect();
      microphone.stop();
    },
  };
}

/** A stand-in agent that publishes nothing itself (its avatar worker speaks for it). */
async function standInAgentWithoutVoice(roomName: string, identity = 'agent-2') {
  const { server_url, participant_token } = await fetchToken(roomName, identity, '?kind=agent');
  const room = new Room();
  await room.connect(server_url, participant_token);
  return { room };
}

/** A stand-in avatar worker: of kind `agent`, publishing the (fake) voice on behalf of `agentIdentity`. */
async function standInAvatar(roomName: string, agentIdentity: string, identity = 'avatar-1') {
  const { server_url, participant_token } = await fetchToken(roomName, identity, '?kind=agent');
  const room = new Room();
  await room.connect(server_url, participant_token);
  await room.localParticipant.setAttributes({ 'lk.publish_on_behalf': agentIdentity });
  const microphone: LocalAudioTrack = await createLocalAudioTrack();
  const publication = await room.localParticipant.publishTrack(microphone, { source: Track.Source.Microphone });
  return {
    trackSid: publication.trackSid,
    async leave() {
      await room.disconnect();
      microphone.stop();
    },
  };
}

/** Bytes received so far on a remote track (its receiver's `inbound-rtp`). */
async function bytesReceived(track: RemoteAudioTrack | undefined): Promise<number> {
  const receiver = track?.receiver;
  if (!receiver) return 0;
  let bytes = 0;
  (await receiver.getStats()).forEach((stat: { type: string; bytesReceived?: number }) => {
    if (stat.type === 'inbound-rtp') bytes += stat.bytesReceived ?? 0;
  });
  return bytes;
}

/** Waits until a remote track's received bytes grow (media really flows). */
async function flowing(track: () => RemoteAudioTrack | undefined, what: string) {
  const first = await waitFor(async () => (await bytesReceived(track())) || undefined, `${what}: bytes`);
  await waitFor(async () => (await bytesReceived(track())) > first, `${what}: more bytes`);
}

describe('e2e: <lk-voice-agent>', () => {
  it('asks for the agent by name, follows its state, talks both ways, mutes and ends', async () => {
    const roomName = uniqueRoom('agent');
    const tokens = recordTokenRequests();
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent token-endpoint="/api/token" room-name=${roomName} participant-identity="visitor"
      agent-name="support-bot" agent-metadata='{"lang":"en"}' agent-timeout="60"></lk-voice-agent>`);
    const seen: string[] = [];
    el.addEventListener('lk-agent-state-changed', (e) => seen.push(`${e.detail.state}=${el.getAttribute('state')}`));
    const agent = { current: undefined as Awaited<ReturnType<typeof standInAgent>> | undefined };
    try {
      // Nothing happens on load: the room is joined on the start click.
      expect(el.getAttribute('state')).to.equal('disconnected');
      expect(el.connectionState).to.equal('disconnected');
      await realClick(part(el, 'start')!);
      await waitFor(() => el.connectionState === 'connected', 'the room joined');
      expect(el.state).to.equal('connecting');
      expect(part(el, 'status')!.textContent).to.equal(en.connecting);

      // The token request asked for the agent, and the token the server got carries it.
      expect(tokens.requests.length).to.equal(1);
      const roomConfig = tokens.requests[0].body.room_config as { agents: { agent_name: string; metadata: string }[] };
      expect(roomConfig.agents.length).to.equal(1);
      expect(roomConfig.agents[0].agent_name).to.equal('support-bot');
      expect(roomConfig.agents[0].metadata).to.equal('{"lang":"en"}');
      const claims = decodeTokenPayload(tokens.requests[0].token);
      expect(claims.roomConfig?.agents?.[0]?.agentName).to.equal('support-bot');
      expect(claims.roomConfig?.agents?.[0]?.metadata).to.equal('{"lang":"en"}');

      // The microphone is published on start.
      await waitFor(() => el.livekitRoom.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, 'the microphone published');

      // The agent joins: getting ready until it says otherwise.
      agent.current = await standInAgent(roomName);
      const bot = agent.current;
      await waitFor(() => el.state === 'initializing', 'initializing once the agent is in');
      expect(el.agentParticipant?.identity).to.equal('agent-1');
      expect(part(el, 'status')!.textContent).to.equal(en.agentInitializing);
      for (const state of ['listening', 'thinking', 'speaking'] as const) {
        await bot.say(state);
        await waitFor(() => el.getAttribute('state') === state, `state ${state}`);
      }
      expect(seen.join(' ')).to.equal('connecting=connecting initializing=initializing listening=listening thinking=thinking speaking=speaking');
      expect(part(el, 'status')!.textContent).to.equal(en.speaking);

      // The person's microphone reaches the agent.
      await waitFor(() => bot.heard('visitor')?.track, 'the agent subscribed to the microphone');
      await flowing(() => bot.heard('visitor')?.track as RemoteAudioTrack | undefined, 'the person\'s microphone at the agent');

      // The agent's voice is subscribed, played and shown.
      const voice = await waitFor(() => el.agentTrack, 'the agent\'s voice subscribed');
      expect(voice.sid).to.equal(bot.trackSid);
      await flowing(() => el.agentTrack, 'the agent\'s voice at the person');
      const renderer = el.shadowRoot!.querySelector('lk-audio-renderer')!;
      const audio = await waitFor(() => renderer.audioElements.find((a) => a.dataset.sid === voice.sid), 'an <audio> for the agent\'s voice');
      await waitFor(() => !audio.paused && audio.currentTime > 0, 'the agent\'s voice playing');
      expect(el.shadowRoot!.querySelector('lk-audio-visualizer')!.audioTrack === voice).to.equal(true);

      await expect(el).to.be.accessible();

      // Mute and unmute: the agent sees it.
      const toggle = el.shadowRoot!.querySelector('lk-microphone-toggle')!;
      toggle.shadowRoot!.querySelector('button')!.click();
      await waitFor(() => bot.heard('visitor')?.isMuted === true, 'muted at the agent');
      expect(toggle.pressed).to.equal(false);
      toggle.shadowRoot!.querySelector('button')!.click();
      await waitFor(() => bot.heard('visitor')?.isMuted === false, 'unmuted at the agent');

      // End: the room is left.
      el.shadowRoot!.querySelector('lk-leave-button')!.shadowRoot!.querySelector('button')!.click();
      await waitFor(() => el.getAttribute('state') === 'disconnected', 'disconnected');
      expect(seen.at(-1)).to.equal('disconnected=disconnected');
      await waitFor(async () => !(await serverParticipants(roomName)).includes('visitor'), 'the server has no visitor');
      await waitFor(() => !bot.room.remoteParticipants.has('visitor'), 'the agent sees the visitor gone');
      expect(part(el, 'start')).to.not.equal(null);
      expect(part(el, 'message')).to.equal(null);
    } finally {
      tokens.restore();
      await agent.current?.leave();
      await el.leave();
    }
  });

  it('says so and leaves when no agent joins within agent-timeout', async () => {
    const roomName = uniqueRoom('agent');
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent token-endpoint="/api/token" room-name=${roomName} participant-identity="lonely"
      agent-name="nobody-home" agent-timeout="2" unavailable-label="Nobody is there."></lk-voice-agent>`);
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    const warnings = await captureWarnings(async () => {
      await realClick(part(el, 'start')!);
      await waitFor(() => el.connectionState === 'connected', 'the room joined');
      expect(await serverParticipants(roomName)).to.include('lonely');
      await waitFor(() => errors.length > 0, 'an lk-error');
      await waitFor(() => el.state === 'disconnected', 'the room left');
      await waitFor(async () => !(await serverParticipants(roomName)).includes('lonely'), 'the server has nobody of that identity');
      // No second report: wait longer than another timeout would take.
      await new Promise((resolve) => setTimeout(resolve, 3000));
    });
    expect(errors.map((e) => e.code).join()).to.equal('agent-unavailable');
    expect(errors[0].message).to.contain('nobody-home');
    expect(warnings.filter((w) => w.includes('no agent joined')).length).to.equal(1);
    const message = part(el, 'message')!;
    expect(message.textContent).to.equal('Nobody is there.');
    expect(message.getAttribute('role')).to.equal('alert');
    expect(el.connect).to.equal(false);
    // The start button is back, for another try.
    expect(part(el, 'start')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });

  it('hears an avatar worker as the agent\'s voice; the agent leaving starts the wait again', async () => {
    const roomName = uniqueRoom('agent');
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent token-endpoint="/api/token" room-name=${roomName} participant-identity="guest"
      agent-name="avatar-bot" agent-timeout="none"></lk-voice-agent>`);
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    const agent = await standInAgentWithoutVoice(roomName);
    let avatar: Awaited<ReturnType<typeof standInAvatar>> | undefined;
    try {
      await realClick(part(el, 'start')!);
      await waitFor(() => el.state === 'initializing', 'the agent found');
      avatar = await standInAvatar(roomName, 'agent-2');
      await agent.room.localParticipant.setAttributes({ 'lk.agent.state': 'speaking' });
      await waitFor(() => el.state === 'speaking', 'speaking');
      // The avatar worker is not taken for the agent; its microphone is the agent's voice.
      expect(el.agentParticipant?.identity).to.equal('agent-2');
      const voice = await waitFor(() => el.agentTrack, 'the avatar\'s voice subscribed');
      expect(voice.sid).to.equal(avatar.trackSid);
      expect(el.shadowRoot!.querySelector('lk-audio-visualizer')!.audioTrack === voice).to.equal(true);
      await flowing(() => el.agentTrack, 'the avatar\'s voice at the person');

      // No limit while waiting with `none`; a limit set now applies when the agent leaves.
      el.setAttribute('agent-timeout', '2');
      await captureWarnings(async () => {
        await agent.room.disconnect();
        await waitFor(() => el.state === 'connecting', 'waiting for an agent again');
        expect(el.agentParticipant).to.equal(undefined);
        await waitFor(() => errors.length > 0, 'an lk-error');
        await waitFor(() => el.state === 'disconnected', 'the room left');
      });
      expect(errors.map((e) => e.code).join()).to.equal('agent-unavailable');
      expect(part(el, 'message')!.textContent).to.equal(en.agentUnavailable);
      await waitFor(async () => !(await serverParticipants(roomName)).includes('guest'), 'the server has no guest');
    } finally {
      await agent.room.disconnect();
      await avatar?.leave();
      await el.leave();
    }
  });

  it('launcher: a corner button opens and closes the panel from the keyboard', async () => {
    const el = await fixture<LkVoiceAgent>(html`<lk-voice-agent launcher launcher-label="Support" token-endpoint="/api/token" room-name=${uniqueRoom('agent')}></lk-voice-agent>`);
    const launcher = part(el, 'launcher')! as HTMLButtonElement;
    const panel = part(el, 'panel')!;
    expect(launcher.localName).to.equal('button');
    expect(launcher.getAttribute('aria-label')).to.equal('Support');
    expect(launcher.getAttribute('aria-controls')).to.equal(panel.id);
    expect(launcher.getAttribute('aria-expanded')).to.equal('false');
    expect(panel.hidden).to.equal(true);
    const box = launcher.getBoundingClientRect();
    expect(box.width >= 44 && box.height >= 44).to.equal(true);
    // In the bottom-right corner of the window.
    expect(box.right > window.innerWidth - 100 && box.bottom > window.innerHeight - 100).to.equal(true);
    await expect(el).to.be.accessible();

    launcher.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => launcher.getAttribute('aria-expanded') === 'true', 'expanded');
    expect(el.open).to.equal(true);
    expect(el.hasAttribute('open')).to.equal(true);
    expect(panel.hidden).to.equal(false);
    expect(panel.getAttribute('role')).to.equal('dialog');
    expect(panel.getAttribute('aria-label')).to.equal('Support');
    // The focus moves into the panel, on the start button.
    await waitFor(() => el.shadowRoot!.activeElement === part(el, 'start'), 'the start button focused');
    for (const name of ['start', 'close']) {
      const target = part(el, name)!.getBoundingClientRect();
      expect(target.width >= 44 && target.height >= 44, name).to.equal(true);
    }
    await expect(el).to.be.accessible();

    // Escape closes it and gives the focus back to the launcher.
    await sendKeys({ press: 'Escape' });
    await waitFor(() => launcher.getAttribute('aria-expanded') === 'false', 'collapsed');
    expect(panel.hidden).to.equal(true);
    expect(el.shadowRoot!.activeElement === launcher).to.equal(true);

    // Space opens it again; the close button closes it.
    await sendKeys({ press: 'Space' });
    await waitFor(() => el.open, 'open again');
    part(el, 'close')!.click();
    await waitFor(() => !el.open && panel.hidden, 'closed by the close button');

    // The other corner.
    el.setAttribute('position', 'bottom-left');
    await el.updateComplete;
    const left = part(el, 'launcher')!.getBoundingClientRect();
    expect(left.left < 100).to.equal(true);
    // A corner it does not know: reported, and the default corner.
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    await captureWarnings(async () => {
      el.setAttribute('position', 'top-middle');
      await el.updateComplete;
    });
    expect(errors.map((e) => `${e.code}:${e.attribute}`).join()).to.equal('invalid-attribute:position');
    expect(part(el, 'launcher')!.getBoundingClientRect().right > window.innerWidth - 100).to.equal(true);
  });

  it('<lk-room agent-name> asks for the agent too', async () => {
    const roomName = uniqueRoom('agent');
    const tokens = recordTokenRequests();
    try {
      const room = await fixture<HTMLElementTagNameMap['lk-room']>(html`<lk-room token-endpoint="/api/token" room-name=${roomName} agent-name="helper" connect></lk-room>`);
      await waitFor(() => room.connectionState === 'connected', 'connected');
      const claims = decodeTokenPayload(tokens.requests[0].token);
      expect(claims.roomConfig?.agents?.[0]?.agentName).to.equal('helper');
      await room.leave();
    } finally {
      tokens.restore();
    }
  });
});
