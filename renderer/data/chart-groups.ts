// Chart entities (allergies, medications, problems, encounters, vitals) are cached as one IndexedDB record per
// patient (table `charts`), because a first sync's cost is per record, not per byte. Each member keeps its own
// sealed values, version, pending count and revision, so the rest of the data layer sees ordinary EntityRows.
import type { ChartGroupEntity } from '../../shared/sync/chart-groups';
import { Dexie } from 'dexie';
import type { CacheDb, ChartGroupRow, ChartMember, EntityRow } from './schema';

/** A member's logical row (as stored in a table of its own before version 8). */
function toRow(group: ChartGroupRow, member: ChartMember): EntityRow {
  return { id: member.id, patientId: group.patientId, version: member.version, srv: member.srv, loc: member.loc, pending: member.pending, rev: member.rev };
}

function toMember(row: EntityRow): ChartMember {
  return { id: row.id, version: row.version, srv: row.srv, loc: row.loc, pending: row.pending, rev: row.rev };
}

const KEY_RANGE_MIN_IDS = 32;

/*
 * Reads return Dexie promise chains, not async functions: inside a transaction Dexie keeps its zone across a
 * limited number of native promise hops, and nested async helpers between two requests exceeded it (the
 * transaction committed early). Callers await them directly.
 */

/**
 * The stored groups of these patients (at least one id). Many ids are first narrowed to the stored ones by one
 * key-range read of primary keys (a first sync's page is a run of new patients: nothing to read back).
 */
export function readGroups(db: CacheDb, patientIds: Iterable<string>): PromiseLike<Map<string, ChartGroupRow>> {
  const ids = [...new Set(patientIds)].sort();
  const stored = ids.length < KEY_RANGE_MIN_IDS
    ? Dexie.Promise.resolve(ids)
    : db.charts.where(':id').between(ids[0]!, ids[ids.length - 1]!, true, true).primaryKeys().then((keys) => {
      const wanted = new Set(ids);
      return keys.filter((id) => wanted.has(id));
    });
  return stored.then((found) => db.charts.bulkGet(found)).then((groups) => {
    const byPatient = new Map<string, ChartGroupRow>();
    for (const group of groups) if (group) byPatient.set(group.patientId, group);
    return byPatient;
  });
}

/**
 * The logical rows of grouped entities by entity key (at least one key). `patientOf` says whose group a key is
 * in (a pulled change and a queued change carry it); a key of unknown patient is looked for in every group.
 */
export function readMemberRows(db: CacheDb, keys: readonly string[], patientOf: (ek: string) => string | null): PromiseLike<Map<string, EntityRow>> {
  const unknown = new Set(keys.filter((ek) => patientOf(ek) === null));
  const hinted = keys.map(patientOf).filter((p): p is string => p !== null);
  const read = unknown.size === 0
    ? readGroups(db, hinted)
    : db.charts.filter((g) => hinted.includes(g.patientId) || Object.keys(g.members).some((ek) => unknown.has(ek))).toArray()
      .then((groups) => new Map(groups.map((g) => [g.patientId, g])));
  return read.then((groups) => {
    const rows = new Map<string, EntityRow>();
    for (const ek of keys) {
      const hint = patientOf(ek);
      const candidates = hint !== null ? [groups.get(hint)] : [...groups.values()];
      for (const group of candidates) {
        const member = group?.members[ek];
        if (group && member) {
          rows.set(ek, toRow(group, member));
          break;
        }
      }
    }
    return rows;
  });
}

/** A grouped entity's row to write (row null: delete it) and the group it was read from, if any. */
export interface MemberWrite {
  ek: string;
  /** Whose group held it when read (null when absent or unknown). */
  fromPatientId: string | null;
  row: EntityRow | null;
}

/** Writes members (at least one) into their patients' groups inside the write transaction: read, change, put or delete each group once. */
export function storeMemberRows(db: CacheDb, writes: readonly MemberWrite[]): PromiseLike<unknown> {
  const touched = new Set<string>();
  for (const w of writes) {
    if (w.fromPatientId !== null) touched.add(w.fromPatientId);
    if (w.row) touched.add(w.row.patientId);
  }
  return readGroups(db, touched).then((groups) => {
    const changed = new Map<string, ChartGroupRow>();
    const groupOf = (patientId: string): ChartGroupRow => {
      let group = changed.get(patientId);
      if (!group) {
        const stored = groups.get(patientId);
        group = { patientId, members: stored ? { ...stored.members } : {} };
        changed.set(patientId, group);
      }
      return group;
    };
    for (const w of writes) {
      if (w.fromPatientId !== null && w.fromPatientId !== w.row?.patientId) delete groupOf(w.fromPatientId).members[w.ek];
      if (w.row) groupOf(w.row.patientId).members[w.ek] = toMember(w.row);
    }
    const puts: ChartGroupRow[] = [];
    const deletes: string[] = [];
    for (const group of changed.values()) {
      if (Object.keys(group.members).length > 0) puts.push(group);
      else if (groups.has(group.patientId)) deletes.push(group.patientId);
    }
    return db.charts.bulkPut(puts).then(() => db.charts.bulkDelete(deletes));
  });
}

/** The rows of one entity in a patient's group. */
export function membersOf(group: ChartGroupRow | undefined, entity: ChartGroupEntity): EntityRow[] {
  if (!group) return [];
  const prefix = `${entity}:`;
  const rows: EntityRow[] = [];
  for (const [ek, member] of Object.entries(group.members)) if (ek.startsWith(prefix)) rows.push(toRow(group, member));
  return rows;
}

/** Every cached row of one grouped entity (tests and diagnostics). */
export async function allMemberRows(db: CacheDb, entity: ChartGroupEntity): Promise<EntityRow[]> {
  const rows: EntityRow[] = [];
  await db.charts.each((group) => void rows.push(...membersOf(group, entity)));
  return rows;
}

/** Groups rows that were stored one per record (schema version 7) into chart groups (schema upgrade). */
export function groupRows(rows: ReadonlyArray<{ entity: ChartGroupEntity; row: EntityRow }>): ChartGroupRow[] {
  const groups = new Map<string, ChartGroupRow>();
  for (const { entity, row } of rows) {
    let group = groups.get(row.patientId);
    if (!group) {
      group = { patientId: row.patientId, members: {} };
      groups.set(row.patientId, group);
    }
    group.members[`${entity}:${row.id}`] = toMember(row);
  }
  return [...groups.values()];
}
