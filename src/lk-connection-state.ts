import { define } from './define.js';
import { LkConnectionStateElement } from './elements/lk-connection-state/lk-connection-state.js';

define('lk-connection-state', LkConnectionStateElement);
export { LkConnectionStateElement };
