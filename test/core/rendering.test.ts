import { expect } from '@open-wc/testing';
import { ConnectionQuality, Track } from 'livekit-client';
import { parseVolume, playedTracks } from '../../src/core/audio.js';
import { qualityBars, toLkQuality } from '../../src/core/connection-quality.js';
import { InvalidValue } from '../../src/core/grammar.js';
import { focusKey } from '../../src/core/layout.js';
import {
  displayName,
  gridColumns,
  gridItems,
  initials,
  insertSteps,
  parseTileSources,
  type InsertStep,
  type ParticipantSummary,
} from '../../src/core/participants.js';
import { effectiveFit, kindOfSource, shouldMirror, trackViewState } from '../../src/core/track-view.js';

const people: ParticipantSummary[] = [
  { identity: 'me', isLocal: true, screenShare: false },
  { identity: 'ann', isLocal: false, screenShare: true },
  { identity: 'bob', isLocal: false, screenShare: false },
];

/** Applies insert steps to a list of keys, as the grid applies them to its children. */
function apply(current: string[], steps: InsertStep[]): string[] {
  const order = [...current];
  for (const { key, before } of steps) {
    const at = order.indexOf(key);
    if (at >= 0) order.splice(at, 1);
    order.splice(before === null ? order.length : order.indexOf(before), 0, key);
  }
  return order;
}

describe('core: what the participant grid shows', () => {
  it('a camera tile per participant and a tile per screen share, in join order', () => {
    expect(gridItems(people, 'all', [Track.Source.Camera, Track.Source.ScreenShare]).map((i) => i.key)).to.deep.equal([
      'camera:me',
      'camera:ann',
      'screen_share:ann',
      'camera:bob',
    ]);
  });

  it('filter and sources choose whom and what', () => {
    expect(gridItems(people, 'remote', [Track.Source.Camera]).map((i) => i.identity)).to.deep.equal(['ann', 'bob']);
    expect(gridItems(people, 'local', [Track.Source.Camera, Track.Source.ScreenShare]).map((i) => i.key)).to.deep.equal(['camera:me']);
    expect(gridItems(people, 'all', [Track.Source.ScreenShare]).map((i) => i.key)).to.deep.equal(['screen_share:ann']);
  });

  it('sources parse as a list of camera, screen_share and microphone', () => {
    expect(parseTileSources('camera, screen_share')).to.deep.equal(['camera', 'screen_share']);
    expect(parseTileSources('SCREEN_SHARE camera camera')).to.deep.equal(['screen_share', 'camera']);
    expect(parseTileSources('microphone')).to.deep.equal(['microphone']);
    for (const bad of ['', ' , ', 'camera,video', 'video']) expect(() => parseTileSources(bad), bad).to.throw(InvalidValue);
  });

  it('audio tiles: a microphone tile per participant', () => {
    expect(gridItems(people, 'all', [Track.Source.Microphone]).map((i) => i.key)).to.deep.equal(['microphone:me', 'microphone:ann', 'microphone:bob']);
  });

  it('focus picks the first screen share', () => {
    const none = { layout: 'focus', lastSpoke: new Map<string, number>() };
    expect(focusKey(gridItems(people, 'all', [Track.Source.Camera, Track.Source.ScreenShare]), none)).to.equal('screen_share:ann');
    expect(focusKey(gridItems(people, 'all', [Track.Source.Camera]), none)).to.equal(undefined);
  });

  it('columns keep the grid about square', () => {
    expect([0, 1, 2, 3, 4, 5, 9, 10, 16, 17].map(gridColumns)).to.deep.equal([1, 1, 2, 2, 2, 3, 3, 4, 4, 5]);
  });

  it('joins and leaves insert newcomers and move nobody who stays', () => {
    // ann left (already removed), dan joined at the end, cat started a screen share.
    const current = ['camera:me', 'camera:bob', 'camera:cat'];
    const wanted = ['camera:me', 'camera:bob', 'camera:cat', 'screen_share:cat', 'camera:dan'];
    const steps = insertSteps(current, wanted);
    expect(steps.map((s) => s.key)).to.deep.equal(['screen_share:cat', 'camera:dan']);
    expect(apply(current, steps)).to.deep.equal(wanted);
    const middle = insertSteps(['a', 'c'], ['a', 'b', 'c']);
    expect(middle).to.deep.equal([{ key: 'b', before: 'c' }]);
    expect(insertSteps(['a', 'b'], ['a', 'b'])).to.deep.equal([]);
  });

  it('a changed order is restored, whatever it takes', () => {
    for (const [current, wanted] of [
      [['b', 'a'], ['a', 'b']],
      [['c', 'a', 'b'], ['a', 'b', 'c', 'd']],
      [[], ['x', 'y']],
    ]) {
      expect(apply(current, insertSteps(current, wanted))).to.deep.equal(wanted);
    }
  });
});

describe('core: names and initials', () => {
  it('the name, else the identity', () => {
    expect(displayName({ name: 'Ada Lovelace', identity: 'ada' })).to.equal('Ada Lovelace');
    expect(displayName({ name: '  ', identity: 'ada' })).to.equal('ada');
    expect(displayName({ identity: 'ada' })).to.equal('ada');
  });

  it('initials: first and last word, letters only, any script', () => {
    expect(initials('Ada Lovelace')).to.equal('AL');
    expect(initials('ada')).to.equal('A');
    expect(initials('Jean-Luc de la Tour')).to.equal('JT');
    expect(initials('李小龙')).to.equal('李');
    expect(initials('élodie ürsel')).to.equal('ÉÜ');
    expect(initials('  ')).to.equal('');
    expect(initials('<img src=x onerror=alert(1)>')).to.equal('IO');
    expect(initials('🙂 Zoë')).to.equal('Z');
  });
});

describe('core: track views', () => {
  it('auto mirrors only the local front camera', () => {
    expect(shouldMirror('auto', { isLocal: true, source: Track.Source.Camera, facingMode: 'user' })).to.equal(true);
    expect(shouldMirror('auto', { isLocal: true, source: Track.Source.Camera })).to.equal(true);
    expect(shouldMirror('auto', { isLocal: true, source: Track.Source.Camera, facingMode: 'environment' })).to.equal(false);
    expect(shouldMirror('auto', { isLocal: false, source: Track.Source.Camera, facingMode: 'user' })).to.equal(false);
    expect(shouldMirror('auto', { isLocal: true, source: Track.Source.ScreenShare })).to.equal(false);
    expect(shouldMirror('true', { isLocal: false, source: Track.Source.ScreenShare })).to.equal(true);
    expect(shouldMirror('false', { isLocal: true, source: Track.Source.Camera })).to.equal(false);
  });

  it('fit: contain for a screen share, cover otherwise, unless given', () => {
    expect(effectiveFit(undefined, Track.Source.ScreenShare)).to.equal('contain');
    expect(effectiveFit(undefined, Track.Source.Camera)).to.equal('cover');
    expect(effectiveFit('contain', Track.Source.Camera)).to.equal('contain');
  });

  it('kinds and states', () => {
    expect(kindOfSource(Track.Source.Camera)).to.equal(Track.Kind.Video);
    expect(kindOfSource(Track.Source.ScreenShareAudio)).to.equal(Track.Kind.Audio);
    expect(trackViewState({ hasTrack: false, muted: true, paused: true })).to.equal('none');
    expect(trackViewState({ hasTrack: true, muted: true, paused: false })).to.equal('muted');
    expect(trackViewState({ hasTrack: true, muted: false, paused: true })).to.equal('paused');
    expect(trackViewState({ hasTrack: true, muted: false, paused: false })).to.equal('active');
  });
});

describe('core: audio and connection quality', () => {
  it('volume is a number from 0 to 1', () => {
    expect(parseVolume('0')).to.equal(0);
    expect(parseVolume(' 0.25 ')).to.equal(0.25);
    expect(parseVolume('1')).to.equal(1);
    for (const bad of ['', '1.5', '-0.1', 'loud', 'NaN']) expect(() => parseVolume(bad), bad).to.throw(InvalidValue);
  });

  it('plays subscribed microphone and screen-share audio, nothing else', () => {
    const pubs = [
      { source: Track.Source.Microphone, kind: Track.Kind.Audio, track: 'mic' },
      { source: Track.Source.ScreenShareAudio, kind: Track.Kind.Audio, track: 'screen-audio' },
      { source: Track.Source.Microphone, kind: Track.Kind.Audio },
      { source: Track.Source.Camera, kind: Track.Kind.Video, track: 'camera' },
      { source: Track.Source.Unknown, kind: Track.Kind.Audio, track: 'other' },
    ];
    expect(playedTracks(pubs)).to.deep.equal(['mic', 'screen-audio']);
  });

  it('quality values and bars', () => {
    expect(toLkQuality(ConnectionQuality.Excellent)).to.equal('excellent');
    expect(toLkQuality(ConnectionQuality.Lost)).to.equal('lost');
    expect(toLkQuality(ConnectionQuality.Unknown)).to.equal('unknown');
    expect(['excellent', 'good', 'poor', 'lost', 'unknown'].map((q) => qualityBars(q as never))).to.deep.equal([3, 2, 1, 0, 0]);
  });
});
