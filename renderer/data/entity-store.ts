// Read-compute-write for cached entities without awaiting WebCrypto inside a transaction: read a snapshot of
// the rows and outbox entries involved, decrypt/compute/encrypt outside any transaction, then write in one
// transaction only if none of them changed meanwhile (another window, the UI, the engine); else start over.
import type { CachedEntityName, EffectContext, EntityData } from '../../shared/sync/local-effects';
import { foldLocalEffects } from '../../shared/sync/local-effects';
import { isChartGroupEntity } from '../../shared/sync/chart-groups';
import type { MemberWrite } from './chart-groups';
import { readMemberRows, storeMemberRows } from './chart-groups';
import { label, seal, unseal } from './crypto';
import { DataError, isQuotaError } from './errors';
import type { CacheDb, EntityRow, OutboxRow, Sealed, TableEntityName } from './schema';
import { CACHED_ENTITIES } from './schema';

export const entityKey = (entity: CachedEntityName, id: string): string => `${entity}:${id}`;

const KNOWN_ENTITIES: ReadonlySet<string> = new Set(CACHED_ENTITIES);

export function parseEntityKey(key: string): { entity: CachedEntityName; id: string } | null {
  const at = key.indexOf(':');
  const entity = key.slice(0, at) as CachedEntityName;
  return at > 0 && KNOWN_ENTITIES.has(entity) ? { entity, id: key.slice(at + 1) } : null;
}

/**
 * The patient each key's entity belongs to, when the caller knows it (a pulled change, a queued change): the
 * chart entities are stored in their patient's group, found by it (see chart-groups.ts).
 */
export type PatientHints = ReadonlyMap<string, string | null>;

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export interface EntitySnapshot {
  key: string;
  target: { entity: CachedEntityName; id: string } | null;
  row: EntityRow | undefined;
  /** Grouped chart entities: the patient whose group holds (or was looked in for) the row. */
  patientId: string | null;
  /** Outbox entries of this entity, oldest first. */
  entries: OutboxRow[];
}

const fingerprint = (s: Pick<EntitySnapshot, 'row' | 'entries'>): string =>
  `${s.row?.rev ?? -1}|${s.entries.map((e) => `${e.seq}.${e.rev}.${e.attempts}`).join(',')}`;

const KEY_RANGE_MIN_IDS = 32;

/**
 * Which of the ids have a stored row. Many ids are looked up as one key-range read of primary keys (no values):
 * a pulled page's ids are sorted and mostly new, so this replaces thousands of single reads by one.
 */
async function storedIds(db: CacheDb, entity: TableEntityName, ids: readonly string[]): Promise<string[]> {
  const sorted = [...ids].sort();
  const inRange = await db.entityTable(entity).where(':id').between(sorted[0]!, sorted[sorted.length - 1]!, true, true).primaryKeys();
  const wanted = new Set(ids);
  return inRange.filter((id) => wanted.has(id));
}

const isGroupedKey = (target: EntitySnapshot['target']): boolean => target !== null && isChartGroupEntity(target.entity);

/** Reads rows and outbox entries for the keys (call inside a transaction covering the tables, or none). */
export async function readSnapshots(db: CacheDb, keys: readonly string[], hints: PatientHints = new Map()): Promise<Map<string, EntitySnapshot>> {
  const unique = [...new Set(keys)];
  const byEntity = new Map<TableEntityName, string[]>();
  const grouped: string[] = [];
  for (const key of unique) {
    const target = parseEntityKey(key);
    if (!target) continue;
    if (isChartGroupEntity(target.entity)) grouped.push(key);
    else pushTo(byEntity, target.entity, target.id);
  }
  // Dexie transactions: never await an async helper that issues no IndexedDB request (the transaction would end).
  const rows = grouped.length > 0 ? await readMemberRows(db, grouped, (ek) => hints.get(ek) ?? null) : new Map<string, EntityRow>();
  for (const [entity, ids] of byEntity) {
    const stored = ids.length < KEY_RANGE_MIN_IDS ? ids : await storedIds(db, entity, ids);
    if (stored.length === 0) continue;
    const found = await db.entityTable(entity).bulkGet(stored);
    found.forEach((row, i) => {
      if (row) rows.set(entityKey(entity, stored[i]!), row);
    });
  }
  const entries = unique.length > 0 ? await db.outbox.where('entityKey').anyOf(unique).toArray() : [];
  const snaps = new Map<string, EntitySnapshot>();
  for (const key of unique) {
    const row = rows.get(key);
    const target = parseEntityKey(key);
    snaps.set(key, { key, target, row, patientId: isGroupedKey(target) ? (row?.patientId ?? hints.get(key) ?? null) : null, entries: [] });
  }
  for (const entry of entries.sort((a, b) => a.seq - b.seq)) snaps.get(entry.entityKey)?.entries.push(entry);
  return snaps;
}

/** The hints under which snapshots were read (so they are read again in the same places). */
const hintsOf = (snaps: Map<string, EntitySnapshot>): PatientHints => new Map([...snaps].map(([key, snap]) => [key, snap.patientId]));

/**
 * Whether the rows and outbox entries of a snapshot are as they were. Rows that were absent are checked by
 * key only (no values read): on a first sync that is every row, and reading them back was a third of the time.
 */
async function unchanged(db: CacheDb, snaps: Map<string, EntitySnapshot>): Promise<boolean> {
  const absent = new Map<TableEntityName, string[]>();
  const present: string[] = [];
  const absentGrouped: string[] = [];
  for (const [key, snap] of snaps) {
    if (!snap.target) continue;
    if (snap.row) present.push(key);
    else if (isChartGroupEntity(snap.target.entity)) absentGrouped.push(key);
    else pushTo(absent, snap.target.entity, snap.target.id);
  }
  for (const [entity, ids] of absent) {
    const stored = ids.length < KEY_RANGE_MIN_IDS ? (await db.entityTable(entity).bulkGet(ids)).filter(Boolean) : await storedIds(db, entity, ids);
    if (stored.length > 0) return false;
  }
  const hints = hintsOf(snaps);
  if (absentGrouped.length > 0 && (await readMemberRows(db, absentGrouped, (ek) => hints.get(ek) ?? null)).size > 0) return false;
  const rowsNow = await readSnapshots(db, present, hints);
  for (const key of present) if (rowsNow.get(key)!.row?.rev !== snaps.get(key)!.row?.rev) return false;
  const keys = [...snaps.keys()];
  const entries = keys.length > 0 ? await db.outbox.where('entityKey').anyOf(keys).toArray() : [];
  const entriesNow = new Map<string, OutboxRow[]>();
  for (const entry of entries.sort((a, b) => a.seq - b.seq)) pushTo(entriesNow, entry.entityKey, entry);
  for (const [key, before] of snaps) {
    if (fingerprint({ row: undefined, entries: before.entries }) !== fingerprint({ row: undefined, entries: entriesNow.get(key) ?? [] })) return false;
  }
  return true;
}

const MAX_ATTEMPTS = 25;

/** A write computed from snapshots of its keys, committed by commitPlanned only if they are still as read. */
export interface PlannedWrite<P> {
  snaps: Map<string, EntitySnapshot>;
  plan: P;
}

/**
 * Snapshots of keys taken to be absent with nothing pending, without reading anything: a first sync's page
 * into an empty cache. No read transaction means the plan can be computed while an earlier page is still
 * being written (a read would wait for that write); commitPlanned checks the assumption before writing.
 */
export function absentSnapshots(keys: readonly string[], hints: PatientHints = new Map()): Map<string, EntitySnapshot> {
  const snaps = new Map<string, EntitySnapshot>();
  for (const key of keys) {
    const target = parseEntityKey(key);
    snaps.set(key, { key, target, row: undefined, patientId: isGroupedKey(target) ? (hints.get(key) ?? null) : null, entries: [] });
  }
  return snaps;
}

/** Reads the keys' snapshots (or takes them as absent, see absentSnapshots) and computes a plan on them. */
export async function planWrite<P>(
  db: CacheDb,
  keys: readonly string[],
  compute: (snaps: Map<string, EntitySnapshot>) => Promise<P>,
  options: { assumeAbsent?: boolean; hints?: PatientHints } = {},
): Promise<PlannedWrite<P>> {
  const snaps = options.assumeAbsent ? absentSnapshots(keys, options.hints) : await db.transaction('r', db.tables, () => readSnapshots(db, keys, options.hints));
  return { snaps, plan: await compute(snaps) };
}

/** Writes a plan in one transaction if its snapshots still hold; false (nothing written) when they do not. */
async function tryCommit<P>(db: CacheDb, planned: PlannedWrite<P>, write: (plan: P, snaps: Map<string, EntitySnapshot>) => Promise<void>): Promise<boolean> {
  try {
    return await db.transaction('rw', db.tables, async () => {
      if (!(await unchanged(db, planned.snaps))) return false;
      await write(planned.plan, planned.snaps);
      return true;
    });
  } catch (error) {
    if (isQuotaError(error)) throw new DataError('storage_full', 'This device is out of storage space.');
    throw error;
  }
}

/**
 * Commits a planned write if nothing it read (or assumed) changed meanwhile; otherwise computes it again from
 * fresh snapshots, as guardedWrite does. Returns the plan that was written.
 */
export async function commitPlanned<P>(
  db: CacheDb,
  keys: readonly string[],
  planned: PlannedWrite<P>,
  compute: (snaps: Map<string, EntitySnapshot>) => Promise<P>,
  write: (plan: P, snaps: Map<string, EntitySnapshot>) => Promise<void>,
): Promise<P> {
  let current = planned;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (attempt > 0) current = await planWrite(db, keys, compute, { hints: hintsOf(current.snaps) });
    if (await tryCommit(db, current, write)) return current.plan;
  }
  throw new DataError('busy', 'The local data kept changing; try again.');
}

/**
 * Runs compute on a snapshot of `keys` and commits write in one transaction only if nothing read changed.
 * compute may await WebCrypto; write must only use Dexie. A quota failure becomes DataError('storage_full').
 */
export async function guardedWrite<P>(
  db: CacheDb,
  keys: readonly string[],
  compute: (snaps: Map<string, EntitySnapshot>) => Promise<P>,
  write: (plan: P, snaps: Map<string, EntitySnapshot>) => Promise<void>,
  hints?: PatientHints,
): Promise<P> {
  return commitPlanned(db, keys, await planWrite(db, keys, compute, hints ? { hints } : {}), compute, write);
}

/** The entity's data as the device shows it: the local view when changes are pending, else the server's. */
export function openView(key: CryptoKey, ek: string, row: EntityRow): Promise<EntityData | null> {
  if (row.loc) return unseal<EntityData>(key, row.loc, label.local(ek));
  if (row.srv) return unseal<EntityData>(key, row.srv, label.server(ek));
  return Promise.resolve(null);
}

export function openArgs(key: CryptoKey, entry: Pick<OutboxRow, 'args' | 'entityKey'>): Promise<unknown> {
  return unseal(key, entry.args, label.args(entry.entityKey));
}

/** The index key of a city's dispatch day (a city id and a date: no patient data). */
export const dispatchKeyOf = (cityId: string, date: string): string => `${cityId}|${date}`;

export function patientIdOf(entity: CachedEntityName, data: EntityData | null): string | null {
  if (!data) return null;
  const value = entity === 'patient' ? data.id : data.patientId;
  return typeof value === 'string' ? value : null;
}

function indexFields(entity: CachedEntityName, data: EntityData | null): Partial<EntityRow> {
  if (!data) return {};
  if (entity === 'appointment') {
    const startsAt = typeof data.startsAt === 'string' ? new Date(data.startsAt).toISOString() : undefined;
    return { startsAt, clinicianId: typeof data.clinicianId === 'string' ? data.clinicianId : undefined };
  }
  if (entity === 'note' || entity === 'prescription') return { appointmentId: typeof data.appointmentId === 'string' ? data.appointmentId : undefined };
  if (entity === 'message') return { conversationId: typeof data.conversationId === 'string' ? data.conversationId : undefined };
  if (entity === 'fieldRequest') {
    return {
      dispatchKey: typeof data.cityId === 'string' && typeof data.dispatchDate === 'string' ? dispatchKeyOf(data.cityId, data.dispatchDate) : undefined,
      appointmentId: typeof data.appointmentId === 'string' ? data.appointmentId : undefined,
    };
  }
  return {};
}

/** New server state for an entity: `data` at `version`; null when the server no longer has it. */
export type ServerUpdate = { data: EntityData; version: number } | null | 'unchanged';

export interface ComposeInput {
  key: CryptoKey;
  effect: EffectContext;
  snap: EntitySnapshot;
  /** Treat the cached row as absent (its patient's data was removed earlier in the same page). */
  ignoreRow?: boolean;
  server: ServerUpdate;
  /** The entity's remaining pending mutations, oldest first, with their args opened. */
  pending: ReadonlyArray<{ name: string; args: unknown }>;
}

/**
 * The row to store for an entity given its server state and the pending mutations on top, or null when
 * there is nothing left to cache (no server state and nothing pending). Seals only what changed.
 */
export async function composeRow(input: ComposeInput): Promise<EntityRow | null> {
  const { snap, server, pending, key, effect } = input;
  const target = snap.target;
  if (!target) return null;
  const existing = input.ignoreRow ? undefined : snap.row;
  let serverData: EntityData | null;
  let srv: Sealed | null;
  let version: number;
  if (server === 'unchanged') {
    srv = existing?.srv ?? null;
    version = existing?.version ?? 0;
    serverData = srv && pending.length > 0 ? await unseal<EntityData>(key, srv, label.server(snap.key)) : null;
  } else if (server === null) {
    srv = null;
    version = 0;
    serverData = null;
  } else {
    serverData = server.data;
    version = server.version;
    srv = await seal(key, server.data, label.server(snap.key));
  }
  if (pending.length === 0 && !srv) return null;
  const view = pending.length > 0 ? foldLocalEffects(serverData, pending, effect) : serverData;
  if (pending.length > 0 && view === null && !srv) return null;
  const loc = pending.length > 0 && view ? await seal(key, view, label.local(snap.key)) : null;
  const shown = view ?? serverData;
  return {
    ...(existing ?? {}),
    ...indexFields(target.entity, shown),
    id: target.id,
    patientId: patientIdOf(target.entity, shown) ?? existing?.patientId ?? '',
    version,
    srv,
    loc,
    pending: pending.length,
    rev: (snap.row?.rev ?? 0) + 1,
  };
}

/** Puts or deletes the composed rows (inside the write transaction); grouped chart entities go to their patient's group. */
export async function storeRows(db: CacheDb, rows: ReadonlyArray<{ snap: EntitySnapshot; row: EntityRow | null }>): Promise<void> {
  const puts = new Map<TableEntityName, EntityRow[]>();
  const deletes = new Map<TableEntityName, string[]>();
  const members: MemberWrite[] = [];
  for (const { snap, row } of rows) {
    if (!snap.target) continue;
    const { entity, id } = snap.target;
    if (isChartGroupEntity(entity)) members.push({ ek: snap.key, fromPatientId: snap.row ? snap.row.patientId : null, row });
    else if (row) pushTo(puts, entity, row);
    else pushTo(deletes, entity, id);
  }
  for (const [entity, list] of puts) await db.entityTable(entity).bulkPut(list);
  for (const [entity, ids] of deletes) await db.entityTable(entity).bulkDelete(ids);
  if (members.length > 0) await storeMemberRows(db, members);
}

/** One cached row by entity key (patientId: whose group to look in for a chart entity, if known). */
export async function readRow(db: CacheDb, key: string, patientId: string | null): Promise<EntityRow | undefined> {
  return (await readSnapshots(db, [key], new Map([[key, patientId]]))).get(key)?.row;
}
