// The web workstation's key vault: a separate IndexedDB database holding each signed-in user's
// non-extractable AES-GCM CryptoKey object, so a reload or an offline restart can still open the cache
// while the key material itself can never be read out by script.
import { Dexie } from 'dexie';
import type { Table } from 'dexie';
import type { DataEnvironment } from './environment';

export const KEY_VAULT_DB = 'housecall-keys';

interface VaultRow {
  userId: string;
  key: CryptoKey;
  createdAt: string;
}

class KeyVaultDb extends Dexie {
  declare keys: Table<VaultRow, string>;
  constructor(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>) {
    super(KEY_VAULT_DB, { indexedDB: env.indexedDB, IDBKeyRange: env.IDBKeyRange });
    this.version(1).stores({ keys: 'userId' });
  }
}

async function withVault<T>(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>, fn: (vault: KeyVaultDb) => Promise<T>): Promise<T> {
  const vault = new KeyVaultDb(env);
  try {
    return await fn(vault);
  } finally {
    vault.close();
  }
}

/** The user's stored key, or `fresh` stored as theirs when there is none (atomic: two windows agree on one key). */
export function vaultKeyOrStore(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>, userId: string, fresh: CryptoKey): Promise<{ key: CryptoKey; created: boolean }> {
  return withVault(env, (vault) =>
    vault.transaction('rw', vault.keys, async () => {
      const existing = await vault.keys.get(userId);
      if (existing) return { key: existing.key, created: false };
      await vault.keys.put({ userId, key: fresh, createdAt: new Date().toISOString() });
      return { key: fresh, created: true };
    }),
  );
}

export function vaultHasKey(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>, userId: string): Promise<boolean> {
  return withVault(env, async (vault) => (await vault.keys.get(userId)) !== undefined);
}

export function vaultDelete(env: Pick<DataEnvironment, 'indexedDB' | 'IDBKeyRange'>, userId: string): Promise<void> {
  return withVault(env, (vault) => vault.keys.delete(userId));
}
