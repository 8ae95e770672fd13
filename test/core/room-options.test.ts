import { expect } from '@open-wc/testing';
import { VideoPresets } from 'livekit-client';
import {
  ROOM_OPTION_ATTRIBUTE_NAMES,
  completeVideoEncoding,
  liveOptions,
  mapRoomAttributes,
  mergeOptions,
  splitOptions,
} from '../../src/core/room-options.js';
import { ATTRIBUTE_CASES, at } from '../attribute-cases.js';

const only = (name: string, value: string) => (attr: string) => (attr === name ? value : null);

describe('core: lk-room attributes → RoomOptions / RoomConnectOptions', () => {
  it('has a case for every option attribute, and no case for an unknown one', () => {
    expect(ATTRIBUTE_CASES.map((c) => c.attribute).sort()).to.deep.equal([...ROOM_OPTION_ATTRIBUTE_NAMES].sort());
  });

  for (const c of ATTRIBUTE_CASES) {
    it(`${c.attribute}="${c.valid}" sets ${c.path}`, () => {
      const mapped = mapRoomAttributes(only(c.attribute, c.valid));
      expect(mapped.errors).to.deep.equal([]);
      expect(at(mapped, c.path)).to.deep.equal(c.expected);
    });

    it(`${c.attribute}="${c.invalid}" sets nothing and reports the attribute, value and accepted forms`, () => {
      const mapped = mapRoomAttributes(only(c.attribute, c.invalid));
      expect(mapped.room).to.deep.equal({});
      expect(mapped.connect).to.deep.equal({});
      expect(mapped.errors).to.have.length(1);
      const [error] = mapped.errors;
      expect(error.attribute).to.equal(c.attribute);
      expect(error.value).to.equal(c.invalid);
      expect(error.accepted).to.be.a('string').and.not.empty;
      expect(error.message).to.contain(`${c.attribute}="${c.invalid}"`).and.contain(error.accepted);
    });
  }

  it('sets nothing for absent attributes', () => {
    const mapped = mapRoomAttributes(() => null);
    expect(mapped).to.deep.equal({ room: {}, connect: {}, errors: [] });
  });

  it('combines video-resolution and video-framerate into one resolution', () => {
    const values: Record<string, string> = { 'video-resolution': 'h540', 'video-framerate': '12' };
    const mapped = mapRoomAttributes((name) => values[name] ?? null);
    expect(mapped.room.videoCaptureDefaults?.resolution).to.deep.equal({ ...VideoPresets.h540.resolution, frameRate: 12 });
  });

  it('applies audio-max-bitrate on top of audio-preset', () => {
    const values: Record<string, string> = { 'audio-preset': 'musicHighQuality', 'audio-max-bitrate': '80k' };
    const mapped = mapRoomAttributes((name) => values[name] ?? null);
    expect(mapped.room.publishDefaults?.audioPreset).to.deep.equal({ maxBitrate: 80_000 });
  });

  it('keeps the valid attributes when another one is invalid', () => {
    const values: Record<string, string> = { dynacast: '', 'video-max-bitrate': 'lots', simulcast: 'false' };
    const mapped = mapRoomAttributes((name) => values[name] ?? null);
    expect(mapped.room).to.deep.equal({ dynacast: true, publishDefaults: { simulcast: false } });
    expect(mapped.errors.map((e) => e.attribute)).to.deep.equal(['video-max-bitrate']);
  });

  it('never throws, whatever the value', () => {
    const junk = ['', ' ', '💥', 'x'.repeat(10_000), '1e999', 'NaN', '<img src=x>', '0x0', ',,', 'h720,'];
    for (const value of junk) {
      expect(() => mapRoomAttributes(() => value)).not.to.throw();
    }
  });
});

describe('core: merging options', () => {
  it('deep-merges plain objects and lets the override win, without changing its inputs', () => {
    const base = { publishDefaults: { videoEncoding: { maxBitrate: 1, maxFramerate: 30 }, dtx: true } };
    const override = { publishDefaults: { videoEncoding: { maxFramerate: 15 } } };
    const merged = mergeOptions<object>(base, override);
    expect(merged).to.deep.equal({ publishDefaults: { videoEncoding: { maxBitrate: 1, maxFramerate: 15 }, dtx: true } });
    expect(base.publishDefaults.videoEncoding.maxFramerate).to.equal(30);
  });

  it('replaces arrays and class instances whole', () => {
    const merged = mergeOptions<{ layers: unknown[] }>({ layers: [VideoPresets.h180, VideoPresets.h360] }, { layers: [VideoPresets.h90] });
    expect(merged.layers).to.deep.equal([VideoPresets.h90]);
    expect(merged.layers[0]).to.equal(VideoPresets.h90);
  });

  it('splits options into those a Room is built with and those it reads at each publish', () => {
    const { built, live } = splitOptions({ dynacast: true, adaptiveStream: false, publishDefaults: { simulcast: false }, audioOutput: { deviceId: 'x' } });
    expect(built).to.deep.equal({ dynacast: true, adaptiveStream: false });
    expect(live).to.deep.equal({ publishDefaults: { simulcast: false }, audioOutput: { deviceId: 'x' } });
  });

  it('gives a frame-rate-only video encoding the bitrate of the capture size', () => {
    expect(completeVideoEncoding({ maxFramerate: 15 }, { width: 1280, height: 720 })).to.deep.equal({ maxFramerate: 15, maxBitrate: 1_700_000 });
    expect(completeVideoEncoding({ maxFramerate: 15 }, { width: 640, height: 360 })).to.deep.equal({ maxFramerate: 15, maxBitrate: 450_000 });
    expect(completeVideoEncoding({ maxFramerate: 15, maxBitrate: 99 })).to.deep.equal({ maxFramerate: 15, maxBitrate: 99 });
  });

  it('overlays attribute values on the defaults a Room was built with', () => {
    const defaults = { videoCaptureDefaults: { resolution: VideoPresets.h720.resolution }, publishDefaults: { dtx: true, red: true } };
    const live = liveOptions(defaults, { videoCaptureDefaults: { resolution: { frameRate: 10 } as never }, publishDefaults: { red: false, videoEncoding: { maxFramerate: 10 } as never } });
    expect(live.videoCaptureDefaults?.resolution).to.deep.equal({ ...VideoPresets.h720.resolution, frameRate: 10 });
    expect(live.publishDefaults).to.deep.equal({ dtx: true, red: false, videoEncoding: { maxFramerate: 10, maxBitrate: 1_700_000 } });
  });
});
