import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { AttributeParser } from '../../controllers/attribute-parser.js';
import { TranscriptionsController } from '../../controllers/transcriptions.js';
import { DEFAULT_CONTROLS, parseControls, type ConferenceControl } from '../../core/conference.js';
import { parseCaptions, type CaptionsSetting } from '../../core/transcription.js';
import { LkElement } from '../base.js';
import { LkRoomHost } from '../room-host.js';
import { captionsIcon, chatIcon } from '../track-toggle/icons.js';
import { styles } from './lk-conference.styles.js';

/**
 * A whole conference in one tag: the participant grid (a screen share shown large), a control bar
 * (microphone, camera, device pickers, camera flip, screen share, chat, leave), the chat panel, remote
 * audio, the start-audio prompt, a connection notice, and a recording notice over the top of the grid
 * while the room is being recorded. It holds its own room session, as
 * `<lk-room>` does: every `<lk-room>` attribute, property, method and event applies to it as they are.
 *
 * Narrower than 40rem (a phone held upright) the control bar shows icons only (each label stays
 * as the control's accessible name) and leaves the device pickers out, and the chat panel opens
 * over the grid instead of beside it. The camera flip shows where `<lk-camera-flip>` does: two or
 * more cameras, or a touch screen. With a coarse pointer every control is at least 44 CSS px.
 *
 * Live captions: once a transcription arrives in the room (an agent's `lk.transcription` text
 * streams, see docs/captions.md), a captions button appears in the control bar; it shows an
 * `<lk-transcript mode="captions">` over the participants. `captions="always"` shows the button
 * from the start, `captions="off"` never (and leaves the room's `lk.transcription` topic to the
 * page); `captions-open` turns the captions on.
 *
 * Attributes reshape it without replacing pieces: `controls` picks the controls of the bar (and
 * leaving `chat` out removes the chat altogether); `layout`, `page-size` and `sort` are
 * passed on to its `<lk-participants>`.
 *
 * @summary The whole conference UI over one room.
 * @tag lk-conference
 *
 * @slot - Extra content, inside the room (it can bind to the room like any `lk-*` element).
 * @slot participants - Replaces the participant grid (for example an `<lk-participants>` with a `<template>`).
 * @slot chat - Replaces the chat in the chat panel (for example an `<lk-chat>` with other labels); there is no panel without `chat` in `controls`.
 * @slot control-bar - Replaces the control bar, whatever `controls` says; the elements in it bind to this room.
 * @slot notice - Replaces the connection notice.
 * @slot start-audio - Replaces the start-audio prompt.
 *
 * @csspart layout - The grid and the chat panel.
 * @csspart participants - The `<lk-participants>` grid.
 * @csspart chat-panel - The panel around `<lk-chat>`.
 * @csspart chat - The `<lk-chat>`.
 * @csspart control-bar - The default control bar (`role="toolbar"`), absent when `controls` picks none.
 * @csspart control - Each control in the default control bar.
 * @csspart device-select - The device pickers in the default control bar.
 * @csspart chat-toggle - The button that shows and hides the chat.
 * @csspart chat-icon - The icon on the chat button.
 * @csspart unread - The unread message count on the chat button.
 * @csspart captions-toggle - The button that shows and hides the captions (once a transcription arrived, or with `captions="always"`).
 * @csspart captions-icon - The icon on the captions button.
 * @csspart captions - The `<lk-transcript mode="captions">` over the participants, while the captions are on.
 * @csspart recording - The `<lk-recording-indicator>` at the top of the participants: visible while the room is being recorded.
 * @csspart notice - The connection notice, shown while not connected.
 * @cssprop [--lk-conference-height=100%] - The height of the conference.
 * @cssprop [--lk-conference-chat-width=20rem] - The width of the chat panel.
 */
export class LkConference extends LkRoomHost {
  static override properties: PropertyDeclarations = {
    chatOpen: { type: Boolean, reflect: true, attribute: 'chat-open' },
    chatLabel: { attribute: 'chat-label' },
    captions: {},
    captionsOpen: { type: Boolean, reflect: true, attribute: 'captions-open' },
    captionsLabel: { attribute: 'captions-label' },
    controlsLabel: { attribute: 'controls-label' },
    controls: {},
    layout: {},
    pageSize: { attribute: 'page-size' },
    sort: {},
    unread: { state: true },
  };

  static override styles = [LkElement.styles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions };

  /** Show the chat panel. Reflected. */
  chatOpen = false;

  /** The chat button's text. Default: "Chat" in the page's language. */
  chatLabel?: string;
  /** The control bar's accessible name. Default: "Call controls" in the page's language. */
  controlsLabel?: string;
  /** The captions button's text and the captions' accessible name. Default: "Captions" in the page's language. */
  captionsLabel?: string;

  /**
   * When the captions button shows: `auto` (the default) once a transcription arrived in the room,
   * `always` from the start, `off` never (and the conference does not receive transcriptions).
   */
  captions?: string;

  /** Show the captions over the participants. Reflected. */
  captionsOpen = false;

  /**
   * The controls of the default control bar: a list of `microphone`, `camera`, `devices` (both
   * device pickers), `flip` (the camera flip), `screenshare`, `chat`, `leave`, separated by spaces
   * or commas. The list picks; the bar keeps its own order (each picker beside its toggle, leave
   * last). Leaving `chat` out removes the chat button and the chat panel with its `<lk-chat>` (and
   * the `chat` slot). An empty value or `none`: no control bar (the `control-bar` slot still
   * replaces it). Absent: every control. An unknown word gives `lk-error` `invalid-attribute` (naming
   * the word and the accepted list) and every control.
   */
  controls?: string;

  /**
   * Passed on to the `<lk-participants>` as its `layout` (absent: `focus`). `layout`, `page-size`
   * and `sort` are passed on as they are written: the `<lk-participants>` reads them and
   * reports a value it does not take (an `lk-error` that reaches the conference).
   */
  layout?: string;

  /** Passed on to the `<lk-participants>` as its `page-size` when set. */
  pageSize?: string;

  /** Passed on to the `<lk-participants>` as its `sort` when set. */
  sort?: string;


  private unread = 0;

  #attrs = new AttributeParser(this);
  #controls: ReadonlySet<ConferenceControl> = DEFAULT_CONTROLS;
  #captions: CaptionsSetting = 'auto';
  #transcriptions = new TranscriptionsController(this, () => this.session, {
    enabled: () => this.#captions !== 'off',
    // The bar changes only when the first segment arrives or the list empties.
    onChange: (previous, next) => (previous.length === 0) !== (next.length === 0),
  });

  protected override willUpdate(changed: Map<PropertyKey, unknown>): void {
    super.willUpdate(changed);
    this.#controls = this.#attrs.parse('controls', this.controls, parseControls, DEFAULT_CONTROLS);
    this.#captions = this.#attrs.parse('captions', this.captions, parseCaptions, 'auto');
    this.#attrs.report();
    // Without the chat, nothing counts its messages.
    if (!this.#controls.has('chat')) this.unread = 0;
  }

  protected override render() {
    const connected = this.connectionState === 'connected';
    const chat = this.#controls.has('chat');
    const captions = this.captionsOpen && this.#captions !== 'off';
    return html`
      <div part="layout">
        <lk-recording-indicator part="recording"></lk-recording-indicator>
        ${captions ? html`<lk-transcript part="captions" mode="captions" label=${this.captionsLabel ?? this.i18n.t('captions')}></lk-transcript>` : nothing}
        <slot name="participants"
          ><lk-participants
            part="participants"
            layout=${this.layout ?? 'focus'}
            page-size=${ifDefined(this.pageSize)}
            sort=${ifDefined(this.sort)}
            sources="camera,screen_share"
          ></lk-participants
        ></slot>
        ${chat
          ? html`<aside part="chat-panel" ?hidden=${!this.chatOpen} @lk-chat-message=${this.#onMessage}>
              <slot name="chat"><lk-chat part="chat"></lk-chat></slot>
            </aside>`
          : nothing}
      </div>
      <slot name="notice">
        <div part="notice" ?hidden=${connected}><lk-connection-state></lk-connection-state></div>
      </slot>
      <slot name="control-bar">${this.#controls.size > 0 ? this.#controlBar(this.#controls) : nothing}</slot>
      <lk-audio-renderer></lk-audio-renderer>
      <slot name="start-audio"><lk-start-audio></lk-start-audio></slot>
      <slot></slot>
    `;
  }

  /** The default control bar with the controls picked, in its own order. */
  #controlBar(controls: ReadonlySet<ConferenceControl>) {
    const has = (control: ConferenceControl) => controls.has(control);
    return html`<div part="control-bar" role="toolbar" aria-label=${this.controlsLabel ?? this.i18n.t('callControls')}>
      ${has('microphone') ? html`<lk-microphone-toggle part="control"></lk-microphone-toggle>` : nothing}
      ${has('devices') ? html`<lk-device-select part="device-select" kind="audioinput"></lk-device-select>` : nothing}
      ${has('camera') ? html`<lk-camera-toggle part="control"></lk-camera-toggle>` : nothing}
      ${has('devices') ? html`<lk-device-select part="device-select" kind="videoinput"></lk-device-select>` : nothing}
      ${has('flip') ? html`<lk-camera-flip part="control"></lk-camera-flip>` : nothing}
      ${has('screenshare') ? html`<lk-screenshare part="control"></lk-screenshare>` : nothing}
      ${this.#showCaptionsToggle()
        ? html`<button part="captions-toggle" type="button" aria-pressed=${this.captionsOpen ? 'true' : 'false'} @click=${this.#toggleCaptions}>
            ${captionsIcon()}<span class="label">${this.captionsLabel ?? this.i18n.t('captions')}</span>
          </button>`
        : nothing}
      ${has('chat')
        ? html`<button part="chat-toggle" type="button" aria-pressed=${this.chatOpen ? 'true' : 'false'} @click=${this.#toggleChat}>
            ${chatIcon()}<span class="label">${this.chatLabel ?? this.i18n.t('chat')}</span>${this.unread && !this.chatOpen ? html` <span part="unread">${this.unread}</span>` : nothing}
          </button>`
        : nothing}
      ${has('leave') ? html`<lk-leave-button part="control"></lk-leave-button>` : nothing}
    </div>`;
  }

  /** The captions button: once a transcription arrived (`auto`), always, or never (`off`); kept while the captions are on. */
  #showCaptionsToggle(): boolean {
    if (this.#captions === 'off') return false;
    return this.#captions === 'always' || this.captionsOpen || this.#transcriptions.segments.length > 0;
  }

  #toggleCaptions = (): void => {
    this.captionsOpen = !this.captionsOpen;
  };

  #toggleChat = (): void => {
    this.chatOpen = !this.chatOpen;
    if (this.chatOpen) this.unread = 0;
  };

  // The chat counts what arrives while it cannot be seen (its panel closed).
  #onMessage = (event: Event): void => {
    this.unread = this.chatOpen ? 0 : (event.target as HTMLElementTagNameMap['lk-chat']).unread;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-conference': LkConference;
  }
}
