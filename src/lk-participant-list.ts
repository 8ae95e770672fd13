import { define } from './define.js';
import { LkParticipantList } from './elements/lk-participant-list/lk-participant-list.js';

define('lk-participant-list', LkParticipantList);
export { LkParticipantList };
