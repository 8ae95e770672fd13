// The grid makes <lk-participant-tile>s: defining it defines them.
import './lk-participant-tile.js';
import { define } from './define.js';
import { LkParticipants } from './elements/lk-participants/lk-participants.js';

define('lk-participants', LkParticipants);
export { LkParticipants };
