import { define } from './define.js';
import { LkParticipantName } from './elements/lk-participant-name/lk-participant-name.js';

define('lk-participant-name', LkParticipantName);
export { LkParticipantName };
