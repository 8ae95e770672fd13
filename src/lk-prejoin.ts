import { define } from './define.js';
import { LkPrejoin } from './elements/lk-prejoin/lk-prejoin.js';

define('lk-prejoin', LkPrejoin);
export { LkPrejoin };
