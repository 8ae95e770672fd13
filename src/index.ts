/**
 * livekit-elements: every element, registered. Import this (or `dist/livekit-elements.js` in a
 * `<script type="module">`) and write the tags in HTML.
 */
export * from './lk-room.js';
export * from './lk-connection-state.js';
export * from './lk-recording-indicator.js';
export * from './lk-track-view.js';
export * from './lk-participant-name.js';
export * from './lk-connection-quality.js';
export * from './lk-audio-visualizer.js';
export * from './lk-participant-tile.js';
export * from './lk-participants.js';
export * from './lk-participant-list.js';
export * from './lk-audio-renderer.js';
export * from './lk-start-audio.js';
export * from './lk-camera-toggle.js';
export * from './lk-microphone-toggle.js';
export * from './lk-screenshare.js';
export * from './lk-device-select.js';
export * from './lk-leave-button.js';
export * from './lk-camera-flip.js';
export * from './lk-chat.js';
export * from './lk-transcript.js';
export * from './lk-prejoin.js';
export * from './lk-conference.js';
export * from './lk-voice-agent.js';
export { define } from './define.js';
export { roomContext, participantContext } from './context.js';
export type { LkEventDetails, LkEventName, LkConnectionState, LkTrackEventDetail, PinTarget, LkAgentState } from './events.js';
export type { LkErrorCode, LkErrorDetail } from './core/errors.js';
export type { LkChatMessageDetail } from './events.js';
export type { ChatEntry } from './core/chat.js';
export type { TranscriptSegment } from './core/transcription.js';
export type { TrackViewState } from './core/track-view.js';
export type { LkQuality } from './core/connection-quality.js';
export type { TrackState } from './core/participant-list.js';
