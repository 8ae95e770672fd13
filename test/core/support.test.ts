import { expect } from '@open-wc/testing';
import { NO_WEBRTC, canShareScreen, missingWebRTC } from '../../src/core/support.js';

describe('core: what the browser offers for calls', () => {
  it('missingWebRTC: the reason without an RTCPeerConnection constructor, nothing with one', () => {
    expect(missingWebRTC({})).to.equal(NO_WEBRTC);
    expect(missingWebRTC({ RTCPeerConnection: undefined })).to.equal(NO_WEBRTC);
    expect(missingWebRTC({ RTCPeerConnection: {} })).to.equal(NO_WEBRTC);
    expect(missingWebRTC({ RTCPeerConnection: class {} })).to.equal(undefined);
    expect(NO_WEBRTC).to.match(/^This browser cannot join video calls: .*\.$/);
  });

  it('canShareScreen: only with navigator.mediaDevices.getDisplayMedia', () => {
    expect(canShareScreen({})).to.equal(false);
    expect(canShareScreen({ navigator: {} })).to.equal(false);
    expect(canShareScreen({ navigator: { mediaDevices: {} } })).to.equal(false);
    expect(canShareScreen({ navigator: { mediaDevices: { getDisplayMedia: () => undefined } } })).to.equal(true);
  });

  it('reads the scope it is handed, at the moment of asking', () => {
    const scope: { RTCPeerConnection?: unknown } = { RTCPeerConnection: class {} };
    expect(missingWebRTC(scope)).to.equal(undefined);
    delete scope.RTCPeerConnection;
    expect(missingWebRTC(scope)).to.equal(NO_WEBRTC);
  });
});
