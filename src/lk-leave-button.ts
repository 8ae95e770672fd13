import { define } from './define.js';
import { LkLeaveButton } from './elements/lk-leave-button/lk-leave-button.js';

define('lk-leave-button', LkLeaveButton);
export { LkLeaveButton };
