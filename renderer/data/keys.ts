// Where the cache's data key comes from. Electron: a random 256-bit key wrapped by the OS key store
// (bridge key-store:wrap) and kept wrapped in meta, unwrapped at start and imported non-extractable.
// Web: a non-extractable CryptoKey generated at first use and kept in the key vault (key-vault.ts).
import type { OsKeyStore } from '../platform';
import { bridgeKeyStore, getBridge } from '../platform';
import { generateDataKey, importDataKey, randomKeyBytes } from './crypto';
import type { DataEnvironment } from './environment';
import { vaultDelete, vaultKeyOrStore } from './key-vault';
import { getMeta, setMeta } from './meta';
import type { CacheDb } from './schema';

export type KeyProblem = 'unavailable' | 'unreadable';

/** The key could not be obtained: 'unavailable' = no key store here; 'unreadable' = the stored key cannot be opened. */
export class KeyError extends Error {
  constructor(readonly problem: KeyProblem) {
    super(problem === 'unavailable' ? 'This computer has no usable key store.' : 'The stored key for offline data cannot be opened.');
    this.name = 'KeyError';
  }
}

export interface KeyProvider {
  readonly kind: 'os-key-store' | 'browser';
  /** The user's data key, created when there is none yet. */
  obtain(db: CacheDb, userId: string): Promise<{ key: CryptoKey; created: boolean }>;
  /** Forgets the key (sign-out). The cache database is deleted separately. */
  destroy(userId: string): Promise<void>;
}

export function osKeyProvider(store: OsKeyStore): KeyProvider {
  const unwrap = async (wrapped: string): Promise<CryptoKey> => {
    const raw = await store.unwrap(wrapped);
    if (!raw.ok) throw new KeyError(raw.error.code === 'unavailable' ? 'unavailable' : 'unreadable');
    return importDataKey(raw.value);
  };
  return {
    kind: 'os-key-store',
    async obtain(db) {
      const stored = await getMeta(db, 'wrappedKey');
      if (stored) return { key: await unwrap(stored), created: false };
      const raw = randomKeyBytes();
      const wrapped = await store.wrap(raw);
      if (!wrapped.ok) {
        raw.fill(0);
        throw new KeyError(wrapped.error.code === 'unavailable' ? 'unavailable' : 'unreadable');
      }
      // Another window may have stored a key meanwhile: the first one stored wins.
      const winner = await db.transaction('rw', db.meta, async () => {
        const existing = await getMeta(db, 'wrappedKey');
        if (existing) return existing;
        await setMeta(db, { wrappedKey: wrapped.value });
        return null;
      });
      if (winner) {
        raw.fill(0);
        return { key: await unwrap(winner), created: false };
      }
      return { key: await importDataKey(raw), created: true };
    },
    async destroy() {
      // The wrapped key lives in the cache's meta and goes with the database.
    },
  };
}

export function browserKeyProvider(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>): KeyProvider {
  return {
    kind: 'browser',
    async obtain(_db, userId) {
      return vaultKeyOrStore(env, userId, await generateDataKey());
    },
    destroy: (userId) => vaultDelete(env, userId),
  };
}

/** The OS key store inside Electron, the browser key vault otherwise. */
export function defaultKeyProvider(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>): KeyProvider {
  const bridge = getBridge();
  return bridge ? osKeyProvider(bridgeKeyStore(bridge)) : browserKeyProvider(env);
}
