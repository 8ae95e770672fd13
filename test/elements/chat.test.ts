import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { DataPacket_Kind, RoomEvent } from 'livekit-client';
import '../../src/index.js';
import type { LkChat, LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import type { LkChatMessageDetail } from '../../src/events.js';
import { captureWarnings, deliverLegacy, waitFor } from '../helpers.js';

const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const bodies = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('[part=body]')].map((b) => b.textContent);

async function chatInRoom(markup = html`<lk-room><lk-chat></lk-chat></lk-room>`) {
  const lkRoom = await fixture<LkRoom>(markup);
  const chat = lkRoom.querySelector<LkChat>('lk-chat')!;
  await chat.updateComplete;
  return { lkRoom, chat, room: lkRoom.livekitRoom };
}

describe('<lk-chat> (no server)', () => {
  it('has a labelled native input, a send button, a log of messages and an empty alert', async () => {
    const el = await fixture<LkChat>(html`<lk-chat></lk-chat>`);
    const input = part(el, 'input') as HTMLInputElement;
    expect(input).to.be.instanceOf(HTMLInputElement);
    expect(input.labels?.[0]?.textContent).to.equal('Message');
    expect(input.placeholder).to.equal('Enter a message…');
    const button = part(el, 'send-button') as HTMLButtonElement;
    expect(button).to.be.instanceOf(HTMLButtonElement);
    expect(button.type).to.equal('submit');
    expect(button.textContent.trim()).to.equal('Send');
    expect(part(el, 'log').getAttribute('role')).to.equal('log');
    expect(part(el, 'header').textContent.trim()).to.equal('Messages');
    expect(part(el, 'error').getAttribute('role')).to.equal('alert');
    expect(part(el, 'error').textContent).to.equal('');
    expect(el.unread).to.equal(0);
    expect(el.hasAttribute('unread')).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('takes every label from attributes, for localisation', async () => {
    const el = await fixture<LkChat>(html`<lk-chat
      heading="Nachrichten"
      placeholder="Nachricht eingeben…"
      input-label="Nachricht"
      send-label="Senden"
      disconnected-message="Nicht verbunden: nicht gesendet."
    ></lk-chat>`);
    expect(part(el, 'header').textContent.trim()).to.equal('Nachrichten');
    const input = part(el, 'input') as HTMLInputElement;
    expect(input.placeholder).to.equal('Nachricht eingeben…');
    expect(input.labels?.[0]?.textContent).to.equal('Nachricht');
    expect(part(el, 'send-button').textContent.trim()).to.equal('Senden');
    input.value = 'Hallo';
    await captureWarnings(async () => {
      part(el, 'send-button').click();
      await waitFor(() => part(el, 'error').textContent === 'Nicht verbunden: nicht gesendet.', 'the localised refusal');
    });
    await expect(el).to.be.accessible();
  });

  it('refuses a message while the room is not connected: visible alert, text kept, lk-error connection, nothing sent', async () => {
    const { chat } = await chatInRoom();
    const errors: LkErrorDetail[] = [];
    const messages: LkChatMessageDetail[] = [];
    chat.addEventListener('lk-error', (e) => errors.push(e.detail));
    chat.addEventListener('lk-chat-message', (e) => messages.push(e.detail));
    const input = part(chat, 'input') as HTMLInputElement;
    const warnings = await captureWarnings(async () => {
      input.focus();
      await sendKeys({ type: 'are you there?' });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => errors.length === 1, 'lk-error');
    });
    await chat.updateComplete;
    expect(errors[0].code).to.equal('connection');
    expect(errors[0].message).to.contain('not connected');
    expect(warnings.some((w) => w.includes('not connected'))).to.equal(true);
    const alert = part(chat, 'error');
    expect(alert.textContent).to.equal('Not connected: your message was not sent.');
    expect(alert.getBoundingClientRect().height, 'the alert is visible').to.be.greaterThan(0);
    expect(input.value, 'the text stays in the input').to.equal('are you there?');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(messages).to.deep.equal([]);
    expect(chat.messages).to.deep.equal([]);
    // The method refuses the same way.
    let rejected: unknown;
    await captureWarnings(() => chat.send('from code').catch((err: unknown) => (rejected = err)));
    expect(rejected).to.be.instanceOf(Error);
    expect(errors.map((e) => e.code)).to.deep.equal(['connection', 'connection']);
    await expect(chat).to.be.accessible();
  });

  for (const theme of ['light', 'dark'] as const) {
    it(`is accessible with messages and an error, theme="${theme}" (contrast included)`, async () => {
      const { chat, room } = await chatInRoom(html`<lk-room theme=${theme}><lk-chat></lk-chat></lk-room>`);
      deliverLegacy(room, { id: 'r', timestamp: Date.now(), message: 'a received message' });
      await captureWarnings(() => chat.send('refused').catch(() => undefined));
      await waitFor(() => chat.messages.length === 1 && part(chat, 'error').textContent !== '', 'a message and an error');
      await chat.updateComplete;
      await expect(chat).to.be.accessible();
    });
  }

  it('ignores blank input without an error', async () => {
    const el = await fixture<LkChat>(html`<lk-chat></lk-chat>`);
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    (part(el, 'input') as HTMLInputElement).value = '   ';
    part(el, 'send-button').click();
    await el.send('');
    await el.updateComplete;
    expect(errors).to.deep.equal([]);
    expect(part(el, 'error').textContent).to.equal('');
  });

  it('keeps the newest max-messages messages (200 by default); lowering it drops the oldest at once', async () => {
    const { chat, room } = await chatInRoom();
    for (let i = 0; i < 205; i++) deliverLegacy(room, { id: `m${i}`, timestamp: 1_700_000_000_000 + i, message: `message ${i}` });
    await waitFor(() => chat.messages.at(-1)?.message === 'message 204', 'the last message');
    await chat.updateComplete;
    expect(chat.messages.length).to.equal(200);
    expect(chat.messages[0].message).to.equal('message 5');
    expect(chat.shadowRoot!.querySelectorAll('[part~=message]').length).to.equal(200);
    chat.setAttribute('max-messages', '3');
    await chat.updateComplete;
    expect(chat.messages.map((m) => m.message)).to.deep.equal(['message 202', 'message 203', 'message 204']);
    deliverLegacy(room, { id: 'late', timestamp: 1_700_000_001_000, message: 'late' });
    await waitFor(() => chat.messages.at(-1)?.message === 'late', 'one more');
    expect(chat.messages.map((m) => m.message)).to.deep.equal(['message 203', 'message 204', 'late']);
  });

  it('a bad max-messages is refused with invalid-attribute and the default kept', async () => {
    const errors: LkErrorDetail[] = [];
    const el = await fixture<LkChat>(html`<lk-chat max-messages="0" @lk-error=${(e: CustomEvent<LkErrorDetail>) => errors.push(e.detail)}></lk-chat>`);
    await el.updateComplete;
    expect(errors.map((e) => [e.code, e.attribute, e.value])).to.deep.equal([['invalid-attribute', 'max-messages', '0']]);
    expect(errors[0].message).to.contain('a whole number from 1 to 10000');
  });

  it('refuses a message over 4096 characters: lk-error message-too-long, the reason shown, the text kept; the input takes no more', async () => {
    const el = await fixture<LkChat>(html`<lk-chat></lk-chat>`);
    const errors: LkErrorDetail[] = [];
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    const input = part(el, 'input') as HTMLInputElement;
    expect(input.maxLength).to.equal(4096);
    const long = 'x'.repeat(4097);
    input.value = long;
    part(el, 'send-button').click();
    await waitFor(() => errors.length === 1, 'the refusal');
    await el.updateComplete;
    expect(errors[0].code).to.equal('message-too-long');
    expect(errors[0].message).to.equal('lk-chat: the message has 4097 characters, more than the 4096 a message may have; it was not sent.');
    expect(part(el, 'error').textContent).to.equal('Your message is too long: at most 4096 characters.');
    expect(input.value).to.equal(long);
    let refused: unknown;
    await el.send(long).catch((err: unknown) => (refused = err));
    expect(refused).to.be.instanceOf(Error);
  });

  it('renders a hostile legacy message as text: no element is created and no script runs', async () => {
    const { chat, room } = await chatInRoom();
    const w = window as unknown as { chatPwned?: boolean };
    delete w.chatPwned;
    const hostile = '<img src=x onerror="window.chatPwned=true"><script>window.chatPwned=true</script><b>bold</b>';
    deliverLegacy(room, { id: 'h1', timestamp: Date.now(), message: hostile });
    await waitFor(() => chat.messages.length === 1, 'the message');
    await chat.updateComplete;
    expect(bodies(chat)).to.deep.equal([hostile]);
    const body = part(chat, 'body');
    expect(body.children.length, 'no element inside the body').to.equal(0);
    expect(chat.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    // Give an image error handler the time it would need (the only bare sleep: proving nothing happens).
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(w.chatPwned).to.equal(undefined);
  });

  it('shows legacy messages from older clients, drops copies flagged ignoreLegacy and duplicates, fires lk-chat-message once each', async () => {
    const { chat, room } = await chatInRoom();
    const events: LkChatMessageDetail[] = [];
    chat.addEventListener('lk-chat-message', (e) => events.push(e.detail));
    deliverLegacy(room, { id: 'a', timestamp: 1_700_000_000_000, message: 'old client' });
    deliverLegacy(room, { id: 'a', timestamp: 1_700_000_000_500, message: 'old client' });
    deliverLegacy(room, { id: 'b', timestamp: 1_700_000_001_000, message: 'copy of a text stream', ignoreLegacy: true });
    deliverLegacy(room, { id: 'c', timestamp: 1_700_000_002_000, message: 'another topic' }, 'not-chat');
    room.emit(RoomEvent.DataReceived, new TextEncoder().encode('garbage'), undefined, DataPacket_Kind.RELIABLE, 'lk-chat-topic');
    deliverLegacy(room, { id: 'd', timestamp: 1_700_000_003_000, message: 'second' });
    await waitFor(() => chat.messages.length === 2, 'two messages');
    await chat.updateComplete;
    expect(bodies(chat)).to.deep.equal(['old client', 'second']);
    expect(events.map((e) => [e.id, e.message, e.timestamp])).to.deep.equal([
      ['a', 'old client', 1_700_000_000_000],
      ['d', 'second', 1_700_000_003_000],
    ]);
    const time = chat.shadowRoot!.querySelector('time')!;
    expect(time.dateTime).to.equal(new Date(1_700_000_000_000).toISOString());
    expect(time.textContent).to.not.equal('');
  });

  it('formats times in the page language', async () => {
    const { chat, room } = await chatInRoom(html`<lk-room lang="de-DE"><lk-chat></lk-chat></lk-room>`);
    const t = new Date(2024, 0, 2, 14, 5).getTime();
    deliverLegacy(room, { id: 't', timestamp: t, message: 'x' });
    await waitFor(() => chat.shadowRoot!.querySelector('time')?.textContent === '14:05', 'a German time');
  });

  it('counts unread messages while hidden, reflects the count, and clears it once seen', async () => {
    const { chat, room } = await chatInRoom();
    deliverLegacy(room, { id: 'v', timestamp: Date.now(), message: 'seen' });
    // Shown on the page: read as soon as the visibility observer has reported.
    await waitFor(() => chat.messages.length === 1 && chat.unread === 0, 'first message, read');
    chat.hidden = true;
    // The observer reports on a later frame; probe until a message counts.
    let probe = 0;
    await waitFor(async () => {
      deliverLegacy(room, { id: `probe-${probe++}`, timestamp: Date.now(), message: 'while hidden' });
      await chat.updateComplete;
      return chat.unread === 1;
    }, 'one unread while hidden');
    deliverLegacy(room, { id: 'u2', timestamp: Date.now(), message: 'two' });
    await chat.updateComplete;
    expect(chat.unread).to.equal(2);
    expect(chat.getAttribute('unread')).to.equal('2');
    chat.hidden = false;
    await waitFor(() => chat.unread === 0, 'read once shown');
    await chat.updateComplete;
    expect(chat.hasAttribute('unread')).to.equal(false);
  });

  it('in a popover (no script on the page): hidden and counting while closed, read once opened', async () => {
    const lkRoom = await fixture<LkRoom>(html`<lk-room id="call"></lk-room>`);
    const chat = await fixture<LkChat>(html`<lk-chat room="call" popover></lk-chat>`);
    const room = lkRoom.livekitRoom;
    expect(chat.checkVisibility(), 'a closed popover is not shown').to.equal(false);
    deliverLegacy(room, { id: 'p1', timestamp: Date.now(), message: 'while closed' });
    await chat.updateComplete;
    expect(chat.unread).to.equal(1);
    chat.showPopover();
    await waitFor(() => chat.unread === 0, 'read once opened');
    expect(chat.checkVisibility()).to.equal(true);
    await expect(chat).to.be.accessible();
    chat.hidePopover();
  });

  it('two chats on one room share one registration and both receive; the last one removed releases it', async () => {
    const { lkRoom, room } = await chatInRoom(html`<lk-room><lk-chat id="a"></lk-chat><lk-chat id="b"></lk-chat></lk-room>`);
    const [a, b] = [...lkRoom.querySelectorAll<LkChat>('lk-chat')];
    expect(() => room.registerTextStreamHandler('lk.chat', () => undefined), 'lk.chat is taken while a chat is bound').to.throw();
    deliverLegacy(room, { id: 'x', timestamp: Date.now(), message: 'to both' });
    await waitFor(() => a.messages.length === 1 && b.messages.length === 1, 'both chats got it');
    a.remove();
    await Promise.resolve();
    expect(() => room.registerTextStreamHandler('lk.chat', () => undefined), 'still taken by the other chat').to.throw();
    deliverLegacy(room, { id: 'y', timestamp: Date.now(), message: 'to b' });
    await waitFor(() => b.messages.length === 2, 'b still receives');
    expect(a.messages).to.have.length(1);
    // Moving the last chat keeps the registration; removing it releases the handler and the listener.
    lkRoom.append(b);
    await Promise.resolve();
    expect(() => room.registerTextStreamHandler('lk.chat', () => undefined)).to.throw();
    const listeners = room.listenerCount(RoomEvent.DataReceived);
    b.remove();
    await Promise.resolve();
    await Promise.resolve();
    expect(room.listenerCount(RoomEvent.DataReceived)).to.equal(listeners - 1);
    expect(() => room.registerTextStreamHandler('lk.chat', () => undefined)).to.not.throw();
    room.unregisterTextStreamHandler('lk.chat');
  });

  it('another handler already on lk.chat: says so in the console and still shows legacy messages', async () => {
    const lkRoom = await fixture<LkRoom>(html`<lk-room></lk-room>`);
    const room = lkRoom.livekitRoom;
    room.registerTextStreamHandler('lk.chat', () => undefined);
    const chat = document.createElement('lk-chat');
    const warnings = await captureWarnings(async () => {
      lkRoom.append(chat);
      await chat.updateComplete;
    });
    expect(warnings.some((w) => w.includes('another handler'))).to.equal(true);
    deliverLegacy(room, { id: 'l', timestamp: Date.now(), message: 'legacy still arrives' });
    await waitFor(() => chat.messages.length === 1, 'the legacy message');
    chat.remove();
    await Promise.resolve();
    expect(() => room.registerTextStreamHandler('lk.chat', () => undefined), 'the other handler was left alone').to.throw();
    room.unregisterTextStreamHandler('lk.chat');
  });

  it('a custom topic is used for both paths, as React does with channelTopic', async () => {
    const { chat, room } = await chatInRoom(html`<lk-room><lk-chat topic="support"></lk-chat></lk-room>`);
    deliverLegacy(room, { id: '1', timestamp: Date.now(), message: 'default topic' });
    deliverLegacy(room, { id: '2', timestamp: Date.now(), message: 'support topic' }, 'support');
    // DataReceived is dispatched synchronously: both packets have been handled by now.
    expect(chat.messages.map((m) => m.message)).to.deep.equal(['support topic']);
    expect(() => room.registerTextStreamHandler('support', () => undefined)).to.throw();
    expect(() => room.registerTextStreamHandler('lk.chat', () => undefined)).to.not.throw();
    room.unregisterTextStreamHandler('lk.chat');
  });
});
