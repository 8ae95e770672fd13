/**
 * End-to-end encryption with livekit-client's own: one shared key for the room
 * (`ExternalE2EEKeyProvider`: a passphrase through PBKDF2, or random bytes through HKDF) and its
 * worker, which encrypts and decrypts every frame (and, with `RoomOptions.encryption`, every data
 * packet) in the browser. The key stays in the page and the worker.
 */
import { ExternalE2EEKeyProvider, type E2EEOptions } from 'livekit-client';
import { createE2EEWorker } from './e2ee-worker.js';

/** A shared key: a passphrase, or random bytes (at least 16, from `crypto.getRandomValues`). */
export type EncryptionKey = string | ArrayBuffer;

/** What the element asks of the session: encryption on, with a key once it has one. */
export interface EncryptionSettings {
  /** The key; `undefined` while the page has none yet (the room waits for it). */
  key?: EncryptionKey;
  /** Where the key was to come from, for the message when it is missing. */
  source: string;
  /** The worker's URL; absent: livekit-client's worker beside the kit. */
  worker?: string;
}

/** The name of the fragment parameter that carries a passphrase: `#e2ee=…`. */
export const FRAGMENT_PARAMETER = 'e2ee';

function decode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/**
 * The passphrase in a page URL's fragment (`location.hash`): `#e2ee=<passphrase>` (also among
 * other `&`-separated parameters), else the whole fragment, as LiveKit Meet writes it
 * (`#<passphrase>`); percent-decoded. `undefined` for an empty fragment.
 */
export function passphraseFromFragment(hash: string): string | undefined {
  const fragment = hash.startsWith('#') ? hash.slice(1) : hash;
  if (!fragment) return undefined;
  for (const pair of fragment.split('&')) {
    const at = pair.indexOf('=');
    if (at > 0 && decode(pair.slice(0, at)) === FRAGMENT_PARAMETER) return decode(pair.slice(at + 1).replace(/\+/g, ' ')) || undefined;
  }
  return decode(fragment) || undefined;
}

/** What part of the settings needs a new `Room`: encryption on or off, and the worker. */
export function encryptionBuiltKey(settings: EncryptionSettings | undefined): string {
  return settings ? `e2ee:${settings.worker ?? ''}` : '';
}

/** Whether two keys are the same (bytes compared for an `ArrayBuffer`). */
export function sameKey(a: EncryptionKey | undefined, b: EncryptionKey | undefined): boolean {
  if (a === b) return true;
  if (!(a instanceof ArrayBuffer) || !(b instanceof ArrayBuffer) || a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a);
  const y = new Uint8Array(b);
  return x.every((value, i) => value === y[i]);
}

/** One `Room`'s encryption: its key provider and its worker, ended with the `Room`. */
export class RoomEncryption {
  readonly keyProvider = new ExternalE2EEKeyProvider();
  readonly worker: Worker;
  #key?: EncryptionKey;

  constructor(workerUrl?: string) {
    this.worker = createE2EEWorker(workerUrl);
  }

  /** The `RoomOptions.encryption` a `Room` is built with. */
  get options(): E2EEOptions {
    return { keyProvider: this.keyProvider, worker: this.worker };
  }

  /** Sets the key (derived in the page, handed to the worker); the same key again does nothing. */
  async setKey(key: EncryptionKey): Promise<boolean> {
    if (sameKey(key, this.#key)) return false;
    this.#key = key;
    await this.keyProvider.setKey(key);
    return true;
  }

  /** Ends the worker (livekit-client leaves it to its owner). */
  dispose(): void {
    this.worker.terminate();
  }
}
