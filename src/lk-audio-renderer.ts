import { define } from './define.js';
import { LkAudioRenderer } from './elements/lk-audio-renderer/lk-audio-renderer.js';

define('lk-audio-renderer', LkAudioRenderer);
export { LkAudioRenderer };
