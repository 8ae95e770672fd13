import { define } from './define.js';
import { LkRecordingIndicatorElement } from './elements/lk-recording-indicator/lk-recording-indicator.js';

define('lk-recording-indicator', LkRecordingIndicatorElement);
export { LkRecordingIndicatorElement };
