// The app's secret store (PRODUCT.md §6): each secret sealed with Electron's safeStorage (the
// system keychain's key: Keychain, DPAPI, libsecret/kwallet) and kept base64 in
// <data dir>/secrets.app.json, mode 0600, through the host's own file store. Where the system has
// no key to seal with, storing is refused: a password is never written in the clear by the app.
import { join } from 'node:path';
import { LullError } from '../core/types.ts';
import { secretFile, type SecretStore } from '../store/secrets.ts';

/** The part of Electron's safeStorage this uses (the real one satisfies it). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const APP_SECRETS_FILE = 'secrets.app.json';

export function openAppSecrets(dataDir: string, safeStorage: SafeStorageLike): SecretStore {
  return secretFile(join(dataDir, APP_SECRETS_FILE), {
    seal(secret) {
      if (!safeStorage.isEncryptionAvailable()) {
        // A refusal the user reads (409 over HTTP), not an internal error.
        throw new LullError('conflict', 'the system offers no encryption key to Lull (no keychain or secret service is unlocked), so the password was not stored; use a passwordCommand instead');
      }
      return safeStorage.encryptString(secret).toString('base64');
    },
    open: (stored) => safeStorage.decryptString(Buffer.from(stored, 'base64')),
  });
}
