import { expect } from '@open-wc/testing';
import { ScreenSharePresets, VideoPreset, VideoPresets } from 'livekit-client';
import {
  InvalidValue,
  enumParser,
  parseBitrate,
  parseFlag,
  parseLayers,
  parsePositiveNumber,
  parseResolution,
  parseTri,
} from '../../src/core/grammar.js';

function rejects(fn: () => unknown, accepted: RegExp) {
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error).to.be.instanceOf(InvalidValue);
  expect((error as InvalidValue).accepted).to.match(accepted);
}

describe('core: attribute grammars', () => {
  it('tri-state booleans', () => {
    for (const word of ['', 'true', 'on', 'yes', 'TRUE', ' Yes ']) expect(parseTri(word), word).to.equal(true);
    for (const word of ['false', 'off', 'no', 'OFF']) expect(parseTri(word), word).to.equal(false);
    for (const word of ['1', '0', 'y', 'enabled']) rejects(() => parseTri(word), /true, on, yes/);
  });

  it('plain boolean attributes read like HTML, but false/off/no are false', () => {
    expect(parseFlag(null)).to.equal(false);
    expect(parseFlag('')).to.equal(true);
    expect(parseFlag('video')).to.equal(true);
    expect(parseFlag('false')).to.equal(false);
    expect(parseFlag('Off')).to.equal(false);
  });

  it('bitrates', () => {
    expect(parseBitrate('800000')).to.equal(800_000);
    expect(parseBitrate('800k')).to.equal(800_000);
    expect(parseBitrate('800K')).to.equal(800_000);
    expect(parseBitrate('1.5M')).to.equal(1_500_000);
    expect(parseBitrate(' 2M ')).to.equal(2_000_000);
    for (const bad of ['', 'fast', '1.5', '-1k', '0', '1.5m', '800kbps', 'M']) rejects(() => parseBitrate(bad), /k \(×1000\)/);
  });

  it('positive numbers', () => {
    expect(parsePositiveNumber('30')).to.equal(30);
    expect(parsePositiveNumber('29.97')).to.equal(29.97);
    for (const bad of ['0', '-1', 'abc', '', '1e3']) rejects(() => parsePositiveNumber(bad), /above zero/);
  });

  it('resolutions: presets, WxH, WxH@fps', () => {
    expect(parseResolution('h720', VideoPresets)).to.deep.equal(VideoPresets.h720.resolution);
    expect(parseResolution('640x480', VideoPresets)).to.deep.equal({ width: 640, height: 480 });
    expect(parseResolution('1280x720@24', VideoPresets)).to.deep.equal({ width: 1280, height: 720, frameRate: 24 });
    expect(parseResolution('h1080fps30', ScreenSharePresets)).to.deep.equal(ScreenSharePresets.h1080fps30.resolution);
    for (const bad of ['h721', '1280', '0x720', '1280x720@', 'toString', 'constructor']) rejects(() => parseResolution(bad, VideoPresets), /h90 h180/);
  });

  it('simulcast layers: presets and WxH@fps:bitrate, at most two', () => {
    expect(parseLayers('h180,h360', VideoPresets)).to.deep.equal([VideoPresets.h180, VideoPresets.h360]);
    expect(parseLayers('320x180@15:150k, 640x360@20:500k', VideoPresets)).to.deep.equal([
      new VideoPreset(320, 180, 150_000, 15),
      new VideoPreset(640, 360, 500_000, 20),
    ]);
    rejects(() => parseLayers('h180,h360,h540', VideoPresets), /at most 2/);
    rejects(() => parseLayers('320x180', VideoPresets), /WxH@fps:bitrate/);
    rejects(() => parseLayers('320x180@15', VideoPresets), /WxH@fps:bitrate/);
    rejects(() => parseLayers('h180,', VideoPresets), /at most 2/);
    rejects(() => parseLayers('320x180@15:lots', VideoPresets), /bits per second/);
  });

  it('enumerations match without case and return the SDK spelling', () => {
    const parse = enumParser(['musicStereo', 'speech'] as const);
    expect(parse('MUSICSTEREO')).to.equal('musicStereo');
    rejects(() => parse('music'), /one of musicStereo, speech/);
  });
});
