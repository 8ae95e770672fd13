import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { RoomEvent, type Participant, type Room, type TextStreamReader } from 'livekit-client';
import {
  CHAT_TOPIC,
  LEGACY_CHAT_TOPIC,
  decodeLegacyMessage,
  encodeLegacyMessage,
  isTimestamp,
  serverSupportsDataStreams,
  type ChatEntry,
} from '../core/chat.js';

type Listener = (entry: ChatEntry) => void;

/**
 * The chat of one `Room` on one topic: one text-stream handler and one data listener, shared by
 * every `<lk-chat>` on that room, fanning each message out to all of them. livekit-client allows a
 * single text-stream handler per topic on a room (a second `registerTextStreamHandler` throws), and
 * React's `setupChat` shares its registration per room the same way.
 */
class ChatChannel {
  static #channels = new WeakMap<Room, Map<string, ChatChannel>>();

  /** The channel of `room` and `topic`, if some element holds one. */
  static get(room: Room, topic: string): ChatChannel | undefined {
    return ChatChannel.#channels.get(room)?.get(topic);
  }

  /** Adds a listener to the channel of `room` and `topic`, opening the channel if needed. */
  static acquire(room: Room, topic: string, listener: Listener): ChatChannel {
    let byTopic = ChatChannel.#channels.get(room);
    if (!byTopic) ChatChannel.#channels.set(room, (byTopic = new Map<string, ChatChannel>()));
    let channel = byTopic.get(topic);
    if (!channel) byTopic.set(topic, (channel = new ChatChannel(room, topic)));
    channel.#listeners.add(listener);
    return channel;
  }

  readonly #listeners = new Set<Listener>();
  readonly #legacyTopic: string;
  #ownsTextHandler = false;

  private constructor(
    readonly room: Room,
    readonly topic: string,
  ) {
    // React uses one custom `channelTopic` for both paths; the default pair is lk.chat / lk-chat-topic.
    this.#legacyTopic = topic === CHAT_TOPIC ? LEGACY_CHAT_TOPIC : topic;
    try {
      room.registerTextStreamHandler(topic, this.#onTextStream);
      this.#ownsTextHandler = true;
    } catch (err) {
      console.warn(
        `lk-chat: another handler already receives text streams on topic "${topic}" of this room, so <lk-chat> shows only legacy messages there. Unregister it, or give <lk-chat> another topic.`,
        err,
      );
    }
    room.on(RoomEvent.DataReceived, this.#onData);
  }

  /** Removes a listener; the last one out closes the channel, a microtask later so that a move keeps it. */
  release(listener: Listener): void {
    this.#listeners.delete(listener);
    if (this.#listeners.size > 0) return;
    queueMicrotask(() => {
      if (this.#listeners.size > 0) return;
      const byTopic = ChatChannel.#channels.get(this.room);
      if (byTopic?.get(this.topic) !== this) return;
      byTopic.delete(this.topic);
      if (this.#ownsTextHandler) this.room.unregisterTextStreamHandler(this.topic);
      this.room.off(RoomEvent.DataReceived, this.#onData);
    });
  }

  /**
   * Sends a message as React's `Chat` does: a text stream on the topic, then (best effort, as React
   * does) the legacy JSON packet, flagged `ignoreLegacy` when the server relays text streams. Every
   * listener gets the sent message. Rejects when the text stream could not be sent.
   */
  async send(text: string): Promise<ChatEntry> {
    return sendChat(this.room, this.topic, this.#legacyTopic, text, (entry) => this.dispatch(entry));
  }

  /** Hands a message to every listener. */
  dispatch(entry: ChatEntry): void {
    for (const listener of [...this.#listeners]) listener(entry);
  }

  #onTextStream = (reader: TextStreamReader, participantInfo: { identity: string }): void => {
    const { id } = reader.info;
    const timestamp = isTimestamp(reader.info.timestamp) ? reader.info.timestamp : Date.now();
    const { identity } = participantInfo;
    reader.readAll().then(
      (message) => this.dispatch({ id, timestamp, message, identity, from: this.room.getParticipantByIdentity(identity), local: false }),
      // A stream cut short (the sender left, the room disconnected) carries no complete message.
      (err: unknown) => console.debug('lk-chat: a text stream ended early', err),
    );
  };

  #onData = (payload: Uint8Array, participant?: Participant, _kind?: unknown, topic?: string): void => {
    if (topic !== this.#legacyTopic) return;
    const legacy = decodeLegacyMessage(payload);
    // `ignoreLegacy`: the sender also sent a text stream, which is the copy to show.
    if (!legacy || legacy.ignoreLegacy) return;
    this.dispatch({
      id: legacy.id ?? crypto.randomUUID(),
      timestamp: legacy.timestamp ?? Date.now(),
      message: legacy.message,
      identity: participant?.identity ?? '',
      from: participant,
      local: false,
    });
  };
}

async function sendChat(room: Room, topic: string, legacyTopic: string, text: string, dispatch: Listener): Promise<ChatEntry> {
  const local = room.localParticipant;
  const info = await local.sendText(text, { topic });
  // React stamps its own copy with Date.now() after sending; the stream's own time is what receivers see.
  const entry: ChatEntry = { id: info.id, timestamp: info.timestamp, message: text, identity: local.identity, from: local, local: true };
  dispatch(entry);
  const legacy = encodeLegacyMessage({ id: entry.id, timestamp: entry.timestamp, message: text, ignoreLegacy: serverSupportsDataStreams(room.serverInfo) });
  try {
    await local.publishData(legacy, { reliable: true, topic: legacyTopic });
  } catch (err) {
    console.debug('lk-chat: could not send the legacy copy of a message', err);
  }
  return entry;
}

/**
 * An element's chat subscription: while the host is connected and a room is set, every message on
 * the topic (received, or sent by any element on the room) reaches `onMessage`. Releases its share
 * of the room's channel when the host leaves the DOM, the room changes or the topic changes.
 */
export class ChatController implements ReactiveController {
  #room?: Room;
  #topic = CHAT_TOPIC;
  #channel?: ChatChannel;
  #hostConnected = false;

  constructor(
    host: ReactiveControllerHost,
    private readonly onMessage: Listener,
  ) {
    host.addController(this);
  }

  get room(): Room | undefined {
    return this.#room;
  }

  set room(room: Room | undefined) {
    if (room === this.#room) return;
    this.#close();
    this.#room = room;
    this.#open();
  }

  get topic(): string {
    return this.#topic;
  }

  set topic(topic: string) {
    if (topic === this.#topic) return;
    this.#close();
    this.#topic = topic;
    this.#open();
  }

  hostConnected(): void {
    this.#hostConnected = true;
    this.#open();
  }

  hostDisconnected(): void {
    this.#hostConnected = false;
    this.#close();
  }

  /** Sends `text` on the bound room; every `<lk-chat>` on it (this one too) gets the sent message. */
  send(text: string): Promise<ChatEntry> {
    const room = this.#room;
    if (!room) return Promise.reject(new Error('lk-chat: no room'));
    const channel = this.#channel ?? ChatChannel.get(room, this.#topic);
    if (channel) return channel.send(text);
    const legacyTopic = this.#topic === CHAT_TOPIC ? LEGACY_CHAT_TOPIC : this.#topic;
    return sendChat(room, this.#topic, legacyTopic, text, this.onMessage);
  }

  #open(): void {
    if (!this.#room || !this.#hostConnected || this.#channel) return;
    this.#channel = ChatChannel.acquire(this.#room, this.#topic, this.onMessage);
  }

  #close(): void {
    this.#channel?.release(this.onMessage);
    this.#channel = undefined;
  }
}
