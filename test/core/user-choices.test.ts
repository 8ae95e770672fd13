import { expect } from '@open-wc/testing';
import { DEFAULT_USER_CHOICES, chosenDevice, parseUserChoices, serializeUserChoices } from '../../src/core/user-choices.js';

describe('core: pre-join choices in LiveKit\'s lk-user-choices shape', () => {
  it('reads what LiveKit\'s React PreJoin stores', () => {
    const react = JSON.stringify({
      videoEnabled: false,
      audioEnabled: true,
      videoDeviceId: 'cam-2',
      audioDeviceId: 'default',
      username: 'Zoë',
      deviceStatus: { audio: 'enabled', video: 'disabled' },
    });
    expect(parseUserChoices(react)).to.deep.equal({ videoEnabled: false, audioEnabled: true, videoDeviceId: 'cam-2', audioDeviceId: 'default', username: 'Zoë' });
  });

  it('falls back to the defaults for missing, mistyped or unreadable values', () => {
    expect(parseUserChoices(null)).to.deep.equal(DEFAULT_USER_CHOICES);
    expect(parseUserChoices('{not json')).to.deep.equal(DEFAULT_USER_CHOICES);
    expect(parseUserChoices('"text"')).to.deep.equal(DEFAULT_USER_CHOICES);
    expect(parseUserChoices(JSON.stringify({ videoEnabled: 'yes', username: 42 }))).to.deep.equal(DEFAULT_USER_CHOICES);
  });

  it('writes the same shape and keeps fields another writer stored', () => {
    const stored = JSON.stringify({ deviceStatus: { audio: 'enabled', video: 'enabled' }, username: 'old' });
    const written = JSON.parse(serializeUserChoices({ ...DEFAULT_USER_CHOICES, username: 'new', videoEnabled: false }, stored)) as Record<string, unknown>;
    expect(written).to.deep.equal({
      deviceStatus: { audio: 'enabled', video: 'enabled' },
      videoEnabled: false,
      audioEnabled: true,
      videoDeviceId: 'default',
      audioDeviceId: 'default',
      username: 'new',
    });
  });

  it('passes on only real device ids', () => {
    expect(chosenDevice('default')).to.equal(undefined);
    expect(chosenDevice('')).to.equal(undefined);
    expect(chosenDevice('abc')).to.equal('abc');
  });
});
