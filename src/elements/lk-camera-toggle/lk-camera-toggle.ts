import { Track, type Room } from 'livekit-client';
import { BACKGROUND_ACCEPTED, parseBackground, type BackgroundEffect } from '../../core/background.js';
import { InvalidValue } from '../../core/grammar.js';
import { CAMERA_ATTRIBUTES, cameraOptions, mapCameraAttributes, unsendableCodecWarning, videoSenderCodecs, type CameraDraft } from '../../core/track-options.js';
import { cameraIcon } from '../track-toggle/icons.js';
import { LkTrackToggle } from '../track-toggle/track-toggle.js';

/**
 * Turns the local camera on and off. Off mutes the publication (others see it muted) and stops the
 * capture, so the camera light goes out. The attributes override the room's capture and publish
 * defaults for this camera.
 *
 * @summary A button for the camera.
 * @tag lk-camera-toggle
 *
 * @attr {resolution} resolution - Capture size: a preset (`h720`), `WxH`, or `WxH@fps`.
 * @attr {framerate} framerate - Capture frame rate.
 * @attr {'user'|'environment'|'left'|'right'} facing-mode - Which camera.
 * @attr {string} device - Camera device id.
 * @attr {bitrate} max-bitrate - Top layer bitrate (`1.2M`, `800k`).
 * @attr {framerate} max-framerate - Top layer frame rate.
 * @attr {tri} simulcast - Simulcast on or off.
 * @attr {layers} simulcast-layers - Up to two lower layers (`h180,h360`).
 * @attr {'vp8'|'h264'|'vp9'|'av1'|'h265'} codec - Video codec (a console warning when this browser cannot send it).
 * @attr {background} background - The camera's background effect when this button turns it on: `blur`, `blur:N`, `url(<image>)` or `none`, over the room's `background` (whose assets it uses).
 */
export class LkCameraToggle extends LkTrackToggle {
  protected static override overrideAttributes = [...CAMERA_ATTRIBUTES.map((a) => a.name), 'background'];
  protected readonly labelKey = 'camera';
  #overrides?: CameraDraft;
  #background?: BackgroundEffect;

  constructor() {
    super(Track.Source.Camera);
  }

  protected icon(on: boolean) {
    return cameraIcon(!on);
  }

  protected readOverrides() {
    const { errors, ...overrides } = mapCameraAttributes((name) => this.getAttribute(name));
    this.#overrides = overrides;
    const background = this.getAttribute('background');
    this.#background = undefined;
    if (background === null) return errors;
    try {
      this.#background = parseBackground(background);
      return errors;
    } catch (err) {
      if (!(err instanceof InvalidValue)) throw err;
      return [...errors, { attribute: 'background', value: background, accepted: BACKGROUND_ACCEPTED, message: `background="${background}": ${err.message}` }];
    }
  }

  protected async setEnabled(room: Room, enabled: boolean) {
    const { capture, publish } = cameraOptions(room.options, this.#overrides ?? { capture: {}, publish: {} });
    const warning = enabled ? unsendableCodecWarning(this.#overrides?.publish.videoCodec ? 'codec' : 'video-codec', publish.videoCodec, videoSenderCodecs()) : undefined;
    if (warning) this.warn(warning);
    if (enabled && this.session) this.session.background.control = this.#background;
    await room.localParticipant.setCameraEnabled(enabled, capture, publish);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-camera-toggle': LkCameraToggle;
  }
}
