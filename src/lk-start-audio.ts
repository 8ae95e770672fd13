import { define } from './define.js';
import { LkStartAudio } from './elements/lk-start-audio/lk-start-audio.js';

define('lk-start-audio', LkStartAudio);
export { LkStartAudio };
