import { define } from './define.js';
import { LkTrackView } from './elements/lk-track-view/lk-track-view.js';

define('lk-track-view', LkTrackView);
export { LkTrackView };
