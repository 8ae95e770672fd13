import { define } from './define.js';
import { LkScreenShare } from './elements/lk-screenshare/lk-screenshare.js';

define('lk-screenshare', LkScreenShare);
export { LkScreenShare };
