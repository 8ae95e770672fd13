import { define } from './define.js';
import { LkMicrophoneToggle } from './elements/lk-microphone-toggle/lk-microphone-toggle.js';

define('lk-microphone-toggle', LkMicrophoneToggle);
export { LkMicrophoneToggle };
