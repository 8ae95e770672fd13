import { html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { LkElement } from '../base.js';
import { LkRoomHost } from '../room-host.js';
import { chatIcon } from '../track-toggle/icons.js';
import { styles } from './lk-conference.styles.js';

/**
 * A whole conference in one tag: the participant grid (a screen share shown large), a control bar
 * (microphone, camera, device pickers, camera flip, screen share, chat, leave), the chat panel, remote
 * audio, the start-audio prompt and a connection notice. It holds its own room session, as
 * `<lk-room>` does: every `<lk-room>` attribute, property, method and event applies to it as they are.
 *
 * Narrower than 40rem (a phone held upright) the control bar shows icons only (each label stays
 * as the control's accessible name) and leaves the device pickers out, and the chat panel opens
 * over the grid instead of beside it. The camera flip shows where `<lk-camera-flip>` does: two or
 * more cameras, or a touch screen. With a coarse pointer every control is at least 44 CSS px.
 *
 * @summary The whole conference UI over one room.
 * @tag lk-conference
 *
 * @slot - Extra content, inside the room (it can bind to the room like any `lk-*` element).
 * @slot participants - Replaces the participant grid (for example an `<lk-participants>` with a `<template>`).
 * @slot chat - Replaces the chat in the chat panel (for example an `<lk-chat>` with other labels).
 * @slot control-bar - Replaces the control bar; the elements in it bind to this room.
 * @slot notice - Replaces the connection notice.
 * @slot start-audio - Replaces the start-audio prompt.
 *
 * @csspart layout - The grid and the chat panel.
 * @csspart participants - The `<lk-participants>` grid.
 * @csspart chat-panel - The panel around `<lk-chat>`.
 * @csspart chat - The `<lk-chat>`.
 * @csspart control-bar - The default control bar (`role="toolbar"`).
 * @csspart control - Each control in the default control bar.
 * @csspart device-select - The device pickers in the default control bar.
 * @csspart chat-toggle - The button that shows and hides the chat.
 * @csspart chat-icon - The icon on the chat button.
 * @csspart unread - The unread message count on the chat button.
 * @csspart notice - The connection notice, shown while not connected.
 * @cssprop [--lk-conference-height=100%] - The height of the conference.
 * @cssprop [--lk-conference-chat-width=20rem] - The width of the chat panel.
 */
export class LkConference extends LkRoomHost {
  static override properties: PropertyDeclarations = {
    chatOpen: { type: Boolean, reflect: true, attribute: 'chat-open' },
    chatLabel: { attribute: 'chat-label' },
    controlsLabel: { attribute: 'controls-label' },
    unread: { state: true },
  };

  static override styles = [LkElement.styles, styles];
  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions };

  /** Show the chat panel. Reflected. */
  chatOpen = false;

  /** Labels, for localisation. */
  chatLabel = 'Chat';
  controlsLabel = 'Call controls';

  private unread = 0;

  protected override render() {
    const connected = this.connectionState === 'connected';
    return html`
      <div part="layout">
        <slot name="participants"><lk-participants part="participants" layout="focus" sources="camera,screen_share"></lk-participants></slot>
        <aside part="chat-panel" ?hidden=${!this.chatOpen} @lk-chat-message=${this.#onMessage}>
          <slot name="chat"><lk-chat part="chat"></lk-chat></slot>
        </aside>
      </div>
      <slot name="notice">
        <div part="notice" ?hidden=${connected}><lk-connection-state></lk-connection-state></div>
      </slot>
      <slot name="control-bar">
        <div part="control-bar" role="toolbar" aria-label=${this.controlsLabel}>
          <lk-microphone-toggle part="control"></lk-microphone-toggle>
          <lk-device-select part="device-select" kind="audioinput"></lk-device-select>
          <lk-camera-toggle part="control"></lk-camera-toggle>
          <lk-device-select part="device-select" kind="videoinput"></lk-device-select>
          <lk-camera-flip part="control"></lk-camera-flip>
          <lk-screenshare part="control"></lk-screenshare>
          <button part="chat-toggle" type="button" aria-pressed=${this.chatOpen ? 'true' : 'false'} @click=${this.#toggleChat}>
            ${chatIcon()}<span class="label">${this.chatLabel}</span>${this.unread && !this.chatOpen ? html` <span part="unread">${this.unread}</span>` : nothing}
          </button>
          <lk-leave-button part="control"></lk-leave-button>
        </div>
      </slot>
      <lk-audio-renderer></lk-audio-renderer>
      <slot name="start-audio"><lk-start-audio></lk-start-audio></slot>
      <slot></slot>
    `;
  }

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
