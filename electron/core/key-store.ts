// Wraps and unwraps the offline cache's data key with the OS key store; the OS part is injected (safeStorage in the adapter).
import { ipcErr, ipcOk } from '../../shared/ipc';
import type { IpcHandlers } from './ipc-dispatch';

export interface KeyStoreBackend {
  /** True only when the OS key store really protects secrets (see isOsKeyStoreUsable). */
  isUsable(): boolean;
  encryptText(plainText: string): Uint8Array;
  /** Throws when the bytes were not produced by encryptText for this OS user on this machine. */
  decryptText(encrypted: Uint8Array): string;
}

export interface KeyStoreStatus {
  encryptionAvailable: boolean;
  platform: string;
  /** safeStorage.getSelectedStorageBackend() on Linux; ignored elsewhere. */
  linuxBackend?: string;
}

/** On Linux without a secret service safeStorage falls back to a hard-coded password ('basic_text'): not protection. */
export function isOsKeyStoreUsable({ encryptionAvailable, platform, linuxBackend }: KeyStoreStatus): boolean {
  if (!encryptionAvailable) return false;
  if (platform !== 'linux') return true;
  return linuxBackend !== undefined && linuxBackend !== 'basic_text' && linuxBackend !== 'unknown';
}

const UNAVAILABLE_MESSAGE = 'The operating system key store is not available on this computer.';

export function createKeyStoreHandlers(backend: KeyStoreBackend): Pick<IpcHandlers, 'key-store:wrap' | 'key-store:unwrap'> {
  return {
    'key-store:wrap': ({ dataKeyBase64 }) => {
      if (!backend.isUsable()) return ipcErr('unavailable', UNAVAILABLE_MESSAGE);
      const wrapped = backend.encryptText(dataKeyBase64);
      return ipcOk({ wrappedKeyBase64: Buffer.from(wrapped).toString('base64') });
    },
    'key-store:unwrap': ({ wrappedKeyBase64 }) => {
      if (!backend.isUsable()) return ipcErr('unavailable', UNAVAILABLE_MESSAGE);
      let dataKeyBase64: string;
      try {
        dataKeyBase64 = backend.decryptText(Buffer.from(wrappedKeyBase64, 'base64'));
      } catch {
        return ipcErr('decrypt_failed', 'The key could not be unlocked by this computer’s key store.');
      }
      return ipcOk({ dataKeyBase64 });
    },
  };
}
