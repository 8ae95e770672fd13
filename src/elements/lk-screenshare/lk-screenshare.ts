import { Track, type Room } from 'livekit-client';
import { SCREEN_SHARE_ATTRIBUTES, mapScreenShareAttributes, screenShareOptions, type ScreenShareDraft } from '../../core/track-options.js';
import { screenIcon } from '../track-toggle/icons.js';
import { LkTrackToggle } from '../track-toggle/track-toggle.js';

/**
 * Starts and stops sharing the screen. Stopping from the browser's own "stop sharing" button
 * un-presses it too. The attributes choose what is captured and how it is published.
 *
 * @summary A button for screen sharing.
 * @tag lk-screenshare
 *
 * @attr {tri} audio - Share the tab's or system's audio too.
 * @attr {resolution} resolution - A `ScreenSharePresets` name (`h1080fps15`), a `VideoPresets` name, `WxH` or `WxH@fps`.
 * @attr {bitrate} max-bitrate - Screen-share bitrate.
 * @attr {number} max-framerate - Screen-share frame rate.
 * @attr {'detail'|'text'|'motion'} content-hint - What the encoder should favour.
 * @attr {layers} simulcast-layers - Up to two lower layers; also `ScreenSharePresets` names.
 * @attr {'monitor'|'window'|'browser'} surface - The surface the picker offers first.
 * @attr {tri} prefer-current-tab - Offer the current tab first.
 */
export class LkScreenShare extends LkTrackToggle {
  protected static override overrideAttributes = SCREEN_SHARE_ATTRIBUTES.map((a) => a.name);
  protected readonly sourceName = 'Share screen';
  #overrides?: ScreenShareDraft;

  constructor() {
    super(Track.Source.ScreenShare);
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
