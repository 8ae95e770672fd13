import { expect } from '@open-wc/testing';
import { ScreenSharePresets, VideoPreset, VideoPresets } from 'livekit-client';
import {
  InvalidValue,
  enumParser,
  parseBitrate,
  parseFlag,
  parseLayers,
  BOUNDS,
  parseFrameRate,
  parseResolution,
  parseTri,
} from '../../src/core/grammar.js';

function rejects(fn: () => unknown, accepted: RegExp, detail?: RegExp) {
  let error: unknown;
  try {
    fn();
  } catch (err) {
    error = err;
  }
  expect(error, 'refused').to.be.instanceOf(InvalidValue);
  expect((error as InvalidValue).accepted).to.match(accepted);
  if (detail) expect((error as InvalidValue).detail).to.match(detail);
}

const HUNDREDS_OF_DIGITS = '9'.repeat(400);

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
    expect(parseBitrate('10.0004k')).to.equal(10_000);
    for (const bad of ['', 'fast', '1.5', '-1k', '0', '1.5m', '800kbps', 'M']) rejects(() => parseBitrate(bad), /k \(×1000\)/);
  });

  it('bitrates are bounded after rounding: video 10k to 100M, audio 6k to 510k', () => {
    expect(parseBitrate('10k')).to.equal(BOUNDS.videoBitrate.min);
    expect(parseBitrate('100M')).to.equal(BOUNDS.videoBitrate.max);
    expect(parseBitrate('6k', 'audio')).to.equal(6000);
    expect(parseBitrate('510k', 'audio')).to.equal(510_000);
    for (const bad of ['0.0001k', '9999', '9.9994k', '100.000001M', '101M', HUNDREDS_OF_DIGITS, `${HUNDREDS_OF_DIGITS}k`]) {
      rejects(() => parseBitrate(bad), /from 10k to 100M/, /least/);
    }
    for (const bad of ['5999', '511k', '1M']) rejects(() => parseBitrate(bad, 'audio'), /from 6k to 510k/, /least/);
  });

  it('frame rates from 1 to 240', () => {
    expect(parseFrameRate('30')).to.equal(30);
    expect(parseFrameRate('29.97')).to.equal(29.97);
    expect(parseFrameRate('1')).to.equal(1);
    expect(parseFrameRate('240')).to.equal(240);
    for (const bad of ['0', '0.5', '-1', 'abc', '', '1e3', '240.01', HUNDREDS_OF_DIGITS]) rejects(() => parseFrameRate(bad), /from 1 to 240/);
  });

  it('resolutions: presets, WxH, WxH@fps', () => {
    expect(parseResolution('h720', VideoPresets)).to.deep.equal(VideoPresets.h720.resolution);
    expect(parseResolution('640x480', VideoPresets)).to.deep.equal({ width: 640, height: 480 });
    expect(parseResolution('1280x720@24', VideoPresets)).to.deep.equal({ width: 1280, height: 720, frameRate: 24 });
    expect(parseResolution('h1080fps30', ScreenSharePresets)).to.deep.equal(ScreenSharePresets.h1080fps30.resolution);
    expect(parseResolution('16x8192@1', VideoPresets)).to.deep.equal({ width: 16, height: 8192, frameRate: 1 });
    for (const bad of ['h721', '1280', '0x720', '1280x720@', 'toString', 'constructor', '1280x720@0', `1280x720@${HUNDREDS_OF_DIGITS}`]) {
      rejects(() => parseResolution(bad, VideoPresets), /h90 h180/);
    }
    for (const bad of ['15x720', '1280x8193', `${HUNDREDS_OF_DIGITS}x720`]) rejects(() => parseResolution(bad, VideoPresets), /h90 h180/, /from 16 to 8192/);
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
    rejects(() => parseLayers('320x180@15:lots', VideoPresets), /WxH@fps:bitrate/, /bits per second/);
    rejects(() => parseLayers('640x360@20:500k:junk', VideoPresets), /WxH@fps:bitrate/, /not a layer/);
    rejects(() => parseLayers('h180:100k', VideoPresets), /WxH@fps:bitrate/, /not a layer/);
    rejects(() => parseLayers('320x180@15:0.0001k', VideoPresets), /WxH@fps:bitrate/, /least/);
    rejects(() => parseLayers(`320x180@${HUNDREDS_OF_DIGITS}:150k`, VideoPresets), /WxH@fps:bitrate/, /from 1 to 240/);
    rejects(() => parseLayers('8x8@15:150k', VideoPresets), /WxH@fps:bitrate/, /from 16 to 8192/);
  });

  it('enumerations match without case and return the SDK spelling', () => {
    const parse = enumParser(['musicStereo', 'speech'] as const);
    expect(parse('MUSICSTEREO')).to.equal('musicStereo');
    rejects(() => parse('music'), /one of musicStereo, speech/);
  });
});
