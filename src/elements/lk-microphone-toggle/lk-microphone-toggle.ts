import { Track, type Room } from 'livekit-client';
import { MICROPHONE_ATTRIBUTES, mapMicrophoneAttributes, microphoneOptions, type MicrophoneDraft } from '../../core/track-options.js';
import { microphoneIcon } from '../track-toggle/icons.js';
import { LkTrackToggle } from '../track-toggle/track-toggle.js';

/**
 * Turns the local microphone on and off. Off mutes the publication; with the room's
 * `stop-mic-on-mute` it also stops the capture. The attributes override the room's capture and
 * publish defaults for this microphone.
 *
 * @summary A button for the microphone.
 * @tag lk-microphone-toggle
 *
 * @attr {string} device - Microphone device id.
 * @attr {tri} echo-cancellation - Echo cancellation.
 * @attr {tri} noise-suppression - Noise suppression.
 * @attr {tri} auto-gain-control - Automatic gain control.
 * @attr {'telephone'|'speech'|'music'|'musicStereo'|'musicHighQuality'|'musicHighQualityStereo'} audio-preset - Audio encoding preset.
 * @attr {audio-bitrate} max-bitrate - Audio bitrate (`32k`).
 * @attr {tri} dtx - Discontinuous transmission.
 * @attr {tri} red - Redundant audio.
 */
export class LkMicrophoneToggle extends LkTrackToggle {
  protected static override overrideAttributes = MICROPHONE_ATTRIBUTES.map((a) => a.name);
  protected readonly labelKey = 'microphone';
  #overrides?: MicrophoneDraft;

  constructor() {
    super(Track.Source.Microphone);
  }

  protected icon(on: boolean) {
    return microphoneIcon(!on);
  }

  protected readOverrides() {
    const { errors, ...overrides } = mapMicrophoneAttributes((name) => this.getAttribute(name));
    this.#overrides = overrides;
    return errors;
  }

  protected async setEnabled(room: Room, enabled: boolean) {
    const { capture, publish } = microphoneOptions(room.options, this.#overrides ?? { capture: {}, publish: {} });
    await room.localParticipant.setMicrophoneEnabled(enabled, capture, publish);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lk-microphone-toggle': LkMicrophoneToggle;
  }
}
