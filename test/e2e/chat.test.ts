import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { compareVersions, Room, RoomEvent, type Participant } from 'livekit-client';
import '../../src/index.js';
import type { LkChat, LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import type { LkChatMessageDetail } from '../../src/events.js';
import { captureWarnings, fetchToken, uniqueRoom, waitFor } from '../helpers.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const shown = (chat: LkChat) =>
  [...chat.shadowRoot!.querySelectorAll('[part~=message]')].map((li) => ({
    name: li.querySelector('[part=name]')!.textContent,
    body: li.querySelector('[part=body]')!.textContent,
    time: li.querySelector('time')!.textContent,
  }));

/** Types into the chat's input and presses Enter, as a person does. */
async function typeAndSend(chat: LkChat, text: string) {
  (part(chat, 'input') as HTMLInputElement).focus();
  await sendKeys({ type: text });
  await sendKeys({ press: 'Enter' });
}

/** Two <lk-room>s on one page, in the same LiveKit room, each with an <lk-chat>. */
async function twoChats() {
  const name = uniqueRoom('chat');
  const page = await fixture<HTMLDivElement>(html`<div>
    <lk-room id="ann" token-endpoint="/api/token" room-name=${name} participant-identity="ann" participant-name="Ann" connect><lk-chat></lk-chat></lk-room>
    <lk-room id="bob" token-endpoint="/api/token" room-name=${name} participant-identity="bob" participant-name="Bob" connect><lk-chat></lk-chat></lk-room>
  </div>`);
  const [ann, bob] = [...page.querySelectorAll<LkRoom>('lk-room')];
  const [annChat, bobChat] = [ann, bob].map((r) => r.querySelector<LkChat>('lk-chat')!);
  await waitFor(() => ann.livekitRoom?.remoteParticipants.has('bob') && bob.livekitRoom?.remoteParticipants.has('ann'), 'ann and bob see each other');
  return { name, ann, bob, annChat, bobChat };
}

/**
 * A plain livekit-client participant that chats exactly as LiveKit's React `Chat` does
 * (@livekit/components-core `setupChat`, packages/core/src/components/chat.ts): it sends a text
 * stream on `lk.chat`, then the legacy JSON `{id, timestamp, message, ignoreLegacy}` in a reliable
 * packet on `lk-chat-topic`; it receives text streams on `lk.chat` and legacy packets on
 * `lk-chat-topic`, dropping those flagged `ignoreLegacy`. Written here independently of src/.
 */
async function reactStylePeer(roomName: string, identity: string) {
  const { server_url, participant_token } = await fetchToken(roomName, identity);
  const room = new Room();
  const streams: { id: string; timestamp: number; message: string; from: string }[] = [];
  const legacy: { payload: Record<string, unknown>; from?: string }[] = [];
  room.registerTextStreamHandler('lk.chat', (reader, participantInfo) => {
    void reader.readAll().then((message) => streams.push({ id: reader.info.id, timestamp: reader.info.timestamp, message, from: participantInfo.identity }));
  });
  room.on(RoomEvent.DataReceived, (payload: Uint8Array, participant?: Participant, _kind?: unknown, topic?: string) => {
    if (topic === 'lk-chat-topic') legacy.push({ payload: JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>, from: participant?.identity });
  });
  await room.connect(server_url, participant_token);
  const serverSupportsDataStreams = () =>
    (room.serverInfo?.edition as number | undefined) === 1 || (!!room.serverInfo?.version && compareVersions(room.serverInfo.version, '1.8.2') > 0);
  return {
    room,
    streams,
    legacy,
    /** What React's Chat lists: every text stream, and the legacy packets not flagged ignoreLegacy, by (sender, id). */
    visible() {
      const all = [...streams, ...legacy.filter((l) => l.payload.ignoreLegacy !== true).map((l) => ({ ...(l.payload as { id: string; message: string }), from: l.from }))];
      return all.filter((m, i) => all.findIndex((o) => o.id === m.id && o.from === m.from) === i);
    },
    async send(message: string) {
      const info = await room.localParticipant.sendText(message, { topic: 'lk.chat' });
      const copy = { id: info.id, timestamp: Date.now(), message, ignoreLegacy: serverSupportsDataStreams() };
      await room.localParticipant.publishData(new TextEncoder().encode(JSON.stringify(copy)), { reliable: true, topic: 'lk-chat-topic' });
      return info;
    },
    /** A client from before text streams (components-core before 0.12) sends only the legacy packet. */
    async sendLegacyOnly(message: string, id: string = crypto.randomUUID()) {
      await room.localParticipant.publishData(new TextEncoder().encode(JSON.stringify({ id, timestamp: Date.now(), message })), { reliable: true, topic: 'lk-chat-topic' });
    },
  };
}

describe('e2e: <lk-chat>', () => {
  it('two rooms on one page chat both ways: name, time and text, once each; lk-chat-message on both sides', async () => {
    const { ann, bob, annChat, bobChat } = await twoChats();
    const annEvents: LkChatMessageDetail[] = [];
    const bobEvents: LkChatMessageDetail[] = [];
    annChat.addEventListener('lk-chat-message', (e) => annEvents.push(e.detail));
    bobChat.addEventListener('lk-chat-message', (e) => bobEvents.push(e.detail));

    await typeAndSend(annChat, 'Hello Bob');
    await waitFor(() => bobChat.messages.length === 1, 'bob receives');
    expect((part(annChat, 'input') as HTMLInputElement).value, 'the input is cleared once sent').to.equal('');
    await bobChat.send('Hi Ann');
    await waitFor(() => annChat.messages.length === 2, 'ann receives');
    await Promise.all([annChat.updateComplete, bobChat.updateComplete]);

    for (const chat of [annChat, bobChat]) {
      const rows = shown(chat);
      expect(rows.map((r) => [r.name, r.body])).to.deep.equal([
        ['Ann', 'Hello Bob'],
        ['Bob', 'Hi Ann'],
      ]);
      expect(rows.every((r) => r.time.trim() !== '')).to.equal(true);
    }
    expect(annChat.messages.map((m) => m.local)).to.deep.equal([true, false]);
    expect(part(bobChat, 'message').getAttribute('part')).to.equal('message message-remote');
    // Same id on both ends: the sender's text stream id.
    expect(annChat.messages.map((m) => m.id)).to.deep.equal(bobChat.messages.map((m) => m.id));
    expect(annEvents.map((e) => [e.identity, e.message, e.from?.isLocal])).to.deep.equal([
      ['ann', 'Hello Bob', true],
      ['bob', 'Hi Ann', false],
    ]);
    expect(bobEvents.map((e) => [e.identity, e.message, e.from?.identity, e.from?.isLocal])).to.deep.equal([
      ['ann', 'Hello Bob', 'ann', false],
      ['bob', 'Hi Ann', 'bob', true],
    ]);
    expect(bobEvents[0].from).to.equal(bob.livekitRoom.remoteParticipants.get('ann'));
    expect(annEvents[0].id).to.equal(bobEvents[0].id);
    expect(annEvents[1].timestamp).to.equal(bobEvents[1].timestamp);
    expect(ann.livekitRoom.localParticipant).to.equal(annEvents[0].from);
  });

  it("interop: <lk-chat> and a plain livekit-client participant chatting like React's Chat, both ways", async () => {
    const { name, annChat } = await twoChats();
    const peer = await reactStylePeer(name, 'react-peer');
    try {
      await waitFor(() => annChat.livekitRoom?.remoteParticipants.has('react-peer') && peer.room.remoteParticipants.has('ann'), 'the peer joined');

      // <lk-chat> → React: a text stream on lk.chat, and the legacy copy flagged ignoreLegacy (the server is 1.13.5).
      await typeAndSend(annChat, 'from lk-chat');
      await waitFor(() => peer.streams.length === 1 && peer.legacy.length === 1, 'the text stream and the legacy copy');
      const sent = annChat.messages[0];
      expect(peer.streams[0]).to.deep.include({ id: sent.id, message: 'from lk-chat', from: 'ann' });
      expect(peer.legacy[0].from).to.equal('ann');
      expect(peer.legacy[0].payload).to.deep.equal({ id: sent.id, timestamp: sent.timestamp, message: 'from lk-chat', ignoreLegacy: true });
      expect(peer.visible().map((m) => m.message), "what React's Chat lists").to.deep.equal(['from lk-chat']);

      // React → <lk-chat>: shown once (the flagged legacy copy is dropped), under the sender's identity.
      const info = await peer.send('from React');
      await waitFor(() => annChat.messages.length === 2, 'lk-chat receives');
      expect(annChat.messages[1]).to.deep.include({ id: info.id, message: 'from React', identity: 'react-peer', local: false });
      expect(annChat.messages[1].timestamp).to.equal(info.timestamp);

      // A client from before text streams: the legacy packet alone is shown.
      await peer.sendLegacyOnly('from an old client');
      await waitFor(() => annChat.messages.length === 3, 'the legacy-only message');
      // A text stream and an unflagged legacy copy with the same id (React on a server that predates
      // the flag's check): one message.
      const dup = await peer.room.localParticipant.sendText('once only', { topic: 'lk.chat' });
      await peer.sendLegacyOnly('once only', dup.id);
      await peer.send('after');
      await waitFor(() => annChat.messages.length >= 5, 'the later messages');
      await annChat.updateComplete;
      expect(shown(annChat).map((r) => [r.name, r.body])).to.deep.equal([
        ['Ann', 'from lk-chat'],
        ['react-peer', 'from React'],
        ['react-peer', 'from an old client'],
        ['react-peer', 'once only'],
        ['react-peer', 'after'],
      ]);
    } finally {
      await peer.room.disconnect();
    }
  });

  it('counts unread messages while the chat is hidden, reflects the count, and clears it when shown', async () => {
    const { annChat, bobChat } = await twoChats();
    bobChat.hidden = true;
    await annChat.send('one');
    await annChat.send('two');
    await waitFor(() => bobChat.unread === 2, 'two unread');
    await bobChat.updateComplete;
    expect(bobChat.getAttribute('unread')).to.equal('2');
    expect(annChat.unread, 'one\'s own messages are not unread').to.equal(0);
    expect(annChat.hasAttribute('unread')).to.equal(false);
    bobChat.hidden = false;
    await waitFor(() => bobChat.unread === 0 && !bobChat.hasAttribute('unread'), 'read once shown');
    expect(bobChat.messages.map((m) => m.message)).to.deep.equal(['one', 'two']);
  });

  it('a hostile message crosses the wire and is shown as text; nothing runs', async () => {
    const { annChat, bobChat } = await twoChats();
    const w = window as unknown as { chatPwned?: boolean };
    delete w.chatPwned;
    const hostile = '<img src=x onerror="window.chatPwned=true"><svg onload="window.chatPwned=true"></svg>';
    await annChat.send(hostile);
    await waitFor(() => bobChat.messages.length === 1, 'bob receives');
    await bobChat.updateComplete;
    expect(part(bobChat, 'body').textContent).to.equal(hostile);
    expect(part(bobChat, 'body').children.length).to.equal(0);
    expect(bobChat.shadowRoot!.querySelector('img, svg')).to.equal(null);
    // The only bare wait: time for an image error handler to run, were there an image.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.chatPwned).to.equal(undefined);
  });

  it('after leaving, a message is refused visibly, kept in the input, and never reaches the room', async () => {
    const { ann, annChat, bobChat } = await twoChats();
    await ann.leave();
    const error = new Promise<LkErrorDetail>((resolve) => annChat.addEventListener('lk-error', (e) => resolve(e.detail), { once: true }));
    await captureWarnings(() => typeAndSend(annChat, 'too late'));
    expect((await error).code).to.equal('connection');
    await annChat.updateComplete;
    expect(part(annChat, 'error').textContent).to.equal('Not connected: your message was not sent.');
    expect(part(annChat, 'error').getBoundingClientRect().height).to.be.greaterThan(0);
    expect((part(annChat, 'input') as HTMLInputElement).value).to.equal('too late');
    expect(annChat.messages).to.deep.equal([]);
    // The only bare wait: to show that nothing arrives.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(bobChat.messages).to.deep.equal([]);
  });
});
