// The OS key store through the Electron bridge (key-store:wrap / key-store:unwrap): wraps the random data key
// that encrypts the local cache so it is stored only in wrapped form. Absent in the web workstation.
import type { HousecallBridge } from '../../shared/ipc';
import { ipcResponseSchema } from '../../shared/ipc';
import type { IpcErrorCode, IpcResult, IpcValue } from '../../shared/ipc';
import type { Result } from './result';

export interface KeyStoreFailure {
  /** 'unavailable': no OS key store on this machine; 'decrypt_failed': wrapped elsewhere or damaged. */
  code: IpcErrorCode | 'invalid_response';
  message: string;
}

export interface OsKeyStore {
  wrap(dataKey: Uint8Array): Promise<Result<string, KeyStoreFailure>>;
  unwrap(wrappedKeyBase64: string): Promise<Result<Uint8Array<ArrayBuffer>, KeyStoreFailure>>;
}

function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text);
}

function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const raw = atob(text);
  const bytes = new Uint8Array(raw.length);
  for (let i = 0; i < raw.length; i++) bytes[i] = raw.charCodeAt(i);
  return bytes;
}

const UNEXPECTED: KeyStoreFailure = { code: 'invalid_response', message: 'The key store sent an unexpected answer.' };

/** The OS key store behind the bridge. */
export function bridgeKeyStore(bridge: HousecallBridge): OsKeyStore {
  return {
    async wrap(dataKey) {
      const answer = ipcResponseSchema('key-store:wrap').safeParse(await bridge.invoke('key-store:wrap', { dataKeyBase64: toBase64(dataKey) }));
      if (!answer.success) return { ok: false, error: UNEXPECTED };
      const result = answer.data as IpcResult<IpcValue<'key-store:wrap'>>;
      return result.ok ? { ok: true, value: result.value.wrappedKeyBase64 } : { ok: false, error: result.error };
    },
    async unwrap(wrappedKeyBase64) {
      const answer = ipcResponseSchema('key-store:unwrap').safeParse(await bridge.invoke('key-store:unwrap', { wrappedKeyBase64 }));
      if (!answer.success) return { ok: false, error: UNEXPECTED };
      const result = answer.data as IpcResult<IpcValue<'key-store:unwrap'>>;
      return result.ok ? { ok: true, value: fromBase64(result.value.dataKeyBase64) } : { ok: false, error: result.error };
    },
  };
}
