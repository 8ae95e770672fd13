import { expect } from '@open-wc/testing';
import { nextDeviceId, offersCameraFlip } from '../../src/core/devices.js';

describe('core: devices', () => {
  it('offers a camera flip with two cameras, or with one on a touch screen', () => {
    expect(offersCameraFlip(0, false)).to.equal(false);
    expect(offersCameraFlip(1, false)).to.equal(false);
    expect(offersCameraFlip(2, false)).to.equal(true);
    expect(offersCameraFlip(1, true)).to.equal(true);
    expect(offersCameraFlip(0, true), 'no camera at all').to.equal(false);
  });

  it('moves to the next camera, wrapping around, and to none with a single one', () => {
    const cams = [{ deviceId: 'default' }, { deviceId: 'a' }, { deviceId: 'b' }];
    expect(nextDeviceId(cams, 'a')).to.equal('b');
    expect(nextDeviceId(cams, 'b')).to.equal('a');
    expect(nextDeviceId([{ deviceId: 'a' }], 'a')).to.equal(undefined);
  });
});
