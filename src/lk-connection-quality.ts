import { define } from './define.js';
import { LkConnectionQuality } from './elements/lk-connection-quality/lk-connection-quality.js';

define('lk-connection-quality', LkConnectionQuality);
export { LkConnectionQuality };
