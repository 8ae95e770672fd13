import { expect } from '@open-wc/testing';
import { ConnectionQuality, Track } from 'livekit-client';
import { listEntries, listEntry, trackState, type ListedParticipant } from '../../src/core/participant-list.js';

/** A participant as the list reads it, with the publications given (source → muted). */
function person(identity: string, options: Partial<Omit<ListedParticipant, 'getTrackPublication'>> & { tracks?: Partial<Record<Track.Source, boolean>> } = {}): ListedParticipant {
  const { tracks = {}, ...rest } = options;
  return {
    identity,
    isLocal: false,
    isSpeaking: false,
    connectionQuality: ConnectionQuality.Unknown,
    ...rest,
    getTrackPublication: (source) => (source in tracks ? { isMuted: tracks[source]! } : undefined),
  };
}

describe('core: participant list', () => {
  it('a track is off without a publication, muted when its publication is, else on', () => {
    expect(trackState(undefined)).to.equal('off');
    expect(trackState({ isMuted: true })).to.equal('muted');
    expect(trackState({ isMuted: false })).to.equal('on');
  });

  it('an entry: name (identity without one), initials, local, microphone, camera, speaking, quality', () => {
    const ada = person('ada-1', { name: ' Ada Lovelace ', isLocal: true, isSpeaking: true, connectionQuality: ConnectionQuality.Excellent, tracks: { [Track.Source.Microphone]: false, [Track.Source.Camera]: true } });
    expect(listEntry(ada)).to.deep.equal({ identity: 'ada-1', name: 'Ada Lovelace', initials: 'AL', local: true, mic: 'on', camera: 'muted', speaking: true, quality: 'excellent' });
    const bob = listEntry(person('bob', { tracks: { [Track.Source.ScreenShare]: false } }));
    expect([bob.name, bob.initials, bob.mic, bob.camera, bob.speaking, bob.quality]).to.deep.equal(['bob', 'B', 'off', 'off', false, 'unknown']);
  });

  it('keeps the order given and filters all, remote or local; speaking never reorders', () => {
    const people = [person('me', { isLocal: true }), person('ann', { isSpeaking: true }), person('bob')];
    expect(listEntries(people, 'all').map((e) => e.identity)).to.deep.equal(['me', 'ann', 'bob']);
    expect(listEntries(people, 'remote').map((e) => e.identity)).to.deep.equal(['ann', 'bob']);
    expect(listEntries(people, 'local').map((e) => e.identity)).to.deep.equal(['me']);
    expect(listEntries([], 'all')).to.deep.equal([]);
  });
});
