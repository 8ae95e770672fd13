import { define } from './define.js';
import { LkCameraToggle } from './elements/lk-camera-toggle/lk-camera-toggle.js';

define('lk-camera-toggle', LkCameraToggle);
export { LkCameraToggle };
