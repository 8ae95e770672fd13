import { html, LitElement, type PropertyDeclarations } from 'lit';
import { Track, type Room } from 'livekit-client';
import { LocalTrackController } from '../../controllers/local-track.js';
import { MediaDevicesController } from '../../controllers/media-devices.js';
import { MediaQueryController } from '../../controllers/media-query.js';
import { nextDeviceId, nextFacingMode, offersCameraFlip, type FacingMode } from '../../core/devices.js';
import { classifyMediaError } from '../../core/errors.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { buttonStyles } from '../track-toggle/button.styles.js';
import { flipIcon } from '../track-toggle/icons.js';

/**
 * Switches the published camera between the front and the back one by restarting the track: the
 * publication stays, others see no interruption beyond a few frames. Shown where the browser lists
 * two or more cameras, or where the primary pointer is coarse (phones and tablets, which have a
 * front and a back camera as a rule but list one before the camera permission); hidden otherwise.
 * On cameras that report no facing mode (most desktops), it moves to the next camera instead.
 *
 * @summary A button that flips between the front and back camera.
 * @tag lk-camera-flip
 *
 * @slot - The label (default: an icon and "Flip camera" in the page's language).
 * @slot icon - Replaces the default icon.
 * @csspart button - The native button.
 * @csspart icon - The default icon.
 * @csspart label - The default text.
 * @fires lk-error - When the camera cannot be restarted: `permission-denied`, `device-not-found`, `device-in-use`, `publish-failed`.
 */
export class LkCameraFlip extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    label: {},
    facingMode: { attribute: 'facing-mode', reflect: true },
    pending: { type: Boolean, reflect: true },
  };

  /** @internal */
  protected static override readonly readOnlyProperties: readonly string[] = ['facingMode', 'pending'];

  static override shadowRootOptions: ShadowRootInit = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [LkElement.styles, buttonStyles];


  /** Replaces the default text. */
  label?: string;

  /** The facing mode asked for last. Reflected; read-only. @readonly */
  facingMode: FacingMode = 'user';

  /** A restart is in flight. Reflected; read-only. @readonly */
  pending = false;

  #devices = new MediaDevicesController(this, () => 'videoinput');
  #touch = new MediaQueryController(this, '(pointer: coarse)');
  #camera = new LocalTrackController(this, Track.Source.Camera);
  protected override roomChanged(room: Room | undefined): void {
    this.#camera.room = room;
  }


  protected override willUpdate(): void {
    this.hidden = !offersCameraFlip(this.#devices.devices.length, this.#touch.matches);
  }

  protected override render() {
    return html`<button
      part="button"
      type="button"
      ?disabled=${!this.#camera.enabled}
      aria-busy=${this.pending ? 'true' : 'false'}
      aria-disabled=${this.pending ? 'true' : 'false'}
      @click=${this.#flip}
    >
      <slot name="icon">${flipIcon()}</slot>
      <slot><span part="label">${this.label ?? this.i18n.t('flipCamera')}</span></slot>
    </button>`;
  }

  #flip = async (): Promise<void> => {
    const track = this.#camera.publication?.videoTrack;
    if (!track || this.pending) return;
    this.pending = true;
    try {
      const before = track.mediaStreamTrack.getSettings();
      const next = nextFacingMode(before.facingMode ?? this.facingMode);
      // Keep the capture size and frame rate across the restart.
      const resolution = before.width && before.height ? { width: before.width, height: before.height, frameRate: before.frameRate } : undefined;
      // A camera that reports its facing mode (phones, tablets) is flipped by facing mode; one
      // that does not (most desktops) gives way to the next camera.
      const deviceId = before.facingMode ? undefined : nextDeviceId(this.#devices.devices, before.deviceId);
      await track.restartTrack(deviceId ? { deviceId: { exact: deviceId }, resolution } : { facingMode: next, resolution });
      this.facingMode = next;
    } catch (err) {
      this.reportError(classifyMediaError(err, 'camera'));
    } finally {
      this.pending = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-camera-flip': LkCameraFlip;
  }
}
