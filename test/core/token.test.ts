import { expect } from '@open-wc/testing';
import { missingCredentials, tokenFetchOptions } from '../../src/core/token.js';

describe('core: token sources', () => {
  it('says what is missing before connecting', () => {
    expect(missingCredentials({})).to.equal('neither token nor token-endpoint is set');
    expect(missingCredentials({ token: 'jwt' })).to.equal('a token is set but no url');
    expect(missingCredentials({ token: 'jwt', url: 'ws://x' })).to.equal(null);
    expect(missingCredentials({ tokenEndpoint: '/api/token' })).to.equal(null);
  });

  it('sends only the fields that are set', () => {
    expect(tokenFetchOptions({ tokenEndpoint: '/t', roomName: 'r', participantName: 'Ann' })).to.deep.equal({ roomName: 'r', participantName: 'Ann' });
    expect(tokenFetchOptions({ roomName: 'r', participantIdentity: 'id', participantName: 'n', participantMetadata: '{"a":1}' })).to.deep.equal({
      roomName: 'r',
      participantIdentity: 'id',
      participantName: 'n',
      participantMetadata: '{"a":1}',
    });
  });
});
