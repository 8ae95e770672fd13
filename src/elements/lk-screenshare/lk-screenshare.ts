import { css, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { Track, type Room } from 'livekit-client';
import { canShareScreen } from '../../core/support.js';
import { SCREEN_SHARE_ATTRIBUTES, mapScreenShareAttributes, screenShareOptions, type ScreenShareDraft } from '../../core/track-options.js';
import { screenIcon } from '../track-toggle/icons.js';
import { LkTrackToggle } from '../track-toggle/track-toggle.js';

/**
 * Starts and stops sharing the screen. Stopping from the browser's own "stop sharing" button
 * un-presses it too. The attributes choose what is captured and how it is published. A share that
 * was on when the room lost its connection is not restarted when the room is back (browsers need a
 * new click to capture the screen): the element says so next to its button until shared again.
 * Hidden where the browser cannot capture a screen at all (iOS and iPadOS: no `getDisplayMedia`).
 *
 * @csspart notice - The note that sharing stopped with the lost connection.
 *
 * @summary A button for screen sharing.
 * @tag lk-screenshare
 *
 * @attr {tri} audio - Share the tab's or system's audio too.
 * @attr {resolution} resolution - A `ScreenSharePresets` name (`h1080fps15`), a `VideoPresets` name, `WxH` or `WxH@fps`.
 * @attr {bitrate} max-bitrate - Screen-share bitrate.
 * @attr {framerate} max-framerate - Screen-share frame rate.
 * @attr {'detail'|'text'|'motion'} content-hint - What the encoder should favour.
 * @attr {layers} simulcast-layers - Up to two lower layers; also `ScreenSharePresets` names.
 * @attr {'monitor'|'window'|'browser'} surface - The surface the picker offers first.
 * @attr {tri} prefer-current-tab - Offer the current tab first.
 */
export class LkScreenShare extends LkTrackToggle {
  static override properties: PropertyDeclarations = {
    interruptedLabel: { attribute: 'interrupted-label' },
  };

  static override styles = [
    ...LkTrackToggle.styles,
    css`
      [part='notice'] {
        display: block;
        font-size: 0.85em;
        color: var(--lk-warning, #f59e0b);
      }
    `,
  ];

  /** Shown when a share stopped with a lost connection, until the person shares again. Default: "Screen sharing stopped when the connection dropped. Press to share again." in the page's language. */
  interruptedLabel?: string;

  protected static override overrideAttributes = SCREEN_SHARE_ATTRIBUTES.map((a) => a.name);
  protected readonly labelKey = 'shareScreen';
  #overrides?: ScreenShareDraft;

  constructor() {
    super(Track.Source.ScreenShare);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!canShareScreen(globalThis)) this.hidden = true;
  }

  protected override render() {
    const interrupted = !!this.session?.screenShareInterrupted && !this.local.enabled;
    return html`${super.render()}${interrupted ? html`<span part="notice" role="status">${this.interruptedLabel ?? this.i18n.t('screenShareInterrupted')}</span>` : nothing}`;
  }

  protected icon(on: boolean) {
    return screenIcon(!on);
  }

  protected readOverrides() {
    const { errors, ...overrides } = mapScreenShareAttributes((name) => this.getAttribute(name));
    this.#overrides = overrides;
    return errors;
  }

  protected async setEnabled(room: Room, enabled: boolean) {
    const { capture, publish } = screenShareOptions(room.options, this.#overrides ?? { capture: {}, publish: {} });
    await room.localParticipant.setScreenShareEnabled(enabled, capture, publish);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-screenshare': LkScreenShare;
  }
}
