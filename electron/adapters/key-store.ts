// The OS key store behind key-store:wrap/unwrap: Electron safeStorage (Keychain, DPAPI, libsecret/kwallet).
import { safeStorage } from 'electron';
import { isOsKeyStoreUsable, type KeyStoreBackend } from '../core/key-store';

export function safeStorageKeyStore(): KeyStoreBackend {
  return {
    isUsable: () =>
      isOsKeyStoreUsable({
        encryptionAvailable: safeStorage.isEncryptionAvailable(),
        platform: process.platform,
        linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : undefined,
      }),
    encryptText: (plainText) => safeStorage.encryptString(plainText),
    decryptText: (encrypted) => safeStorage.decryptString(Buffer.from(encrypted)),
  };
}
