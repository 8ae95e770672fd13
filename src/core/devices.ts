import type { Room } from 'livekit-client';

export const DEVICE_KINDS = ['videoinput', 'audioinput', 'audiooutput'] as const;
export type DeviceKind = (typeof DEVICE_KINDS)[number];

/** The English names of the device kinds. */
const KIND_NAMES: Readonly<Record<DeviceKind, string>> = { videoinput: 'Camera', audioinput: 'Microphone', audiooutput: 'Speaker' };

/**
 * A device's label, or a numbered name while the browser hides labels (no permission yet), from
 * `names` of the kinds (the page's language; English by default).
 */
export function deviceLabel(device: Pick<MediaDeviceInfo, 'label' | 'kind'>, index: number, names: Readonly<Record<DeviceKind, string>> = KIND_NAMES): string {
  if (device.label) return device.label;
  const noun = device.kind === 'videoinput' ? names.videoinput : device.kind === 'audioinput' ? names.audioinput : names.audiooutput;
  return `${noun} ${index + 1}`;
}

/** A device id out of a `ConstrainDOMString` (`'id'`, `{exact: 'id'}`, `{ideal: ['id']}`). */
export function constraintDeviceId(constraint: ConstrainDOMString | undefined): string | undefined {
  if (typeof constraint === 'string') return constraint;
  if (Array.isArray(constraint)) return constraint[0];
  if (constraint && typeof constraint === 'object') {
    const { exact, ideal } = constraint;
    return constraintDeviceId(exact ?? ideal);
  }
  return undefined;
}

/** The device a room uses (or will capture with) for a kind. */
export function activeDeviceId(room: Pick<Room, 'getActiveDevice' | 'options'>, kind: DeviceKind): string | undefined {
  const active = room.getActiveDevice(kind);
  if (active) return active;
  const defaults =
    kind === 'videoinput' ? room.options.videoCaptureDefaults : kind === 'audioinput' ? room.options.audioCaptureDefaults : room.options.audioOutput;
  return constraintDeviceId(defaults?.deviceId);
}

export type FacingMode = 'user' | 'environment';

/** The other camera: front ↔ back. */
export function nextFacingMode(current: string | undefined): FacingMode {
  return current === 'user' ? 'environment' : 'user';
}

/**
 * Whether to offer a front/back camera flip: with two or more cameras listed, or with one on a
 * device whose primary pointer is coarse (phones and tablets). Those have a front and a back camera
 * as a rule, yet browsers list a single camera until the page has a camera permission.
 */
export function offersCameraFlip(cameraCount: number, coarsePointer: boolean): boolean {
  return cameraCount >= 2 || (coarsePointer && cameraCount >= 1);
}

/** The device after `current` in the list, wrapping around; undefined with fewer than two. */
export function nextDeviceId(devices: readonly Pick<MediaDeviceInfo, 'deviceId'>[], current: string | undefined): string | undefined {
  const ids = devices.map((d) => d.deviceId).filter((id) => id && id !== 'default');
  if (ids.length < 2) return undefined;
  const index = current ? ids.indexOf(current) : -1;
  return ids[(index + 1) % ids.length];
}
