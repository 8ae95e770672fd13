import { html, LitElement, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import type { RemoteAudioTrack, RemoteParticipant } from 'livekit-client';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { VoiceAgentController } from '../../controllers/voice-agent.js';
import type { LkErrorDetail } from '../../core/errors.js';
import { enumParser, parseFlag } from '../../core/grammar.js';
import {
  AGENT_TIMEOUT,
  LAUNCHER_POSITIONS,
  agentState,
  isAgentPresentState,
  parseAgentTimeout,
  type LauncherPosition,
  type LkAgentState,
} from '../../core/voice-agent.js';
import { LkElement } from '../base.js';
import { LkRoomHost } from '../room-host.js';
import { closeIcon, voiceIcon } from '../track-toggle/icons.js';
import { styles } from './lk-voice-agent.styles.js';

const flag = { fromAttribute: parseFlag, toAttribute: (value: boolean) => (value ? '' : null) };
const parsePosition = enumParser(LAUNCHER_POSITIONS);

/** The failures the panel explains in words: no agent, no connection, no microphone. */
type Problem = 'agent' | 'connection' | 'microphone';

function problemOf(detail: LkErrorDetail): Problem | undefined {
  switch (detail.code) {
    case 'agent-unavailable':
      return 'agent';
    case 'token':
    case 'room-not-found':
    case 'server-unreachable':
    case 'timeout':
    case 'connection':
      return 'connection';
    case 'unsupported':
      // No WebRTC at all, or no way to capture the microphone.
      return /microphone/i.test(detail.message) ? 'microphone' : 'connection';
    case 'permission-denied':
    case 'device-not-found':
    case 'device-in-use':
    case 'publish-failed':
      return 'microphone';
    default:
      return undefined;
  }
}

/**
 * A voice conversation with a LiveKit Agents agent, for any page: a start button, then the agent's
 * voice as moving bars and its state in words, a microphone toggle and an end button, and captions
 * if asked for. It holds its own room session, as `<lk-room>` does, so every `<lk-room>` attribute,
 * property, method and event applies to it as they are.
 *
 * The room is joined when the person presses the start button (a user gesture, so the agent's
 * voice may play at once), or at once with `connect`. The token request asks the token endpoint to
 * dispatch the agent named by `agent-name` (`room_config.agents`). The microphone is published on
 * joining (`audio` is on by default here; `audio="false"` joins without it).
 *
 * The agent is the remote participant of kind `agent` that publishes for nobody else; its voice is
 * its microphone track, or that of an avatar worker publishing on its behalf
 * (`lk.publish_on_behalf`). Its `lk.agent.state` attribute becomes the element's `state`, reflected
 * for CSS: `disconnected`, `connecting` (joining, or joined and waiting for the agent),
 * `initializing`, `listening`, `thinking`, `speaking`. When no agent is in the room `agent-timeout`
 * seconds after joining (or after the agent left), the panel says so (`unavailable-label`), the
 * element reports `lk-error` `agent-unavailable` and leaves the room.
 *
 * Inline by default: the panel is part of the page. With `launcher`, a round button in a corner of
 * the window (`position`) opens and closes the panel (`aria-expanded`; Escape closes it and puts
 * the focus back on the button). Closing the panel does not end the conversation; the end button
 * does. Every button is at least 44 CSS px square.
 *
 * @summary A voice conversation with a LiveKit Agents agent: start, hear, see it speak, mute, end.
 * @tag lk-voice-agent
 *
 * @slot - Extra content at the end of the panel, inside the room (it can bind to the room like any `lk-*` element).
 * @slot start - Replaces the start button's text.
 *
 * @csspart launcher - The launcher button (with `launcher`).
 * @csspart launcher-icon - The icon on the launcher button.
 * @csspart panel - The panel: a non-modal dialog with `launcher`, a region otherwise.
 * @csspart header - The panel's title row (with `launcher`).
 * @csspart title - The panel's title (with `launcher`).
 * @csspart close - The button that closes the panel (with `launcher`).
 * @csspart visualizer - The `<lk-audio-visualizer>` of the agent's voice.
 * @csspart status - The agent's state in words (a polite live region).
 * @csspart message - Why the conversation did not start or ended (an alert), shown after a failure.
 * @csspart start - The start button.
 * @csspart controls - The row of the microphone toggle and the end button, while in the room.
 * @csspart microphone - The `<lk-microphone-toggle>`.
 * @csspart end - The `<lk-leave-button>` that ends the conversation.
 * @csspart transcript - The `<lk-transcript>` (with `captions`).
 *
 * @cssprop [--lk-voice-agent-width=22rem] - The panel's width (with `launcher`, at most the window's width less the margins).
 * @cssprop [--lk-voice-agent-offset=1rem] - The launcher's distance from the window's edges.
 * @cssprop [--lk-voice-agent-launcher-size=3.5rem] - The launcher button's size.
 * @cssprop [--lk-voice-agent-launcher-bg=var(--lk-accent-bg)] - The launcher button's background.
 * @cssprop [--lk-voice-agent-launcher-fg=var(--lk-accent-fg)] - The launcher button's icon colour.
 * @cssprop [--lk-voice-agent-visualizer-height=4rem] - The height of the bars at full level.
 * @cssprop [--lk-voice-agent-z-index=1000] - The launcher and its panel's stacking order.
 *
 * @fires lk-agent-state-changed - `{state}`: the agent's state changed (also reflected as `state`).
 * @fires lk-error - Besides the room's codes: `agent-unavailable` when no agent is in the room `agent-timeout` seconds after joining; `invalid-attribute` for `agent-timeout` or `position`.
 */
export class LkVoiceAgent extends LkRoomHost {
  static override properties: PropertyDeclarations = {
    state: { reflect: true },
    agentTimeout: { attribute: 'agent-timeout' },
    launcher: { converter: flag },
    position: {},
    open: { converter: flag, reflect: true },
    captions: { converter: flag },
    startLabel: { attribute: 'start-label' },
    endLabel: { attribute: 'end-label' },
    microphoneLabel: { attribute: 'microphone-label' },
    launcherLabel: { attribute: 'launcher-label' },
    closeLabel: { attribute: 'close-label' },
    connectingLabel: { attribute: 'connecting-label' },
    initializingLabel: { attribute: 'initializing-label' },
    listeningLabel: { attribute: 'listening-label' },
    thinkingLabel: { attribute: 'thinking-label' },
    speakingLabel: { attribute: 'speaking-label' },
    disconnectedLabel: { attribute: 'disconnected-label' },
    unavailableLabel: { attribute: 'unavailable-label' },
    connectionErrorLabel: { attribute: 'connection-error-label' },
    microphoneErrorLabel: { attribute: 'microphone-error-label' },
    problem: { state: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['connectionState', 'state'];

  static override styles = [LkElement.styles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions };

  /** The agent's state, reflected for CSS (`lk-voice-agent[state=speaking]`). Read-only. @readonly */
  state: LkAgentState = 'disconnected';

  /**
   * How long to wait for the agent after joining, in seconds (`20`, `7.5`, `20s`); `0` or `none`
   * waits for ever. Default 20.
   */
  agentTimeout?: string | number;

  /** A corner button that opens the panel, instead of the panel in the page. */
  launcher = false;

  /** The launcher's corner: `bottom-right` (default) or `bottom-left`. */
  position?: string;

  /** The launcher's panel is open. Reflected. Without `launcher` the panel always shows. */
  open = false;

  /** Show the conversation as text: an `<lk-transcript mode="transcript">` in the panel. */
  captions = false;

  /** The start button's text. Default: "Start conversation" in the page's language. */
  startLabel?: string;
  /** The end button's text. Default: "End" in the page's language. */
  endLabel?: string;
  /** The microphone toggle's text (absent: its own, "Microphone"). */
  microphoneLabel?: string;
  /** The launcher button's accessible name and the panel's title. Default: "Voice assistant" in the page's language. */
  launcherLabel?: string;
  /** The launcher panel's close button's name. Default: "Close" in the page's language. */
  closeLabel?: string;
  /** The status while connecting. Default: "Connecting…" in the page's language. */
  connectingLabel?: string;
  /** The status while the agent initializes. Default: "The agent is getting ready…" in the page's language. */
  initializingLabel?: string;
  /** The status while the agent listens. Default: "Listening" in the page's language. */
  listeningLabel?: string;
  /** The status while the agent thinks. Default: "Thinking…" in the page's language. */
  thinkingLabel?: string;
  /** The status while the agent speaks. Default: "Speaking" in the page's language. */
  speakingLabel?: string;
  disconnectedLabel = '';
  /** Shown when no agent joined within `agent-timeout`. Default: "The agent is not available right now. Please try again later." in the page's language. */
  unavailableLabel?: string;
  /** Shown when the room could not be joined. Default: "Could not connect. Please try again." in the page's language. */
  connectionErrorLabel?: string;
  /** Shown when the microphone could not be used. Default: "The microphone could not be used. Check that this page may use it." in the page's language. */
  microphoneErrorLabel?: string;

  private problem?: Problem;

  #agent = new VoiceAgentController(this);
  #attrs = new AttributeParser(this);
  #timeoutMs: number = AGENT_TIMEOUT.default * 1000;
  #position: LauncherPosition = 'bottom-right';
  #timer?: ReturnType<typeof setTimeout>;
  #announced?: LkAgentState;

  constructor() {
    super();
    // A voice conversation publishes the microphone unless told otherwise.
    this.audio = true;
  }

  /** The agent participant (a livekit-client `RemoteParticipant`), while it is in the room. Read-only. @readonly */
  get agentParticipant(): RemoteParticipant | undefined {
    return this.#agent.agent;
  }

  /** The agent's voice (a livekit-client `RemoteAudioTrack`), once subscribed. Read-only. @readonly */
  get agentTrack(): RemoteAudioTrack | undefined {
    return this.#agent.voice;
  }

  /**
   * Starts the conversation: unblocks audio playback (call it from a user's click), joins the room
   * and publishes the microphone. Resolves once connected; rejects with the cause of a failure,
   * which is also emitted as `lk-error`.
   */
  start(): Promise<void> {
    this.problem = undefined;
    const room = this.livekitRoom;
    // Inside the click: the agent's voice may play as soon as it arrives.
    void room.startAudio().catch(() => {
      /* <lk-start-audio> offers the button when the browser still blocks playback */
    });
    return this.join();
  }

  /** Ends the conversation: leaves the room (as `leave()`). */
  end(): Promise<void> {
    return this.leave();
  }

  override reportError(detail: LkErrorDetail): void {
    const problem = problemOf(detail);
    if (problem) this.problem = problem;
    super.reportError(detail);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Back in the page (or moved): the wait for the agent resumes at the next update.
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopTimer();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#timeoutMs = this.#attrs.parse('agent-timeout', this.agentTimeout, parseAgentTimeout, AGENT_TIMEOUT.default * 1000);
    this.#position = this.#attrs.parse('position', this.position, parsePosition, 'bottom-right');
    this.#attrs.report();
  }

  // The session changes `connectionState` in its controller's hostUpdate, after willUpdate: the
  // state is worked out here, where every controller has run, so it shows in this very update.
  protected override update(changed: PropertyValues): void {
    const room = this.session.room;
    this.#agent.room = room;
    // A failure explained in the panel is over once what failed works after all.
    if (this.problem === 'connection' && this.connectionState === 'connected') this.problem = undefined;
    if (this.problem === 'microphone' && room?.localParticipant.isMicrophoneEnabled) this.problem = undefined;
    const state = agentState({ connection: this.connectionState, agentPresent: !!this.#agent.agent, said: this.#agent.said, previous: this.state });
    if (state !== this.state) this.state = state;
    super.update(changed);
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.state !== this.#announced) {
      const first = this.#announced === undefined;
      this.#announced = this.state;
      if (!first) this.emit('lk-agent-state-changed', { state: this.state });
    }
    this.#watchForAgent();
  }

  /** Waits `agent-timeout` while the room is joined and no agent is in it. */
  #watchForAgent(): void {
    const waiting = this.connectionState === 'connected' && !this.#agent.agent && Number.isFinite(this.#timeoutMs);
    if (!waiting) return this.#stopTimer();
    if (this.#timer !== undefined) return;
    const ms = this.#timeoutMs;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      if (this.connectionState !== 'connected' || this.#agent.agent) return;
      const name = this.agentName ? `"${this.agentName}"` : 'an agent';
      this.reportError({ code: 'agent-unavailable', message: `no agent joined the room within ${ms / 1000} s (waiting for ${name}); leaving the room.` });
      void this.leave();
    }, ms);
  }

  #stopTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }

  protected override render() {
    return this.launcher ? this.#launcher() : this.#panel();
  }

  #launcher() {
    return html`<div class="corner ${this.#position}" @keydown=${this.#onKeydown}>
      <button
        part="launcher"
        class="launcher"
        type="button"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls="panel"
        aria-label=${this.launcherLabel ?? this.i18n.t('voiceAssistant')}
        @click=${this.#toggle}
      >
        <span class="launcher-icon">${voiceIcon()}</span>
      </button>
      ${this.#panel()}
    </div>`;
  }

  #panel() {
    const launcher = this.launcher;
    const inRoom = this.state !== 'disconnected' || this.connect;
    const message = this.#message();
    return html`<section
      id="panel"
      part="panel"
      class="panel"
      role=${launcher ? 'dialog' : 'region'}
      aria-label=${this.launcherLabel ?? this.i18n.t('voiceAssistant')}
      ?hidden=${launcher && !this.open}
    >
      ${launcher
        ? html`<div part="header" class="header">
            <span part="title" class="title">${this.launcherLabel ?? this.i18n.t('voiceAssistant')}</span>
            <button part="close" class="close" type="button" aria-label=${this.closeLabel ?? this.i18n.t('close')} @click=${this.#close}>${closeIcon()}</button>
          </div>`
        : nothing}
      <lk-audio-visualizer part="visualizer" class="visualizer" bars="7" .track=${this.#agent.voice}></lk-audio-visualizer>
      <p part="status" class="status" role="status">${this.#stateLabel()}</p>
      ${message ? html`<p part="message" class="message" role="alert">${message}</p>` : nothing}
      ${inRoom
        ? html`<div part="controls" class="controls">
            <lk-microphone-toggle part="microphone" label=${this.microphoneLabel ?? nothing}></lk-microphone-toggle>
            <lk-leave-button part="end" label=${this.endLabel ?? this.i18n.t('end')}></lk-leave-button>
          </div>`
        : html`<button part="start" class="start" type="button" @click=${this.#onStart}>
            ${voiceIcon()}<slot name="start">${this.startLabel ?? this.i18n.t('startConversation')}</slot>
          </button>`}
      ${this.captions && inRoom ? html`<lk-transcript part="transcript" class="transcript" mode="transcript"></lk-transcript>` : nothing}
      <lk-audio-renderer></lk-audio-renderer>
      <lk-start-audio></lk-start-audio>
      <slot></slot>
    </section>`;
  }

  #stateLabel(): string {
    switch (this.state) {
      case 'connecting':
        return this.connectingLabel ?? this.i18n.t('connecting');
      case 'initializing':
        return this.initializingLabel ?? this.i18n.t('agentInitializing');
      case 'listening':
        return this.listeningLabel ?? this.i18n.t('listening');
      case 'thinking':
        return this.thinkingLabel ?? this.i18n.t('thinking');
      case 'speaking':
        return this.speakingLabel ?? this.i18n.t('speaking');
      default:
        return this.disconnectedLabel;
    }
  }

  #message(): string | undefined {
    // A failure stays explained until the next start, or until the agent is there after all.
    if (!this.problem || isAgentPresentState(this.state)) return undefined;
    if (this.problem === 'agent') return this.unavailableLabel ?? this.i18n.t('agentUnavailable');
    if (this.problem === 'microphone') return this.microphoneErrorLabel ?? this.i18n.t('microphoneError');
    return this.state === 'disconnected' || this.state === 'connecting' ? (this.connectionErrorLabel ?? this.i18n.t('connectionError')) : undefined;
  }

  #onStart = (): void => {
    this.start().catch(() => {
      /* reported as lk-error and shown in the panel */
    });
  };

  #toggle = (): void => {
    this.open = !this.open;
    if (this.open) void this.updateComplete.then(() => this.#focusPanel());
  };

  #close = (): void => {
    this.open = false;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('.launcher')?.focus());
  };

  #onKeydown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || !this.launcher || !this.open) return;
    event.stopPropagation();
    this.#close();
  };

  /** Opening the panel puts the focus on its first control: start, or the microphone toggle. */
  #focusPanel(): void {
    const find = (selector: string) => this.renderRoot.querySelector<HTMLElement>(selector);
    (find('.start') ?? find('.controls lk-microphone-toggle') ?? find('.close'))?.focus();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-voice-agent': LkVoiceAgent;
  }
}
