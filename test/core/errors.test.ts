import { expect } from '@open-wc/testing';
import { ConnectionError } from 'livekit-client';
import { ConnectTimeout, TokenEndpointError, classifyConnectionError, classifyMediaError, isCancelled } from '../../src/core/errors.js';

describe('core: error classification', () => {
  it('judges connection errors by reason and status', () => {
    expect(classifyConnectionError(ConnectionError.notAllowed('invalid token', 401)).code).to.equal('token');
    expect(classifyConnectionError(ConnectionError.notAllowed('no permission', 403)).code).to.equal('token');
    expect(classifyConnectionError(ConnectionError.notAllowed('requested room does not exist', 404)).code).to.equal('room-not-found');
    expect(classifyConnectionError(ConnectionError.serverUnreachable('could not establish signal connection')).code).to.equal('server-unreachable');
    expect(classifyConnectionError(ConnectionError.timeout('timed out')).code).to.equal('timeout');
    expect(classifyConnectionError(ConnectionError.internal('boom')).code).to.equal('connection');
    expect(classifyConnectionError(new TokenEndpointError('401')).code).to.equal('token');
    expect(classifyConnectionError(new Error('other')).code).to.equal('connection');
  });

  it('trusts reason over reasonName, which a re-wrapped signal error leaves stale', () => {
    const wrapped = ConnectionError.serverUnreachable('could not establish signal connection: invalid token');
    (wrapped as ConnectionError).reason = ConnectionError.notAllowed('x', 401).reason;
    wrapped.status = 401;
    expect(wrapped.reasonName).to.equal('ServerUnreachable');
    expect(classifyConnectionError(wrapped).code).to.equal('token');
  });

  it('keeps the cause and a message that says what failed', () => {
    const cause = ConnectionError.timeout('signal timed out');
    const detail = classifyConnectionError(cause);
    expect(detail.cause).to.equal(cause);
    expect(detail.message).to.contain('timed out');
  });

  it('a connection attempt over its time is a timeout', () => {
    expect(classifyConnectionError(new ConnectTimeout(20_000))).to.include({ code: 'timeout' });
  });

  it('recognises a cancelled attempt', () => {
    expect(isCancelled(ConnectionError.cancelled('Client initiated disconnect'))).to.equal(true);
    expect(isCancelled(ConnectionError.timeout('x'))).to.equal(false);
  });

  it('judges media errors by DOMException name', () => {
    const named = (name: string) => new DOMException('x', name);
    expect(classifyMediaError(named('NotAllowedError'), 'camera').code).to.equal('permission-denied');
    expect(classifyMediaError(named('NotFoundError'), 'camera').code).to.equal('device-not-found');
    expect(classifyMediaError(named('OverconstrainedError'), 'camera').code).to.equal('device-not-found');
    expect(classifyMediaError(named('NotReadableError'), 'camera').code).to.equal('device-in-use');
    expect(classifyMediaError(named('NotSupportedError'), 'camera').code).to.equal('unsupported');
    expect(classifyMediaError(new Error('negotiation failed'), 'camera').code).to.equal('publish-failed');
    expect(classifyMediaError(named('NotAllowedError'), 'microphone').message).to.contain('microphone');
  });
});
