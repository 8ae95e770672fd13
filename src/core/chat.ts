/**
 * Chat, as LiveKit's React `Chat` speaks it (`@livekit/components-core`'s `setupChat`, see
 * docs/chat.md): a text stream on topic `lk.chat` for each message, plus the same message as JSON
 * `{id, timestamp, message, ignoreLegacy}` in a reliable data packet on topic `lk-chat-topic` for
 * clients older than text streams. Pure: encoding, decoding, merging, unread counting, refusals.
 */
import { ConnectionState, compareVersions, type Participant } from 'livekit-client';
import { InvalidValue } from './grammar.js';

/** The text-stream topic of LiveKit's React `Chat` (`DataTopic.CHAT`). */
export const CHAT_TOPIC = 'lk.chat';

/** The data-packet topic of the legacy chat format (`LegacyDataTopic.CHAT`). */
export const LEGACY_CHAT_TOPIC = 'lk-chat-topic';

/** One message as `<lk-chat>` keeps it. */
export interface ChatEntry {
  /** The text stream's id (the legacy packet carries the same one). */
  id: string;
  message: string;
  /** When it was sent, in ms since the epoch. */
  timestamp: number;
  /** The sender's identity (`''` for a packet the server sent). */
  identity: string;
  /** The sender, while known to the room. */
  from?: Participant;
  /** Sent from this page. */
  local: boolean;
  /** Set when a later message with the same id and sender replaced the text. */
  editTimestamp?: number;
}

/** The legacy data-packet message. `ignoreLegacy` tells receivers that know text streams to drop it. */
export interface LegacyChatMessage {
  id?: string;
  timestamp?: number;
  message: string;
  ignoreLegacy?: boolean;
}

/** A legacy message as React's `encodeLegacyMsg` writes it: the JSON of the object, UTF-8. */
export function encodeLegacyMessage(message: LegacyChatMessage): Uint8Array<ArrayBuffer> {
  return new TextEncoder().encode(JSON.stringify(message));
}

/**
 * A legacy message from a data packet, or `undefined` when the payload is not one (not JSON, or no
 * string `message`). `id` and `timestamp` are kept only when of the right type.
 */
export function decodeLegacyMessage(payload: Uint8Array): LegacyChatMessage | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(payload));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { id, timestamp, message, ignoreLegacy } = parsed as Record<string, unknown>;
  if (typeof message !== 'string') return undefined;
  return {
    message,
    ...(typeof id === 'string' && id !== '' ? { id } : {}),
    ...(isTimestamp(timestamp) ? { timestamp } : {}),
    ...(ignoreLegacy === true ? { ignoreLegacy } : {}),
  };
}

/** A number that is a valid `Date` time (a hostile sender may send anything). */
export function isTimestamp(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= 8.64e15;
}

/**
 * Whether the server relays text streams, so that a receiver that knows them should ignore the
 * legacy copy: LiveKit Cloud (edition 1) or a server newer than 1.8.2, as React's `setupChat` judges.
 */
export function serverSupportsDataStreams(info?: { edition?: number; version?: string }): boolean {
  return info?.edition === 1 || (!!info?.version && compareVersions(info.version, '1.8.2') > 0);
}

export type ChatChange = 'added' | 'edited' | 'duplicate';

/**
 * Adds a message to the list. A message with the id and sender of one already there replaces its
 * text, keeping its place and first timestamp (React's `Chat` does the same: that is how it
 * de-duplicates and how an edit arrives); with the same text it is a duplicate and changes nothing.
 */
export function mergeMessage(list: readonly ChatEntry[], entry: ChatEntry): { messages: ChatEntry[]; change: ChatChange } {
  const index = list.findIndex((m) => m.id === entry.id && m.identity === entry.identity);
  if (index < 0) return { messages: [...list, entry], change: 'added' };
  const original = list[index];
  if (original.message === entry.message) return { messages: [...list], change: 'duplicate' };
  const messages = [...list];
  messages[index] = { ...entry, timestamp: original.timestamp, editTimestamp: entry.timestamp };
  return { messages, change: 'edited' };
}

/**
 * The unread count after a change: zero while the chat is seen; otherwise one more for each new
 * message from someone else (one's own messages and edits do not count).
 */
export function nextUnread(unread: number, seen: boolean, change?: { change: ChatChange; local: boolean }): number {
  if (seen) return 0;
  if (change?.change === 'added' && !change.local) return unread + 1;
  return unread;
}

/**
 * The longest message `<lk-chat>` sends, in UTF-16 code units (what `String.length` and the input's
 * `maxlength` count). In UTF-8 that is at most 12 KiB, so the legacy JSON packet stays far below
 * the data-channel message size every browser allows (Chromium's SCTP limit is 256 KiB).
 */
export const MAX_MESSAGE_LENGTH = 4096;

/** How many messages `<lk-chat>` keeps by default; older ones are dropped first. */
export const DEFAULT_MAX_MESSAGES = 200;

/** The most `max-messages` may keep. */
export const MAX_MESSAGES_LIMIT = 10_000;

export const MAX_MESSAGES_ACCEPTED = `a whole number from 1 to ${MAX_MESSAGES_LIMIT}, e.g. ${DEFAULT_MAX_MESSAGES}`;

/** `max-messages="500"`: how many messages the chat keeps. */
export function parseMaxMessages(value: string): number {
  const text = value.trim();
  const count = Number(text);
  if (!/^\d+$/.test(text) || count < 1 || count > MAX_MESSAGES_LIMIT) throw new InvalidValue(MAX_MESSAGES_ACCEPTED);
  return count;
}

/** The newest `max` messages of `list` (the same array when it is not over). */
export function capHistory<T>(list: readonly T[], max: number): readonly T[] {
  return list.length > max ? list.slice(list.length - max) : list;
}

/** True when the text is worth sending (React's `Chat` ignores blank input too). */
export function isSendable(text: string): boolean {
  return text.trim() !== '';
}

/** Why a message cannot be sent now, as an `lk-error` code and a reason; `undefined` when it can. */
export function sendRefusal(
  state: ConnectionState | undefined,
  canPublishData: boolean | undefined,
  text = '',
): { code: 'connection' | 'publish-failed' | 'message-too-long'; reason: 'disconnected' | 'not-allowed' | 'too-long' } | undefined {
  if (text.length > MAX_MESSAGE_LENGTH) return { code: 'message-too-long', reason: 'too-long' };
  if (state !== ConnectionState.Connected) return { code: 'connection', reason: 'disconnected' };
  // The server drops data from a participant without the grant, without telling the sender.
  if (canPublishData === false) return { code: 'publish-failed', reason: 'not-allowed' };
  return undefined;
}

/** The name to show for a message's sender: the participant's name, else the identity. */
export function senderName(entry: Pick<ChatEntry, 'from' | 'identity'>): string {
  return entry.from?.name || entry.from?.identity || entry.identity;
}

/** A message's time, short (`14:05`, `2:05 PM`), in `locale`; the browser's locale when that is not a valid tag. */
export function formatTime(timestamp: number, locale?: string): string {
  const date = new Date(timestamp);
  try {
    return new Intl.DateTimeFormat(locale || undefined, { timeStyle: 'short' }).format(date);
  } catch {
    return new Intl.DateTimeFormat(undefined, { timeStyle: 'short' }).format(date);
  }
}
