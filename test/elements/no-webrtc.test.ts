// Chromium made into a browser without WebRTC: `RTCPeerConnection` deleted before any element
// connects, so that the path WebKitGTK takes for real (test/webkit/no-webrtc.test.ts) is proven
// in Chromium too, by the same tests.
import { describeNoWebRTC } from '../no-webrtc.js';

const NAMES = ['RTCPeerConnection', 'webkitRTCPeerConnection'] as const;
const saved = new Map<string, PropertyDescriptor>();

before(() => {
  for (const name of NAMES) {
    const descriptor = Object.getOwnPropertyDescriptor(window, name);
    if (!descriptor) continue;
    saved.set(name, descriptor);
    delete (window as unknown as Record<string, unknown>)[name];
  }
});

after(() => {
  for (const [name, descriptor] of saved) Object.defineProperty(window, name, descriptor);
});

describeNoWebRTC('a browser without WebRTC (Chromium, RTCPeerConnection deleted)');
