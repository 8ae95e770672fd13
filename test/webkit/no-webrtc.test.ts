// WebKitGTK has no RTCPeerConnection: the path of a browser without WebRTC, for real.
import { describeNoWebRTC } from '../no-webrtc.js';

describeNoWebRTC('a browser without WebRTC (WebKitGTK)');
