import { define } from './define.js';
import { LkVoiceAgent } from './elements/lk-voice-agent/lk-voice-agent.js';
// The elements a voice agent panel renders.
import './lk-room.js';
import './lk-audio-visualizer.js';
import './lk-audio-renderer.js';
import './lk-start-audio.js';
import './lk-microphone-toggle.js';
import './lk-leave-button.js';
import './lk-transcript.js';

define('lk-voice-agent', LkVoiceAgent);
export { LkVoiceAgent };
