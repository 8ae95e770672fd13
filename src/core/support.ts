/**
 * What the browser offers for calls. Pure: each function judges the global scope it is handed
 * (`globalThis` in the elements), read at the moment of asking, never remembered.
 */

/** The parts of a browser's global scope that the kit's calls depend on. */
export interface BrowserScope {
  RTCPeerConnection?: unknown;
  navigator?: { mediaDevices?: { getDisplayMedia?: unknown } };
}

/** The reason given to people on a browser without WebRTC: `lk-error` `unsupported`, and the disabled controls. */
export const NO_WEBRTC = 'This browser cannot join video calls: it has no WebRTC (RTCPeerConnection).';

/**
 * Why this browser cannot join a call, as a sentence for people; `undefined` where it can. A
 * browser without `RTCPeerConnection` (WebKitGTK, some embedded web views, WebRTC turned off) has
 * no way to carry media, so nothing is tried there.
 */
export function missingWebRTC(scope: BrowserScope): string | undefined {
  return typeof scope.RTCPeerConnection === 'function' ? undefined : NO_WEBRTC;
}

/** Whether the browser can capture a screen: not on iOS and iPadOS, which have no `getDisplayMedia`. */
export function canShareScreen(scope: BrowserScope): boolean {
  return typeof scope.navigator?.mediaDevices?.getDisplayMedia === 'function';
}
