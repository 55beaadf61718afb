// Pull: the changes a user may see since their cursor, in commit order, in pages. A device with no cursor
// first receives a snapshot of its scope (keyset pages per entity) taken against a high-water mark, then
// the change log from that mark on, so nothing committed meanwhile is skipped. In the snapshot each patient
// comes with their chart rows (CHART_GROUP_ENTITIES) right after them, so a device stores a patient's chart
// as one record written once, not one record per row written from several entity pages.
import type { Queryable } from '../db/database';
import type { Role } from '../../shared/domain/roles';
import type { Change, EntityState, PullQuery, PullResponse } from '../../shared/sync/protocol';
import { patientScopeSql } from '../auth/patient-access';
import { ENTITY_SOURCES, FIRST_ID, countScope, loadScopePage, loadScopeRowsOfPatientRange } from './entity-sources';
import { isSentWithPatient } from '../../shared/sync/chart-groups';
import type { ScopeViewer } from './entity-sources';
import { queueRequestVisible, queueStatesFor } from '../queue/queue-scope';

interface Viewer {
  userId: string;
  role: Role;
  /**
   * States whose waiting queue requests the viewer may see (active licenses), read at most once per pull and
   * only when the page needs them (a queue change, or a whole chart sent on an access grant).
   */
  queueStates(): Promise<readonly string[]>;
}

/** The viewer as entity-sources' scope queries take it (with the queue states read now). */
async function scopeViewer(viewer: Viewer): Promise<ScopeViewer> {
  return { userId: viewer.userId, role: viewer.role, queueStates: await viewer.queueStates() };
}

/**
 * Cursor forms: 'c.<seq>' reading the change log; in a snapshot 'g.<mark>.<entityIndex>.<lastId>.<done>.<total>.<part>.<partAfter>.<perPatient>'
 * (patient-major: while at the patient source, lastId is the last patient started, part the index in CHART_SOURCES
 * of their chart rows still to send after partAfter; the chart sources are then skipped), or the earlier
 * entity-major 'b.<mark>.<entityIndex>.<lastId>.<done>.<total>', still continued as such.
 */
type Cursor =
  | { kind: 'log'; seq: number }
  | {
    kind: 'snapshot'; grouped: boolean; mark: number; entityIndex: number; lastId: string; done: number; total: number; part: number; partAfter: string;
    /** Changes per patient (the patient and their chart rows) seen so far, rounded up; 0 before any. */
    perPatient: number;
  };

export class BadCursorError extends Error {}

/** The chart sources sent with their patient, in ENTITY_SOURCES order. */
const CHART_SOURCES = ENTITY_SOURCES.filter((s) => isSentWithPatient(s.entity));
const PATIENT_SOURCE = ENTITY_SOURCES.find((s) => s.entity === 'patient')!;
const UUID = /^[0-9a-f-]{36}$/;
const DIGITS = /^\d+$/;

export function parseCursor(raw: string): Cursor | null {
  if (raw === '') return null;
  const parts = raw.split('.');
  if (parts[0] === 'c' && parts.length === 2 && DIGITS.test(parts[1]!)) return { kind: 'log', seq: Number(parts[1]) };
  const grouped = parts[0] === 'g' && parts.length === 9;
  if ((parts[0] === 'b' && parts.length === 6) || grouped) {
    const [, mark, index, lastId, done, total, part = '0', partAfter = FIRST_ID, perPatient = '0'] = parts;
    if ([mark, index, done, total, part, perPatient].every((p) => DIGITS.test(p!)) && UUID.test(lastId!) && UUID.test(partAfter) && Number(index) <= ENTITY_SOURCES.length && Number(part) <= CHART_SOURCES.length) {
      return {
        kind: 'snapshot', grouped, mark: Number(mark), entityIndex: Number(index), lastId: lastId!, done: Number(done), total: Number(total),
        part: grouped ? Number(part) : CHART_SOURCES.length, partAfter, perPatient: Number(perPatient),
      };
    }
  }
  throw new BadCursorError('The sync cursor is not valid; start a fresh sync.');
}

/** The high-water mark of a snapshot cursor (a first sync in progress), else null (also for a malformed one). */
export function snapshotMarkOf(raw: string): number | null {
  try {
    const cursor = parseCursor(raw);
    return cursor?.kind === 'snapshot' ? cursor.mark : null;
  } catch {
    return null;
  }
}

function encode(c: Cursor): string {
  if (c.kind === 'log') return `c.${c.seq}`;
  const base = `${c.mark}.${c.entityIndex}.${c.lastId}.${c.done}.${c.total}`;
  return c.grouped ? `g.${base}.${c.part}.${c.partAfter}.${c.perPatient}` : `b.${base}`;
}

async function highWaterMark(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ seq: number | null }>('SELECT max(seq) AS seq FROM change_log');
  return rows[0]?.seq ?? 0;
}

/** An entity as a scope query returns it. */
type ScopedItem = { state: EntityState; patientId: string | null };

/** Where a patient-major snapshot stands in the patient source: see the 'g' cursor. */
interface ChartPosition {
  lastId: string;
  part: number;
  partAfter: string;
}

/**
 * The first batch of patients of a snapshot is small (a clinic whose patients have long charts does not over-read);
 * later batches are sized by the changes per patient seen so far (carried in the cursor), to fill a page in one or
 * two batches: each batch costs a query per chart source.
 */
const FIRST_PATIENT_BATCH = 25;

/**
 * Adds patients, each followed by their chart rows, until the page is full; a page that fills up inside a
 * patient's chart ends there and the next page goes on with that patient's rows. Returns true once every
 * patient has been sent.
 */
async function patientMajorStep(
  db: Queryable, viewer: ScopeViewer, pos: ChartPosition, limit: number, changes: Change[], add: (item: ScopedItem) => void, batchHint: { perPatient: number },
): Promise<boolean> {
  const want = limit - changes.length;
  if (pos.part < CHART_SOURCES.length) {
    const rows = await loadScopePage(db, CHART_SOURCES[pos.part]!, viewer, pos.partAfter, want, pos.lastId);
    for (const row of rows) add(row);
    if (rows.length < want) {
      pos.part += 1;
      pos.partAfter = FIRST_ID;
    } else {
      pos.partAfter = rows[rows.length - 1]!.state.id;
    }
    return false;
  }
  const size = Math.max(1, Math.min(want, batchHint.perPatient === 0 ? FIRST_PATIENT_BATCH : Math.ceil(want / batchHint.perPatient)));
  const patients = await loadScopePage(db, PATIENT_SOURCE, viewer, pos.lastId, size);
  if (patients.length === 0) return true;
  const lastInBatch = patients[patients.length - 1]!.state.id;
  const charts = await Promise.all(CHART_SOURCES.map((source) => loadScopeRowsOfPatientRange(db, source, viewer, pos.lastId, lastInBatch)));
  const byPatient = charts.map((rows) => {
    const map = new Map<string, typeof rows>();
    for (const row of rows) {
      const list = map.get(row.patientId ?? '');
      if (list) list.push(row);
      else map.set(row.patientId ?? '', [row]);
    }
    return map;
  });
  batchHint.perPatient = Math.ceil((patients.length + charts.reduce((n, rows) => n + rows.length, 0)) / patients.length);
  for (const patient of patients) {
    if (changes.length >= limit) return false;
    add(patient);
    pos.lastId = patient.state.id;
    for (pos.part = 0, pos.partAfter = FIRST_ID; pos.part < CHART_SOURCES.length; pos.part += 1, pos.partAfter = FIRST_ID) {
      for (const row of byPatient[pos.part]!.get(patient.state.id) ?? []) {
        if (changes.length >= limit) return false;
        add(row);
        pos.partAfter = row.state.id;
      }
    }
  }
  return patients.length < size;
}

async function snapshotPage(db: Queryable, viewer: ScopeViewer, cursor: Extract<Cursor, { kind: 'snapshot' }>, limit: number): Promise<PullResponse> {
  const changes: Change[] = [];
  const add = (item: ScopedItem) => changes.push({ ...item.state, seq: cursor.mark, patientId: item.patientId });
  let { entityIndex, lastId, done } = cursor;
  const pos: ChartPosition = { lastId, part: cursor.part, partAfter: cursor.partAfter };
  const batchHint = { perPatient: cursor.perPatient };
  /** The next source to page through: a patient-major snapshot has sent the chart sources with the patients. */
  const nextIndex = (i: number) => {
    let next = i + 1;
    while (cursor.grouped && next < ENTITY_SOURCES.length && isSentWithPatient(ENTITY_SOURCES[next]!.entity)) next += 1;
    return next;
  };
  while (changes.length < limit && entityIndex < ENTITY_SOURCES.length) {
    const source = ENTITY_SOURCES[entityIndex]!;
    if (cursor.grouped && source === PATIENT_SOURCE) {
      pos.lastId = lastId;
      const finished = await patientMajorStep(db, viewer, pos, limit, changes, add, batchHint);
      if (finished) {
        entityIndex = nextIndex(entityIndex);
        lastId = FIRST_ID;
        pos.part = CHART_SOURCES.length;
        pos.partAfter = FIRST_ID;
      } else {
        lastId = pos.lastId;
      }
      continue;
    }
    const want = limit - changes.length;
    const page = await loadScopePage(db, source, viewer, lastId, want);
    for (const item of page) add(item);
    if (page.length < want) {
      entityIndex = nextIndex(entityIndex); // this entity is done
      lastId = FIRST_ID;
    } else {
      lastId = page[page.length - 1]!.state.id;
    }
  }
  done += changes.length;
  const finished = entityIndex >= ENTITY_SOURCES.length;
  const inPatients = cursor.grouped && ENTITY_SOURCES[entityIndex] === PATIENT_SOURCE; // the chart position matters only there
  const next: Cursor = finished
    ? { kind: 'log', seq: cursor.mark }
    : { ...cursor, entityIndex, lastId, done, part: inPatients ? pos.part : CHART_SOURCES.length, partAfter: inPatients ? pos.partAfter : FIRST_ID, perPatient: batchHint.perPatient };
  return { changes, cursor: encode(next), hasMore: true, progress: { done, total: Math.max(cursor.total, done) } };
}

interface LogRow {
  seq: number; entity: Change['entity']; entity_id: string; patient_id: string | null; version: number; deleted: boolean; data: Record<string, unknown> | string | null;
}

/**
 * The seqs (after $2, at most $3) of the change-log rows the viewer ($1) may pull, as a union of index-driven
 * parts, so a pull reads only rows in the viewer's scope instead of scanning every change since the cursor:
 *  - rows addressed to the viewer: access grants/revocations (kept after access ended, so the device can
 *    delete the data) and per-user rows of no patient (change_log_audience_idx);
 *  - waiting/taken queue requests for clinicians, delivery runs for couriers (filtered per row afterwards;
 *    partial indexes of migration 0010);
 *  - the changes of the patients in scope: for clinicians through their care team, one range of
 *    change_log_patient_idx per patient (the same rule as patientScopeSql); other roles filter with
 *    patientScopeSql, as their scope is not a list of rows of their own.
 * UNION (not UNION ALL): a row matching two parts is sent once.
 */
function scopedSeqsSql(role: Role): string {
  const parts = [
    `(SELECT seq FROM change_log WHERE audience_user_id = $1 AND seq > $2
        AND (entity = 'access' OR (entity NOT IN ('access', 'queue') AND patient_id IS NULL)) ORDER BY seq LIMIT $3)`,
  ];
  if (role === 'clinician') parts.push(`(SELECT seq FROM change_log WHERE entity = 'queue' AND seq > $2 ORDER BY seq LIMIT $3)`);
  if (role === 'courier') {
    parts.push(`(SELECT seq FROM change_log WHERE entity = 'fieldRequest' AND data->>'kind' = 'delivery' AND seq > $2 ORDER BY seq LIMIT $3)`);
  }
  const patientRows = `c.entity NOT IN ('access', 'queue') AND (c.audience_user_id IS NULL OR c.audience_user_id = $1)`;
  if (role === 'clinician') {
    parts.push(`(SELECT p.seq FROM care_team ct CROSS JOIN LATERAL (
        SELECT c.seq FROM change_log c WHERE c.patient_id = ct.patient_id AND c.seq > $2 AND ${patientRows} ORDER BY c.seq LIMIT $3) p
      WHERE ct.user_id = $1)`);
  } else if (role === 'dispatcher') {
    parts.push(`(SELECT c.seq FROM change_log c WHERE c.seq > $2 AND c.patient_id IS NOT NULL AND ${patientRows}
        AND ${patientScopeSql(role, 'c.patient_id')} ORDER BY c.seq LIMIT $3)`);
  }
  return parts.join('\n UNION ');
}

async function logPage(db: Queryable, viewer: Viewer, since: number, limit: number): Promise<PullResponse> {
  const { rows } = await db.query<LogRow>(
    `SELECT c.seq, c.entity, c.entity_id, c.patient_id, c.version, c.deleted, c.data
       FROM (${scopedSeqsSql(viewer.role)}) s JOIN change_log c ON c.seq = s.seq
      ORDER BY c.seq LIMIT $3`,
    [viewer.userId, since, limit],
  );
  const changes: Change[] = [];
  for (const r of rows) {
    const data = typeof r.data === 'string' ? (JSON.parse(r.data) as Record<string, unknown>) : r.data;
    if (r.entity === 'queue' && !queueRequestVisible(data, { userId: viewer.userId, queueStates: await viewer.queueStates() })) {
      // Taken by someone else, cancelled, or moved out of the viewer's licensed states: the device drops it.
      changes.push({ seq: r.seq, entity: r.entity, id: r.entity_id, version: r.version, deleted: true, data: null, patientId: null });
      continue;
    }
    if (viewer.role === 'courier' && r.entity === 'fieldRequest' && data?.assigneeId !== viewer.userId) {
      // A delivery run that is not (or no longer) the courier's: the device drops it, and sees none of its data.
      changes.push({ seq: r.seq, entity: r.entity, id: r.entity_id, version: r.version, deleted: true, data: null, patientId: null });
      continue;
    }
    changes.push({ seq: r.seq, entity: r.entity, id: r.entity_id, version: r.version, deleted: r.deleted, data, patientId: r.patient_id });
    if (r.entity === 'access' && !r.deleted && r.patient_id) {
      // A new patient in scope: send their whole chart now, at this seq.
      const scope = await scopeViewer(viewer);
      for (const source of ENTITY_SOURCES) {
        let after = FIRST_ID;
        for (;;) {
          const page = await loadScopePage(db, source, scope, after, 500, r.patient_id);
          for (const item of page) changes.push({ ...item.state, seq: r.seq, patientId: item.patientId });
          if (page.length < 500) break;
          after = page[page.length - 1]!.state.id;
        }
      }
    }
  }
  const last = rows.length > 0 ? rows[rows.length - 1]!.seq : since;
  return { changes, cursor: encode({ kind: 'log', seq: last }), hasMore: rows.length === limit, progress: null };
}

export async function pull(db: Queryable, who: { userId: string; role: Role }, query: PullQuery, now = new Date()): Promise<PullResponse> {
  let states: Promise<readonly string[]> | null = null;
  const viewer: Viewer = { userId: who.userId, role: who.role, queueStates: () => (states ??= queueStatesFor(db, who, now)) };
  const cursor = parseCursor(query.cursor);
  if (cursor === null) {
    // First sync: fix the mark before reading the snapshot, so changes committed during it are pulled after.
    const mark = await highWaterMark(db);
    const scope = await scopeViewer(viewer);
    let total = 0;
    for (const source of ENTITY_SOURCES) total += await countScope(db, source, scope);
    return snapshotPage(db, scope, { kind: 'snapshot', grouped: true, mark, entityIndex: 0, lastId: FIRST_ID, done: 0, total, part: CHART_SOURCES.length, partAfter: FIRST_ID, perPatient: 0 }, query.limit);
  }
  if (cursor.kind === 'snapshot') return snapshotPage(db, await scopeViewer(viewer), cursor, query.limit);
  return logPage(db, viewer, cursor.seq, query.limit);
}
