import { expect } from '@open-wc/testing';
import { ConnectionState } from 'livekit-client';
import { InvalidValue } from '../../src/core/grammar.js';
import {
  CHAT_TOPIC,
  DEFAULT_MAX_MESSAGES,
  LEGACY_CHAT_TOPIC,
  MAX_MESSAGE_LENGTH,
  capHistory,
  decodeLegacyMessage,
  encodeLegacyMessage,
  formatTime,
  isSendable,
  isTimestamp,
  mergeMessage,
  nextUnread,
  parseMaxMessages,
  sendRefusal,
  senderName,
  serverSupportsDataStreams,
  type ChatEntry,
} from '../../src/core/chat.js';

const bytes = (text: string) => new TextEncoder().encode(text);
const entry = (over: Partial<ChatEntry> = {}): ChatEntry => ({ id: 'm1', message: 'hi', timestamp: 1000, identity: 'ann', local: false, ...over });

describe('core: chat', () => {
  it("uses React's topics", () => {
    expect(CHAT_TOPIC).to.equal('lk.chat');
    expect(LEGACY_CHAT_TOPIC).to.equal('lk-chat-topic');
  });

  it('encodes the legacy message as the JSON React writes, and decodes it back', () => {
    const encoded = encodeLegacyMessage({ id: 'abc', timestamp: 1_700_000_000_000, message: 'héllo ✓', ignoreLegacy: true });
    expect(new TextDecoder().decode(encoded)).to.equal('{"id":"abc","timestamp":1700000000000,"message":"héllo ✓","ignoreLegacy":true}');
    expect(decodeLegacyMessage(encoded)).to.deep.equal({ id: 'abc', timestamp: 1_700_000_000_000, message: 'héllo ✓', ignoreLegacy: true });
  });

  it('decodes legacy messages from older clients (no ignoreLegacy) and refuses what is not one', () => {
    expect(decodeLegacyMessage(bytes('{"id":"x","timestamp":5,"message":"old"}'))).to.deep.equal({ id: 'x', timestamp: 5, message: 'old' });
    // Components 0.11 flagged its copy `ignore`, which React's Chat today does not read either: shown.
    expect(decodeLegacyMessage(bytes('{"id":"x","timestamp":5,"message":"m","ignore":true}'))).to.deep.equal({ id: 'x', timestamp: 5, message: 'm' });
    expect(decodeLegacyMessage(bytes('not json'))).to.equal(undefined);
    expect(decodeLegacyMessage(bytes('null'))).to.equal(undefined);
    expect(decodeLegacyMessage(bytes('"text"'))).to.equal(undefined);
    expect(decodeLegacyMessage(bytes('{"message":42}'))).to.equal(undefined);
    // Wrong types are dropped, not trusted: no id, a timestamp no Date can hold.
    expect(decodeLegacyMessage(bytes('{"id":7,"timestamp":1e300,"message":"m","ignoreLegacy":"yes"}'))).to.deep.equal({ message: 'm' });
  });

  it('checks timestamps', () => {
    expect(isTimestamp(Date.now())).to.equal(true);
    expect(isTimestamp(0)).to.equal(true);
    expect(isTimestamp(Number.NaN)).to.equal(false);
    expect(isTimestamp(9e15)).to.equal(false);
    expect(isTimestamp('5')).to.equal(false);
  });

  it('judges text-stream support like React: LiveKit Cloud, or a server newer than 1.8.2', () => {
    expect(serverSupportsDataStreams({ version: '1.13.5' })).to.equal(true);
    expect(serverSupportsDataStreams({ version: '1.8.3' })).to.equal(true);
    expect(serverSupportsDataStreams({ version: '1.8.2' })).to.equal(false);
    expect(serverSupportsDataStreams({ version: '1.7.0' })).to.equal(false);
    expect(serverSupportsDataStreams({ edition: 1, version: '1.0.0' })).to.equal(true);
    expect(serverSupportsDataStreams(undefined)).to.equal(false);
  });

  it('adds new messages in arrival order', () => {
    const first = mergeMessage([], entry());
    expect(first.change).to.equal('added');
    const second = mergeMessage(first.messages, entry({ id: 'm2', message: 'again' }));
    expect(second.change).to.equal('added');
    expect(second.messages.map((m) => m.id)).to.deep.equal(['m1', 'm2']);
  });

  it('de-duplicates by id and sender, as React does; the same id from another sender is another message', () => {
    const list = [entry()];
    const dup = mergeMessage(list, entry({ timestamp: 2000 }));
    expect(dup.change).to.equal('duplicate');
    expect(dup.messages).to.deep.equal(list);
    const other = mergeMessage(list, entry({ identity: 'bob' }));
    expect(other.change).to.equal('added');
    expect(other.messages).to.have.length(2);
  });

  it('a new text under a known id and sender replaces the text in place and keeps the first time', () => {
    const list = [entry(), entry({ id: 'm2' })];
    const edit = mergeMessage(list, entry({ message: 'hi (fixed)', timestamp: 5000 }));
    expect(edit.change).to.equal('edited');
    expect(edit.messages[0]).to.include({ id: 'm1', message: 'hi (fixed)', timestamp: 1000, editTimestamp: 5000 });
    expect(edit.messages[1].id).to.equal('m2');
    expect(list[0].message, 'the input list is not changed').to.equal('hi');
  });

  it("counts unread: others' new messages while not seen; zero once seen", () => {
    expect(nextUnread(0, false, { change: 'added', local: false })).to.equal(1);
    expect(nextUnread(1, false, { change: 'added', local: false })).to.equal(2);
    expect(nextUnread(2, false, { change: 'added', local: true }), 'own message').to.equal(2);
    expect(nextUnread(2, false, { change: 'edited', local: false }), 'an edit').to.equal(2);
    expect(nextUnread(2, true, { change: 'added', local: false }), 'seen').to.equal(0);
    expect(nextUnread(2, false), 'no change, not seen').to.equal(2);
    expect(nextUnread(2, true), 'became seen').to.equal(0);
  });

  it('refuses to send unless connected, and without the data grant', () => {
    expect(sendRefusal(undefined, undefined)).to.deep.equal({ code: 'connection', reason: 'disconnected' });
    expect(sendRefusal(ConnectionState.Disconnected, true)).to.deep.equal({ code: 'connection', reason: 'disconnected' });
    expect(sendRefusal(ConnectionState.Connecting, true)?.code).to.equal('connection');
    expect(sendRefusal(ConnectionState.Reconnecting, true)?.code).to.equal('connection');
    expect(sendRefusal(ConnectionState.Connected, false)).to.deep.equal({ code: 'publish-failed', reason: 'not-allowed' });
    expect(sendRefusal(ConnectionState.Connected, true)).to.equal(undefined);
    expect(sendRefusal(ConnectionState.Connected, undefined)).to.equal(undefined);
  });

  it('refuses a message over the length limit first, whatever the connection', () => {
    const long = 'x'.repeat(MAX_MESSAGE_LENGTH + 1);
    expect(sendRefusal(ConnectionState.Connected, true, 'x'.repeat(MAX_MESSAGE_LENGTH))).to.equal(undefined);
    expect(sendRefusal(ConnectionState.Connected, true, long)).to.deep.equal({ code: 'message-too-long', reason: 'too-long' });
    expect(sendRefusal(ConnectionState.Disconnected, true, long)?.code).to.equal('message-too-long');
    // 4096 UTF-16 units are at most 12 KiB of UTF-8.
    expect(new TextEncoder().encode('\u{1F600}'.repeat(MAX_MESSAGE_LENGTH / 2)).length).to.be.at.most(12 * 1024);
  });

  it('keeps a bounded history: the newest messages, as many as max-messages says', () => {
    const list = [1, 2, 3, 4, 5];
    expect(capHistory(list, 3)).to.deep.equal([3, 4, 5]);
    expect(capHistory(list, 5)).to.equal(list);
    expect(DEFAULT_MAX_MESSAGES).to.equal(200);
    expect(parseMaxMessages(' 500 ')).to.equal(500);
    expect(parseMaxMessages('1')).to.equal(1);
    expect(parseMaxMessages('10000')).to.equal(10_000);
    for (const bad of ['0', '-1', '1.5', '10001', '', 'many', '9'.repeat(400), '1e3']) {
      expect(() => parseMaxMessages(bad), bad).to.throw(InvalidValue, /whole number from 1 to 10000/);
    }
  });

  it('sends only text with something in it', () => {
    expect(isSendable('hi')).to.equal(true);
    expect(isSendable('  \n\t ')).to.equal(false);
    expect(isSendable('')).to.equal(false);
  });

  it("names the sender by name, else identity", () => {
    expect(senderName({ identity: 'ann', from: { name: 'Ann', identity: 'ann' } as ChatEntry['from'] })).to.equal('Ann');
    expect(senderName({ identity: 'ann', from: { name: '', identity: 'ann' } as ChatEntry['from'] })).to.equal('ann');
    expect(senderName({ identity: 'gone' })).to.equal('gone');
  });

  it('formats the time in the locale asked for, and survives a bad locale tag', () => {
    const t = new Date(2024, 0, 2, 14, 5).getTime();
    expect(formatTime(t, 'de-DE')).to.equal('14:05');
    expect(formatTime(t, 'en-US')).to.match(/^2:05\sPM$/);
    expect(formatTime(t, 'not a locale!')).to.be.a('string').and.match(/05/);
  });
});
