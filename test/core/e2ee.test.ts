import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { encryptionBuiltKey, passphraseFromFragment, sameKey } from '../../src/core/e2ee.js';

describe('core/e2ee', () => {
  describe('passphraseFromFragment', () => {
    it('reads #e2ee=… (also among other parameters), percent-decoded', () => {
      expect(passphraseFromFragment('#e2ee=correct%20horse')).to.equal('correct horse');
      expect(passphraseFromFragment('#view=grid&e2ee=a%26b%3Dc&x=1')).to.equal('a&b=c');
      expect(passphraseFromFragment('e2ee=plain')).to.equal('plain');
      expect(passphraseFromFragment('#e2ee=two+words')).to.equal('two words');
    });

    it("takes the whole fragment otherwise, as LiveKit Meet writes it (#encodeURIComponent(passphrase))", () => {
      expect(passphraseFromFragment('#' + encodeURIComponent('pass phrase/1'))).to.equal('pass phrase/1');
      expect(passphraseFromFragment('#abc123')).to.equal('abc123');
    });

    it('gives nothing for an empty fragment or an empty e2ee parameter, and survives bad escapes', () => {
      expect(passphraseFromFragment('')).to.equal(undefined);
      expect(passphraseFromFragment('#')).to.equal(undefined);
      expect(passphraseFromFragment('#e2ee=')).to.equal(undefined);
      expect(passphraseFromFragment('#%E0%A4%A')).to.equal(undefined);
    });

    it('round-trips any passphrase written either way', () => {
      fc.assert(
        fc.property(fc.string({ minLength: 1 }), (passphrase) => {
          expect(passphraseFromFragment(`#e2ee=${encodeURIComponent(passphrase)}`)).to.equal(passphrase);
          expect(passphraseFromFragment(`#${encodeURIComponent(passphrase)}`)).to.equal(passphrase);
        }),
      );
    });
  });

  it('encryptionBuiltKey: only on/off and the worker need a new Room, not the key', () => {
    expect(encryptionBuiltKey(undefined)).to.equal('');
    expect(encryptionBuiltKey({ key: 'a', source: 's' })).to.equal(encryptionBuiltKey({ key: 'b', source: 't' }));
    expect(encryptionBuiltKey({ key: 'a', source: 's', worker: '/w.mjs' })).to.not.equal(encryptionBuiltKey({ key: 'a', source: 's' }));
  });

  it('sameKey compares strings, and bytes of ArrayBuffers', () => {
    const bytes = (...values: number[]) => new Uint8Array(values).buffer;
    expect(sameKey('a', 'a')).to.equal(true);
    expect(sameKey('a', 'b')).to.equal(false);
    expect(sameKey(bytes(1, 2, 3), bytes(1, 2, 3))).to.equal(true);
    expect(sameKey(bytes(1, 2, 3), bytes(1, 2, 4))).to.equal(false);
    expect(sameKey(bytes(1, 2), 'a')).to.equal(false);
    expect(sameKey(undefined, 'a')).to.equal(false);
  });
});
