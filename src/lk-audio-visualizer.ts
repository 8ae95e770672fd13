import { define } from './define.js';
import { LkAudioVisualizer } from './elements/lk-audio-visualizer/lk-audio-visualizer.js';

define('lk-audio-visualizer', LkAudioVisualizer);
export { LkAudioVisualizer };
