import { define } from './define.js';
import { LkChat } from './elements/lk-chat/lk-chat.js';

define('lk-chat', LkChat);
export { LkChat };
