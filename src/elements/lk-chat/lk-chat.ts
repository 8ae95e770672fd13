import { html, LitElement, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { ConnectionState, RoomEvent, type Room } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { ChatController } from '../../controllers/chat.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { VisibilityController } from '../../controllers/visibility.js';
import {
  CHAT_TOPIC,
  DEFAULT_MAX_MESSAGES,
  MAX_MESSAGE_LENGTH,
  capHistory,
  formatTime,
  isSendable,
  mergeMessage,
  nextUnread,
  parseMaxMessages,
  sendRefusal,
  senderName,
  type ChatEntry,
} from '../../core/chat.js';
import type { LkErrorCode } from '../../core/errors.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-chat.styles.js';

type Problem = 'disconnected' | 'not-allowed' | 'too-long' | 'failed';

const unreadConverter = {
  fromAttribute: (value: string | null) => Number(value) || 0,
  toAttribute: (value: number) => (value > 0 ? String(value) : null),
};

/**
 * Chat over the room, compatible with LiveKit's React `Chat` both ways: each message goes out as a
 * text stream on topic `lk.chat` plus the legacy JSON packet on `lk-chat-topic`, and both are
 * received. Messages show as text only (never HTML), with the sender's name and the time.
 * A message typed while the room is not connected is refused: it stays in the input, the element
 * says why, and `lk-error` fires. Messages received while the chat cannot be seen (hidden, in a
 * closed popover or `<details>`, scrolled away, or in a background tab) count as `unread` until it
 * is seen again.
 *
 * @summary Chat with everyone in the room, as LiveKit's React `Chat` does.
 * @tag lk-chat
 *
 * @slot heading - Replaces the heading text.
 *
 * @csspart header - The heading above the messages.
 * @csspart log - The scrolling box around the messages (`role="log"`).
 * @csspart messages - The list of messages.
 * @csspart message - One message; also `message-local` (sent from this page) or `message-remote`.
 * @csspart meta - The sender and time line of a message.
 * @csspart name - The sender's name (or identity).
 * @csspart time - The time it was sent (a `<time>`).
 * @csspart edited - The "edited" mark of a message whose text was replaced.
 * @csspart body - The text of a message.
 * @csspart error - Why the last message was not sent (`role="alert"`); empty otherwise.
 * @csspart form - The form holding the input and the button.
 * @csspart label - The input's `<label>` (visually hidden by default).
 * @csspart input - The native text input.
 * @csspart send-button - The native submit button.
 *
 * @cssprop [--lk-bg2] - The chat's background (a theme token, light or dark).
 * @cssprop [--lk-fg] - Text colour.
 * @cssprop [--lk-bg] - The input's background.
 * @cssprop [--lk-bg3] - The send button's background.
 * @cssprop [--lk-border-color] - Borders of the form and the input.
 * @cssprop [--lk-accent-bg] - Focus rings.
 * @cssprop [--lk-danger-fg] - The error text.
 * @cssprop [--lk-border-radius=0.5rem] - Corner radius.
 * @cssprop [--lk-accent4=var(--lk-accent-bg)] - Behind a received message (as in `@livekit/components-styles`).
 * @cssprop [--lk-bg5=var(--lk-bg4)] - Behind a message sent from this page (as in `@livekit/components-styles`).
 * @cssprop [--lk-fg5=var(--lk-fg2)] - The sender and time line (as in `@livekit/components-styles`).
 * @cssprop [--lk-chat-header-height=auto] - The header's height (as in `@livekit/components-styles`).
 * @cssprop [--lk-control-bg=var(--lk-bg3)] - The send button's background, shared with the controls.
 *
 * @fires lk-chat-message - `{id, message, timestamp, from, identity}` for each message received or sent (and again when an edit replaces its text).
 * @fires lk-error - `connection` when a message is sent while the room is not connected; `publish-failed` when sending failed or the token may not send data; `message-too-long` for a message over 4096 characters; `invalid-attribute` for a bad `max-messages`. The text stays in the input.
 *
 * @attr {number} unread - Set by the element (read-only): how many messages arrived while the chat could not be seen; absent when none.
 */
export class LkChat extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    topic: {},
    heading: {},
    placeholder: {},
    inputLabel: { attribute: 'input-label' },
    sendLabel: { attribute: 'send-label' },
    editedLabel: { attribute: 'edited-label' },
    disconnectedMessage: { attribute: 'disconnected-message' },
    notAllowedMessage: { attribute: 'not-allowed-message' },
    sendFailedMessage: { attribute: 'send-failed-message' },
    tooLongMessage: { attribute: 'too-long-message' },
    maxMessages: { attribute: 'max-messages' },
    unread: { converter: unreadConverter, reflect: true },
    pending: { type: Boolean, reflect: true },
    problem: { state: true },
    entries: { state: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['unread', 'pending'];

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [LkElement.styles, styles];


  /** The text-stream topic; React's `channelTopic`. A custom topic is also used for the legacy packets, as React does. */
  topic: string = CHAT_TOPIC;

  /** The heading text. Default: "Messages" in the page's language. */
  heading?: string;

  /** The input's placeholder. Default: "Enter a message…" in the page's language. */
  placeholder?: string;

  /** The input's label (visually hidden unless styled through `::part(label)`). Default: "Message" in the page's language. */
  inputLabel?: string;

  /** The send button's text. Default: "Send" in the page's language. */
  sendLabel?: string;

  /** The mark on a message whose text was replaced by an edit. Default: "edited" in the page's language. */
  editedLabel?: string;

  /** Shown when a message is refused because the room is not connected. Default: "Not connected: your message was not sent." in the page's language. */
  disconnectedMessage?: string;

  /** Shown when the token may not send data (the server would drop the message). Default: "You may not send messages in this room." in the page's language. */
  notAllowedMessage?: string;

  /** Shown when sending failed. Default: "Your message could not be sent." in the page's language. */
  sendFailedMessage?: string;

  /** Shown when a message is longer than 4096 characters. Default: "Your message is too long: at most 4096 characters." in the page's language. */
  tooLongMessage?: string;

  /**
   * How many messages the chat keeps (1 to 10000); older ones are dropped first, so a long session
   * stays bounded. Default 200.
   */
  maxMessages?: string | number;

  /** Messages received while the chat could not be seen. Reflected (absent when 0); read-only. @readonly */
  unread = 0;

  /** A message is being sent. Reflected; read-only. @readonly */
  pending = false;

  private problem?: Problem;
  private entries: readonly ChatEntry[] = [];

  private get log() {
    return this.renderRoot.querySelector<HTMLElement>('[part~=log]');
  }

  private get input() {
    return this.renderRoot.querySelector('input');
  }

  #attrs = new AttributeParser(this);
  #maxMessages = DEFAULT_MAX_MESSAGES;
  #stickToBottom = true;
  #scrollToEnd = false;

  #chat = new ChatController(this, (entry) => this.#receive(entry));
  #visibility = new VisibilityController(this, (seen) => (this.unread = nextUnread(this.unread, seen)));
  #events = new RoomEventsController(this, {
    [RoomEvent.ConnectionStateChanged]: (state: ConnectionState) => {
      // A new connection (not a reconnection, which goes through `reconnecting`) starts a new chat.
      if (state === ConnectionState.Connecting) this.#clear();
      if (state === ConnectionState.Connected && this.problem === 'disconnected') this.problem = undefined;
      this.requestUpdate();
    },
    [RoomEvent.ParticipantNameChanged]: () => this.requestUpdate(),
  });
  protected override roomChanged(room: Room | undefined): void {
    if (this.#chat.room) this.#clear();
    this.#chat.room = room;
    this.#events.room = room;
  }


  /** The messages shown, oldest first. Read-only. @readonly */
  get messages(): readonly ChatEntry[] {
    return this.entries;
  }

  /**
   * Sends `text` to everyone in the room. Blank text is ignored. Rejects, shows why in the element
   * and fires `lk-error` when the room is not connected (`connection`), when the token may not send
   * data or sending fails (`publish-failed`).
   */
  async send(text: string): Promise<void> {
    if (!isSendable(text)) return;
    const room = this.livekitRoom;
    const refusal = sendRefusal(room?.state, room?.localParticipant.permissions?.canPublishData, text);
    if (refusal) {
      const message =
        refusal.reason === 'too-long'
          ? `lk-chat: the message has ${text.length} characters, more than the ${MAX_MESSAGE_LENGTH} a message may have; it was not sent.`
          : refusal.reason === 'disconnected'
            ? 'lk-chat: the room is not connected; the message was not sent.'
            : 'lk-chat: the token may not send data (canPublishData); the message was not sent.';
      this.#fail(refusal.reason, refusal.code, message);
      throw new Error(message);
    }
    this.problem = undefined;
    this.pending = true;
    try {
      await this.#chat.send(text);
    } catch (err) {
      this.#fail('failed', 'publish-failed', `lk-chat: the message could not be sent: ${err instanceof Error ? err.message : String(err)}`, err);
      throw err;
    } finally {
      this.pending = false;
    }
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('topic')) this.#chat.topic = this.topic || CHAT_TOPIC;
    this.#maxMessages = this.#attrs.parse('max-messages', this.maxMessages, parseMaxMessages, DEFAULT_MAX_MESSAGES);
    this.#attrs.report();
    this.entries = capHistory(this.entries, this.#maxMessages);
    const log = this.log;
    // Follow new messages while the reader is at the end; one's own message always scrolls there.
    if (log && changed.has('entries')) this.#stickToBottom = this.#scrollToEnd || log.scrollHeight - log.scrollTop - log.clientHeight < 32;
    this.#scrollToEnd = false;
  }

  protected override updated(changed: PropertyValues): void {
    const log = this.log;
    if (log && changed.has('entries') && this.#stickToBottom) log.scrollTop = log.scrollHeight;
  }

  protected override render() {
    const locale = this.i18n.tag;
    const problem = this.problem;
    const error =
      problem === 'disconnected'
        ? (this.disconnectedMessage ?? this.i18n.t('chatDisconnected'))
        : problem === 'not-allowed'
          ? (this.notAllowedMessage ?? this.i18n.t('chatNotAllowed'))
          : problem === 'too-long'
            ? (this.tooLongMessage ?? this.i18n.t('chatTooLong', { max: MAX_MESSAGE_LENGTH }))
            : problem === 'failed'
              ? (this.sendFailedMessage ?? this.i18n.t('chatSendFailed'))
              : '';
    return html`<div part="header" id="heading"><slot name="heading">${this.heading ?? this.i18n.t('chatHeading')}</slot></div>
      <div part="log" role="log" aria-labelledby="heading" tabindex="0">
        <ol part="messages">
          ${
            // Messages are only added at the end, edited in place or all cleared: rendered by
            // position, each keeps its list item.
            this.entries.map(
              (m) => html`<li part="message ${m.local ? 'message-local' : 'message-remote'}" data-origin=${m.local ? 'local' : 'remote'}>
              <span part="meta"
                ><span part="name">${senderName(m)}</span>
                <time part="time" datetime=${new Date(m.timestamp).toISOString()}>${formatTime(m.timestamp, locale)}</time
                >${m.editTimestamp === undefined ? nothing : html` <span part="edited">${this.editedLabel ?? this.i18n.t('edited')}</span>`}</span
              >
              <span part="body">${m.message}</span>
            </li>`,
            )
          }
        </ol>
      </div>
      <div part="error" id="error" role="alert">${error}</div>
      <form part="form" @submit=${this.#onSubmit}>
        <label part="label" for="input">${this.inputLabel ?? this.i18n.t('chatInput')}</label>
        <input
          part="input"
          id="input"
          type="text"
          name="message"
          autocomplete="off"
          enterkeyhint="send"
          maxlength=${MAX_MESSAGE_LENGTH}
          placeholder=${this.placeholder ?? this.i18n.t('chatPlaceholder')}
          ?readonly=${this.pending}
          aria-invalid=${problem ? 'true' : 'false'}
          aria-describedby="error"
        />
        <button part="send-button" type="submit" aria-disabled=${this.pending ? 'true' : 'false'} aria-busy=${this.pending ? 'true' : 'false'}>
          ${this.sendLabel ?? this.i18n.t('send')}
        </button>
      </form>`;
  }

  #onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const input = this.input;
    if (!input || this.pending) return;
    try {
      await this.send(input.value);
      input.value = '';
      input.focus();
    } catch {
      // Refused or failed: the text stays in the input; the element shows why and fired lk-error.
    }
  };

  #receive(entry: ChatEntry): void {
    const { messages, change } = mergeMessage(this.entries, entry);
    if (change === 'duplicate') return;
    this.entries = capHistory(messages, this.#maxMessages);
    if (entry.local) this.#scrollToEnd = true;
    this.unread = nextUnread(this.unread, this.#visibility.seen, { change, local: entry.local });
    const { id, message, timestamp, from, identity } = entry;
    this.emit('lk-chat-message', { id, message, timestamp, from, identity });
  }

  #clear(): void {
    this.entries = [];
    this.unread = 0;
  }

  #fail(problem: Problem, code: LkErrorCode, message: string, cause?: unknown): void {
    this.problem = problem;
    this.reportError(cause === undefined ? { code, message } : { code, message, cause });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-chat': LkChat;
  }
}
