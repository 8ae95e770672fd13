import { define } from './define.js';
import { LkRoom } from './elements/lk-room/lk-room.js';

define('lk-room', LkRoom);
export { LkRoom };
