import { css, html, LitElement, nothing, type PropertyDeclarations } from 'lit';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { leaveIcon } from '../track-toggle/icons.js';
import { buttonStyles } from '../track-toggle/button.styles.js';

/**
 * Leaves the room: disconnects it, stops its local tracks and clears its `connect` (the room's
 * `lk-disconnected` reports a client-initiated reason). Disabled while the room is neither connected
 * nor trying to connect, and in a browser without WebRTC, whose reason is then its `title`.
 *
 * @summary A button that leaves the room.
 * @tag lk-leave-button
 *
 * @slot - The label (default: an icon and "Leave" in the page's language).
 * @slot icon - Replaces the default icon.
 * @csspart button - The native button.
 * @csspart icon - The default icon.
 * @csspart label - The default text.
 * @cssprop [--lk-leave-button-bg=#c81e1e] - The button's background.
 * @cssprop [--lk-leave-button-fg=#fff] - The button's text colour.
 * @cssprop [--lk-leave-button-hover-bg=#a51818] - The background under the pointer.
 */
export class LkLeaveButton extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    label: {},
  };

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [
    LkElement.styles,
    buttonStyles,
    css`
      button:not(:disabled) {
        background: var(--lk-leave-button-bg, #c81e1e);
        color: var(--lk-leave-button-fg, #fff);
        border-color: transparent;
      }
      button:hover:not(:disabled) {
        background: var(--lk-leave-button-hover-bg, #a51818);
      }
    `,
  ];


  /** Replaces the default text. */
  label?: string;

  protected override render() {
    // Enabled while the room is in, or trying to get in: leaving also stops its retries.
    const unsupported = this.unsupported;
    const active = !unsupported && (this.binding.state !== 'disconnected' || !!this.session?.connect);
    return html`<button part="button" type="button" title=${unsupported ?? nothing} ?disabled=${!active} @click=${this.#leave}>
      <slot name="icon">${leaveIcon()}</slot>
      <slot><span part="label">${this.label ?? this.i18n.t('leave')}</span></slot>
    </button>`;
  }

  #leave = async (): Promise<void> => {
    await this.session?.leave();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-leave-button': LkLeaveButton;
  }
}
