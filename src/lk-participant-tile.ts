// The tile renders these in its shadow root: defining it defines them.
import './lk-track-view.js';
import './lk-participant-name.js';
import './lk-connection-quality.js';
import './lk-audio-visualizer.js';
import { define } from './define.js';
import { LkParticipantTile } from './elements/lk-participant-tile/lk-participant-tile.js';

define('lk-participant-tile', LkParticipantTile);
export { LkParticipantTile };
