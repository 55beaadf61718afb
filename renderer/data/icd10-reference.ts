// The ICD-10-CM code list kept on the device (reference data, not PHI, so not sealed) for offline diagnosis
// search: downloaded once per release, stored in the icd10 table, and indexed in memory when first searched.
import type { Icd10List } from '../../shared/api/reference';
import type { Icd10Index } from '../../shared/notes/icd10-search';
import { buildIcd10Index } from '../../shared/notes/icd10-search';
import type { Result } from '../platform';
import type { CacheDb } from './schema';

const RELEASE_KEY = 'icd10Release';

export type Icd10Fetcher = () => Promise<Result<Icd10List>>;

export async function storedIcd10Release(db: CacheDb): Promise<string | null> {
  const row = await db.meta.get(RELEASE_KEY);
  return typeof row?.value === 'string' ? row.value : null;
}

/** Replaces the stored code list with a release (in one transaction: a half-stored list is never searched). */
export async function storeIcd10List(db: CacheDb, list: Icd10List): Promise<void> {
  await db.transaction('rw', db.icd10, db.meta, async () => {
    await db.icd10.clear();
    await db.icd10.bulkPut(list.codes.map(([code, description]) => ({ code, description })));
    await db.meta.put({ key: RELEASE_KEY, value: list.release });
  });
  indexes.delete(db);
}

/** Downloads the code list when the device has none yet; a failure (offline) is reported, not thrown. */
export async function ensureIcd10List(db: CacheDb, fetcher: Icd10Fetcher): Promise<'stored' | 'present' | 'unavailable'> {
  if (await storedIcd10Release(db)) return 'present';
  const result = await fetcher();
  if (!result.ok) return 'unavailable';
  await storeIcd10List(db, result.value);
  return 'stored';
}

const indexes = new WeakMap<CacheDb, { release: string; index: Promise<Icd10Index> }>();

/** The in-memory search index of the stored list, or null when the device has no list yet. */
export async function icd10Index(db: CacheDb): Promise<Icd10Index | null> {
  const release = await storedIcd10Release(db);
  if (!release) return null;
  const known = indexes.get(db);
  if (known?.release === release) return known.index;
  const index = db.icd10.toArray().then((rows) => buildIcd10Index(rows));
  indexes.set(db, { release, index });
  return index;
}
