// Opens a signed-in user's encrypted cache: the database, its data key (checked against a sealed known
// value), the stale-cache rule, meta initialisation and the persistent-storage request; and deletes it.
import type { EffectContext } from '../../shared/sync/local-effects';
import { label, seal, unseal } from './crypto';
import type { DataEnvironment } from './environment';
import type { KeyProvider } from './keys';
import { KeyError, browserKeyProvider } from './keys';
import { readMeta, newClientId, setMeta } from './meta';
import { CacheDb, SERVER_DATA_TABLES, cacheDbName } from './schema';
import type { EngineStatusStore } from './status';
import { createEngineStatusStore } from './status';

/** Cached server data is wiped at start when the server was last reached longer ago than this. */
export const MAX_CACHE_AGE_MS = 72 * 60 * 60 * 1000;

export const STORAGE_FULL_WARNING = 'This device is out of storage space: changes cannot be saved until space is freed.';
const KEY_RESET_WARNING = 'Offline data on this device could not be unlocked and was cleared; it downloads again from the server.';
const NO_OS_KEY_STORE_WARNING = "This computer's key store is unavailable: offline data is protected only by this app's profile.";
const NOT_PERSISTED_WARNING = 'The browser may remove offline data when the disk is nearly full.';
const CLOSED_ELSEWHERE = 'Offline data was closed by another window of Housecall; reload to continue.';
const STALE_NOTICE = 'Offline data was more than 72 hours old and was removed; it downloads again when the server is reachable.';

export interface CacheOptions {
  userId: string;
  env: DataEnvironment;
  keys: KeyProvider;
  maxAgeMs?: number;
}

/** One user's open cache, shared by the repositories, the queries and the sync engine. */
export interface CacheCore {
  readonly db: CacheDb;
  readonly key: CryptoKey;
  readonly userId: string;
  readonly env: DataEnvironment;
  readonly keys: KeyProvider;
  /** Engine status (fed by the engine in the leader window, by the status channel elsewhere). */
  readonly status: EngineStatusStore;
  effectContext(): EffectContext;
  /** Called after every local change is queued (the sync coordinator sets it). */
  onQueued: () => void;
  noteStorageFull(): void;
}

const KEY_CHECK_VALUE = 'housecall-cache-key-check';

async function keyMatches(db: CacheDb, key: CryptoKey): Promise<boolean> {
  const meta = await readMeta(db);
  if (meta.keyCheck) {
    try {
      return (await unseal(key, meta.keyCheck, label.keyCheck)) === KEY_CHECK_VALUE;
    } catch {
      return false;
    }
  }
  // No check value yet: only a brand-new, empty cache may take this key.
  return (await db.outbox.count()) === 0 && (await db.conflicts.count()) === 0 && (await db.charts.count()) === 0;
}

async function obtainKey(db: CacheDb, options: CacheOptions, warnings: string[]): Promise<{ key: CryptoKey; provider: KeyProvider } | null> {
  let provider = options.keys;
  try {
    const { key } = await provider.obtain(db, options.userId);
    return (await keyMatches(db, key)) ? { key, provider } : null;
  } catch (error) {
    if (!(error instanceof KeyError)) throw error;
    if (error.problem === 'unreadable') return null;
    // No OS key store on this machine: fall back to the browser key vault, and say so.
    provider = browserKeyProvider(options.env);
    warnings.push(NO_OS_KEY_STORE_WARNING);
    const { key } = await provider.obtain(db, options.userId);
    return (await keyMatches(db, key)) ? { key, provider } : null;
  }
}

/** Removes what came from the server (kept: the outbox and conflicts, i.e. clinician-entered text). */
export async function purgeServerData(db: CacheDb): Promise<void> {
  await db.transaction('rw', db.tables, async () => {
    for (const name of SERVER_DATA_TABLES) await db.table(name).clear();
    await setMeta(db, { cursor: '', firstSyncDone: false });
  });
}

async function initMeta(db: CacheDb, userId: string, key: CryptoKey, now: number): Promise<void> {
  const keyCheck = await seal(key, KEY_CHECK_VALUE, label.keyCheck);
  await db.transaction('rw', db.meta, async () => {
    const meta = await readMeta(db);
    const patch: Parameters<typeof setMeta>[1] = {};
    if (!meta.userId) patch.userId = userId;
    if (!meta.clientId) patch.clientId = newClientId();
    if (!meta.nextSeq) patch.nextSeq = 1;
    if (meta.cursor === undefined) patch.cursor = '';
    if (meta.firstSyncDone === undefined) patch.firstSyncDone = false;
    if (meta.lastSyncedAt === undefined) patch.lastSyncedAt = null;
    if (meta.lastServerContactAt === undefined) patch.lastServerContactAt = null;
    if (!meta.createdAt) patch.createdAt = new Date(now).toISOString();
    if (!meta.keyCheck) patch.keyCheck = keyCheck;
    await setMeta(db, patch);
  });
}

async function isStale(db: CacheDb, now: number, maxAgeMs: number): Promise<boolean> {
  const meta = await readMeta(db);
  const last = meta.lastServerContactAt ?? meta.createdAt;
  return last !== undefined && last !== null && now - Date.parse(last) > maxAgeMs;
}

/** Deletes a user's cache and forgets its key (sign-out). */
export async function deleteCache(env: DataEnvironment, userId: string, keys: KeyProvider): Promise<void> {
  const db = new CacheDb(cacheDbName(userId), env);
  await db.delete();
  await keys.destroy(userId);
}

async function requestPersistence(env: DataEnvironment, provider: KeyProvider): Promise<string | null> {
  try {
    if (!env.storage?.persist) return null;
    if (env.storage.persisted && (await env.storage.persisted())) return null;
    const granted = await env.storage.persist();
    return granted || provider.kind === 'os-key-store' ? null : NOT_PERSISTED_WARNING;
  } catch {
    return null;
  }
}

export async function openCache(options: CacheOptions): Promise<CacheCore> {
  const { env, userId } = options;
  const warnings: string[] = [];
  let db = new CacheDb(cacheDbName(userId), env);
  await db.open();
  let obtained = await obtainKey(db, options, warnings);
  if (!obtained) {
    // The key is lost or wrong (other machine, cleared key store): the cache cannot be read. Start over.
    db.close();
    await deleteCache(env, userId, options.keys);
    warnings.push(KEY_RESET_WARNING);
    db = new CacheDb(cacheDbName(userId), env);
    await db.open();
    obtained = await obtainKey(db, options, warnings);
    if (!obtained) throw new KeyError('unreadable');
  }
  const now = env.now();
  let notice: string | null = null;
  if (await isStale(db, now, options.maxAgeMs ?? MAX_CACHE_AGE_MS)) {
    await purgeServerData(db);
    await setMeta(db, { lastServerContactAt: null, createdAt: new Date(now).toISOString() });
    notice = STALE_NOTICE;
  }
  await initMeta(db, userId, obtained.key, now);
  const persistWarning = await requestPersistence(env, obtained.provider);
  if (persistWarning) warnings.push(persistWarning);

  const status = createEngineStatusStore();
  status.setState({ storageWarning: warnings.length > 0 ? warnings.join(' ') : null, lastError: notice });
  // Another window deleted the cache (sign-out) or opened a newer version of it: Dexie closes this connection.
  db.on('versionchange', () => {
    status.setState({ phase: 'signed-out', online: false, lastError: CLOSED_ELSEWHERE });
  });
  const core: CacheCore = {
    db,
    key: obtained.key,
    userId,
    env,
    keys: obtained.provider,
    status,
    effectContext: () => ({ userId, nowIso: new Date(env.now()).toISOString() }),
    onQueued: () => undefined,
    noteStorageFull: () => status.setState({ storageWarning: STORAGE_FULL_WARNING }),
  };
  return core;
}
