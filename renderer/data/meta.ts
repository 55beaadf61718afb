// The cache's meta rows: sync identity and position (clientId, nextSeq, cursor), sync times, key material.
// Nothing here is PHI; the wrapped key is useless without the OS key store.
import type { CacheDb, Sealed } from './schema';

export interface MetaState {
  userId: string;
  /** This device's sync identity for this user (ClientIdSchema). */
  clientId: string;
  /** The seq the next outbox entry gets. */
  nextSeq: number;
  /** The server's opaque pull cursor ('' = nothing pulled yet). */
  cursor: string;
  /** A first full pull has completed since the cache was created or reset. */
  firstSyncDone: boolean;
  lastSyncedAt: string | null;
  lastServerContactAt: string | null;
  createdAt: string;
  /** Electron: the data key wrapped by the OS key store. */
  wrappedKey: string | null;
  /** A known value sealed with the data key: tells a wrong or lost key from a good one. */
  keyCheck: Sealed | null;
}

export type MetaKey = keyof MetaState;

/** Reads all meta rows (inside the caller's transaction when there is one). */
export async function readMeta(db: CacheDb): Promise<Partial<MetaState>> {
  const rows = await db.meta.toArray();
  return Object.fromEntries(rows.map((r) => [r.key, r.value])) as Partial<MetaState>;
}

export async function getMeta<K extends MetaKey>(db: CacheDb, key: K): Promise<MetaState[K] | undefined> {
  return (await db.meta.get(key))?.value as MetaState[K] | undefined;
}

export async function setMeta(db: CacheDb, patch: Partial<MetaState>): Promise<void> {
  await db.meta.bulkPut(Object.entries(patch).map(([key, value]) => ({ key, value })));
}

/** A random client id: 16 bytes, base64url (22 characters). */
export function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  let text = '';
  for (const b of bytes) text += String.fromCharCode(b);
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
