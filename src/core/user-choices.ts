/**
 * The pre-join choices, stored in `localStorage` under LiveKit's own key and shape, so that choices
 * made in LiveKit's React `PreJoin` carry over and the other way round.
 */

/** LiveKit's key (`@livekit/components-core`, `persistent-storage/user-choices.ts`). */
export const USER_CHOICES_KEY = 'lk-user-choices';

export interface UserChoices {
  videoEnabled: boolean;
  audioEnabled: boolean;
  videoDeviceId: string;
  audioDeviceId: string;
  username: string;
}

export const DEFAULT_USER_CHOICES: UserChoices = {
  videoEnabled: true,
  audioEnabled: true,
  videoDeviceId: 'default',
  audioDeviceId: 'default',
  username: '',
};

/** Stored text → choices; anything missing or of the wrong type takes the default. */
export function parseUserChoices(stored: string | null, defaults: UserChoices = DEFAULT_USER_CHOICES): UserChoices {
  let value: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object') value = parsed as Record<string, unknown>;
  } catch {
    // unreadable: defaults
  }
  const bool = (key: keyof UserChoices) => (typeof value[key] === 'boolean' ? (value[key]) : (defaults[key] as boolean));
  const text = (key: keyof UserChoices) => (typeof value[key] === 'string' ? (value[key]) : (defaults[key] as string));
  return {
    videoEnabled: bool('videoEnabled'),
    audioEnabled: bool('audioEnabled'),
    videoDeviceId: text('videoDeviceId'),
    audioDeviceId: text('audioDeviceId'),
    username: text('username'),
  };
}

/** Choices → stored text, keeping fields another writer stored (such as React's `deviceStatus`). */
export function serializeUserChoices(choices: UserChoices, stored: string | null): string {
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = stored ? JSON.parse(stored) : {};
    if (parsed && typeof parsed === 'object') existing = parsed as Record<string, unknown>;
  } catch {
    // replaced whole
  }
  return JSON.stringify({ ...existing, ...choices });
}

/** A device id worth passing to capture: not empty and not the browser's `default`. */
export function chosenDevice(deviceId: string): string | undefined {
  return deviceId && deviceId !== 'default' ? deviceId : undefined;
}
