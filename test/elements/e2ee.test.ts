/**
 * End-to-end encryption without a server: what the room element asks of livekit-client, and that
 * a room asked to encrypt never connects without a key (no token is even fetched).
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/index.js';
import type { LkRoom } from '../../src/index.js';
import type { LkErrorDetail } from '../../src/core/errors.js';
import { captureWarnings, waitFor } from '../helpers.js';

const WORKER = '/node_modules/livekit-client/dist/livekit-client.e2ee.worker.mjs';

/** Counts the page's calls to `fetch` for `path` while the test runs. */
function countFetches(path: string): { count: number; restore(): void } {
  const original = window.fetch.bind(window);
  const counter = {
    count: 0,
    restore: () => {
      window.fetch = original;
    },
  };
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input instanceof Request ? input.url : input).includes(path)) counter.count++;
    return original(input, init);
  };
  return counter;
}

describe('end-to-end encryption (no server)', () => {
  it('e2ee-passphrase builds the Room with livekit-client encryption (media and data); without it, none', async () => {
    const plain = await fixture<LkRoom>(html`<lk-room></lk-room>`);
    expect(plain.livekitRoom.hasE2EESetup).to.equal(false);
    const el = await fixture<LkRoom>(html`<lk-room e2ee-passphrase="s3cret" e2ee-worker=${WORKER}></lk-room>`);
    const room = el.livekitRoom;
    expect(room.hasE2EESetup).to.equal(true);
    const encryption = room.options.encryption as { keyProvider?: unknown; worker?: unknown } | undefined;
    expect(!!encryption?.keyProvider && encryption.worker instanceof Worker).to.equal(true);
    // `encryption`, not the older `e2ee`: livekit-client encrypts data packets too.
    expect(room.options.e2ee).to.equal(undefined);
    // A new passphrase keeps the Room (it is handed to the key provider); turning encryption off builds a new one at the next connection.
    el.setAttribute('e2ee-passphrase', 'other');
    await el.updateComplete;
    expect(el.livekitRoom === room).to.equal(true);
  });

  it('e2ee without a key: lk-error `encryption` once, no token fetched, not connected; a key lets it go on', async () => {
    const fetches = countFetches('/api/token-nowhere');
    try {
      const errors: LkErrorDetail[] = [];
      const el = document.createElement('lk-room');
      el.addEventListener('lk-error', (e) => errors.push(e.detail));
      Object.assign(el, { tokenEndpoint: '/api/token-nowhere', roomName: 'r', e2ee: '', e2eeWorker: WORKER, connect: true });
      await captureWarnings(async () => {
        document.body.append(el);
        await waitFor(() => errors.length > 0, 'lk-error');
        el.e2eePassphrase = 'still no token for it';
        el.e2eePassphrase = undefined;
        await el.updateComplete;
      });
      expect(errors.map((e) => e.code)).to.deep.equal(['encryption']);
      expect(errors[0].message).to.include('no key');
      expect(el.connectionState).to.equal('disconnected');
      expect(fetches.count).to.equal(0);
      // The key arrives: the room goes on to fetch its token (which this endpoint does not give).
      await captureWarnings(async () => {
        await el.setEncryptionKey(crypto.getRandomValues(new Uint8Array(32)));
        await waitFor(() => fetches.count > 0, 'the token fetched once there is a key');
        await el.leave();
      });
      el.remove();
    } finally {
      fetches.restore();
    }
  });

  it('e2ee="fragment" with no fragment waits; an unknown e2ee value is an invalid attribute', async () => {
    const errors: LkErrorDetail[] = [];
    const el = document.createElement('lk-room');
    el.addEventListener('lk-error', (e) => errors.push(e.detail));
    el.setAttribute('e2ee', 'url');
    await captureWarnings(async () => {
      document.body.append(el);
      await el.updateComplete;
    });
    expect(errors.map((e) => [e.code, e.attribute])).to.deep.equal([['invalid-attribute', 'e2ee']]);
    el.remove();
  });
});
