import { define } from './define.js';
import { LkTranscript } from './elements/lk-transcript/lk-transcript.js';

define('lk-transcript', LkTranscript);
export { LkTranscript };
