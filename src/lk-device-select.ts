import { define } from './define.js';
import { LkDeviceSelect } from './elements/lk-device-select/lk-device-select.js';

define('lk-device-select', LkDeviceSelect);
export { LkDeviceSelect };
