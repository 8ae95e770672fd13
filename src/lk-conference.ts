import { define } from './define.js';
import { LkConference } from './elements/lk-conference/lk-conference.js';
// The elements a conference renders.
import './lk-room.js';
import './lk-participants.js';
import './lk-chat.js';
import './lk-transcript.js';
import './lk-connection-state.js';
import './lk-recording-indicator.js';
import './lk-camera-toggle.js';
import './lk-camera-flip.js';
import './lk-microphone-toggle.js';
import './lk-screenshare.js';
import './lk-device-select.js';
import './lk-leave-button.js';
import './lk-audio-renderer.js';
import './lk-start-audio.js';

define('lk-conference', LkConference);
export { LkConference };
