import { define } from './define.js';
import { LkCameraFlip } from './elements/lk-camera-flip/lk-camera-flip.js';

define('lk-camera-flip', LkCameraFlip);
export { LkCameraFlip };
