import { html, type PropertyValues, type PropertyDeclarations } from 'lit';
import { RoomEvent, type Room } from 'livekit-client';
import { AttributeErrorReporter } from '../../controllers/attribute-options.js';
import { MediaDevicesController } from '../../controllers/media-devices.js';
import { RoomEventsController } from '../../controllers/room-events.js';
import { enumAccepted } from '../../core/grammar.js';
import { classifyMediaError } from '../../core/errors.js';
import { DEVICE_KINDS, activeDeviceId, deviceLabel, type DeviceKind } from '../../core/devices.js';
import { kindNames } from '../../controllers/lang.js';
import { LkElement } from '../base.js';
import { LkRoomBoundElement } from '../room-bound-element.js';
import { styles } from './lk-device-select.styles.js';

/** The device kinds as error messages (English, for developers) name them. */
const ERROR_NAMES: Record<DeviceKind, string> = { videoinput: 'camera', audioinput: 'microphone', audiooutput: 'speaker' };

/**
 * Lists the cameras, microphones or speakers and switches the room's active one with
 * `room.switchActiveDevice`. Before the room connects, the choice becomes the capture default.
 * Follows devices being plugged in and out.
 *
 * @summary A device picker: camera, microphone or speaker.
 * @tag lk-device-select
 *
 * @csspart label - The label around the select.
 * @csspart text - The label's text.
 * @csspart select - The native select.
 * @fires lk-error - `device-not-found`, `device-in-use`, `permission-denied` when switching fails; `invalid-attribute` for a bad `kind`.
 */
export class LkDeviceSelect extends LkRoomBoundElement {
  static override properties: PropertyDeclarations = {
    kind: {},
    label: {},
    value: {},
  };

  static override styles = [LkElement.styles, styles];

  /** `videoinput`, `audioinput` or `audiooutput`. */
  kind: string = 'videoinput';


  /** Replaces the default label (Camera, Microphone, Speaker, in the page's language). */
  label?: string;

  /** The selected device id. */
  value = '';

  #errors = new AttributeErrorReporter(this);
  #kind?: DeviceKind;
  #devices = new MediaDevicesController(this, () => this.#kind, (err) => this.#fail(err));
  #events = new RoomEventsController(this, {
    [RoomEvent.ActiveDeviceChanged]: (kind: MediaDeviceKind, deviceId: string) => {
      if (kind === this.#kind) this.value = deviceId;
    },
    [RoomEvent.MediaDevicesChanged]: () => void this.#devices.refresh(),
    [RoomEvent.LocalTrackPublished]: () => void this.#devices.refresh(),
  });
  protected override roomChanged(room: Room | undefined): void {
    this.#events.room = room;
    this.#syncValue();
  }


  /** The devices listed. */
  get devices(): readonly MediaDeviceInfo[] {
    return this.#devices.devices;
  }

  /** Lists the devices again (it also does when devices change, and when the list is opened). */
  refresh(): Promise<void> {
    return this.#devices.refresh();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kind')) {
      const valid = (DEVICE_KINDS as readonly string[]).includes(this.kind);
      this.#errors.report(
        valid
          ? []
          : [
              {
                attribute: 'kind',
                value: this.kind,
                accepted: enumAccepted(DEVICE_KINDS),
                message: `lk-device-select: kind="${this.kind}" is not valid; accepted: ${enumAccepted(DEVICE_KINDS)}.`,
              },
            ],
      );
      this.#kind = valid ? (this.kind as DeviceKind) : undefined;
      void this.#devices.refresh();
      this.#syncValue();
    }
  }

  protected override render() {
    const kind = this.#kind;
    const devices = this.#devices.devices;
    const names = kindNames(this.i18n);
    return html`<label part="label"
      ><span part="text">${this.label ?? (kind ? names[kind] : this.i18n.t('device'))}</span>
      <select part="select" ?disabled=${!kind || devices.length === 0} @change=${this.#onChange} @pointerdown=${this.#onOpen} @focus=${this.#onOpen}>
        ${devices.map(
          (device, i) => html`<option value=${device.deviceId} ?selected=${device.deviceId === this.value}>${deviceLabel(device, i, names)}</option>`,
        )}
      </select></label
    >`;
  }

  // Labels appear once a permission is given, which fires no event: re-read when the list opens.
  #onOpen = () => void this.#devices.refresh();

  #syncValue(): void {
    const room = this.livekitRoom;
    if (room && this.#kind) this.value = activeDeviceId(room, this.#kind) ?? this.value;
  }

  #onChange = async (event: Event): Promise<void> => {
    const deviceId = (event.target as HTMLSelectElement).value;
    const previous = this.value;
    this.value = deviceId;
    // Before the first connection the room has no `Room` yet: build it, so the choice becomes its capture default.
    const room = this.livekitRoom ?? this.session?.ensureRoom();
    if (!room || !this.#kind) return;
    try {
      await room.switchActiveDevice(this.#kind, deviceId);
    } catch (err) {
      this.value = previous;
      this.#fail(err);
    }
  };

  #fail(err: unknown): void {
    this.reportError(classifyMediaError(err, this.#kind ? ERROR_NAMES[this.#kind] : 'device'));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-device-select': LkDeviceSelect;
  }
}
