// Applies one page of pulled changes and stores the new cursor in the same transaction, so the cursor never
// passes data that is not stored. An entity is overwritten only by a version >= the stored one; pending
// local changes are re-applied on top. A revoked access removes the patient's rows; unsent changes for that
// patient move to conflicts (never dropped silently).
import type { Change, PullResponse } from '../../shared/sync/protocol';
import type { CachedEntityName } from '../../shared/sync/local-effects';
import type { CacheCore } from './cache';
import type { EntitySnapshot, PlannedWrite, ServerUpdate } from './entity-store';
import { commitPlanned, composeRow, entityKey, openArgs, openView, planWrite, storeRows } from './entity-store';
import { emitPatientsCheckedIn } from './check-in-events';
import { setMeta } from './meta';
import type { CacheDb, ConflictRow, EntityRow, OutboxRow } from './schema';
import { ENTITY_TABLE_NAMES } from './schema';

const ACCESS_ENDED = 'You no longer have access to this patient, so this change was not sent.';
const ENTITY_REMOVED = 'This record was removed on the server, so this change was not sent.';
const QUEUE_GONE = 'This patient is no longer in your queue (another clinician took them, or they left), so they were not taken.';

interface KeyState {
  patientId: string | null;
  server: ServerUpdate;
  version: number;
  /** The patient's data was removed earlier in this page: the cached row and its pending entries are gone. */
  afterRevocation: boolean;
  gone: boolean;
}

interface PagePlan {
  rows: Array<{ snap: EntitySnapshot; row: EntityRow | null }>;
  /** Entries whose entity the server removed: moved to conflicts. */
  orphaned: ConflictRow[];
  orphanedSeqs: number[];
  revoked: string[];
  /** The user's appointments this page moved to checked in (made elsewhere: nothing of theirs was pending). */
  checkedIn: number;
}

function toConflict(entry: OutboxRow, reason: ConflictRow['reason'], message: string, nowIso: string): ConflictRow {
  return {
    id: entry.mutationId, seq: entry.seq, name: entry.name, reason, message, entityKey: entry.entityKey, patientId: entry.patientId,
    mine: entry.args, theirs: null, baseVersion: entry.baseVersion, createdAt: nowIso,
  };
}

/**
 * Deletes a patient's cached rows and moves their unsent changes to conflicts (inside the transaction).
 * Conflicts keep only what this user entered: the server's side of earlier conflicts is dropped too.
 */
export async function removePatient(db: CacheDb, patientId: string, nowIso: string): Promise<void> {
  for (const name of ENTITY_TABLE_NAMES) await db[name].where('patientId').equals(patientId).delete();
  await db.charts.delete(patientId); // the patient and their chart
  await db.conflicts.where('patientId').equals(patientId).modify({ theirs: null });
  const entries = await db.outbox.where('patientId').equals(patientId).toArray();
  if (entries.length === 0) return;
  await db.conflicts.bulkPut(entries.map((e) => toConflict(e, 'forbidden', ACCESS_ENDED, nowIso)));
  await db.outbox.bulkDelete(entries.map((e) => e.seq));
}

function entityChanges(changes: readonly Change[]): Array<Change & { entity: CachedEntityName }> {
  return changes.filter((c): c is Change & { entity: CachedEntityName } => c.entity !== 'access');
}

async function planPage(core: CacheCore, changes: readonly Change[], snaps: Map<string, EntitySnapshot>, nowIso: string, fromLog: boolean): Promise<PagePlan> {
  const states = new Map<string, KeyState>();
  const revoked = new Set<string>();
  const revokedOrder: string[] = [];
  for (const change of changes) {
    if (change.entity === 'access') {
      if (!change.deleted || !change.patientId) continue;
      if (!revoked.has(change.patientId)) revokedOrder.push(change.patientId);
      revoked.add(change.patientId);
      for (const [key, state] of states) {
        if (state.patientId === change.patientId) states.set(key, { patientId: state.patientId, server: 'unchanged', version: -1, afterRevocation: true, gone: false });
      }
      continue;
    }
    const key = entityKey(change.entity, change.id);
    const snap = snaps.get(key)!;
    let state = states.get(key);
    if (!state) {
      const afterRevocation = change.patientId !== null && revoked.has(change.patientId);
      state = { patientId: change.patientId ?? snap.row?.patientId ?? null, server: 'unchanged', version: afterRevocation ? -1 : (snap.row?.version ?? -1), afterRevocation, gone: false };
      states.set(key, state);
    }
    if (change.version < state.version) continue; // older than what the device already has
    state.version = change.version;
    state.gone = change.deleted || !change.data;
    state.server = state.gone ? null : { data: change.data!, version: change.version };
  }

  const plan: PagePlan = { rows: [], orphaned: [], orphanedSeqs: [], revoked: revokedOrder, checkedIn: 0 };
  const effect = core.effectContext(); // one per page, not one per row
  await Promise.all(
    [...states].map(async ([key, state]) => {
      const snap = snaps.get(key)!;
      if (state.server === 'unchanged') return; // only reset by a revocation: removePatient deletes the row
      const entries = state.afterRevocation ? [] : snap.entries;
      if (state.gone) {
        plan.rows.push({ snap, row: null });
        for (const e of entries) {
          plan.orphaned.push(toConflict(e, 'not_found', snap.target?.entity === 'queue' ? QUEUE_GONE : ENTITY_REMOVED, nowIso));
          plan.orphanedSeqs.push(e.seq);
        }
        return;
      }
      if (await isCheckInFromElsewhere(core, key, snap, state, fromLog)) plan.checkedIn += 1;
      const pending = await Promise.all(entries.map(async (e) => ({ name: e.name, args: await openArgs(core.key, e) })));
      const row = await composeRow({ key: core.key, effect, snap, server: state.server, pending, ignoreRow: state.afterRevocation });
      plan.rows.push({ snap, row });
    }),
  );
  return plan;
}

/**
 * An appointment of this user, not changed on this device, that the server now says is checked in: a known one
 * moving to checked in, or one first seen already checked in from the change log (e.g. a walk-in booked and
 * checked in at the front desk) — never the rows of a first download.
 */
async function isCheckInFromElsewhere(core: CacheCore, key: string, snap: EntitySnapshot, state: KeyState, fromLog: boolean): Promise<boolean> {
  if (snap.target?.entity !== 'appointment' || snap.entries.length > 0 || state.afterRevocation) return false;
  if (state.server === null || state.server === 'unchanged') return false;
  const next = state.server.data;
  if (next.status !== 'checked_in' || next.clinicianId !== core.userId) return false;
  if (!snap.row) return fromLog;
  const before = await openView(core.key, key, snap.row);
  return before !== null && before.status !== 'checked_in';
}

/** A pulled page whose rows are being composed and sealed (started by preparePullPage), ready to commit. */
export interface PreparedPullPage {
  page: PullResponse;
  keys: string[];
  nowIso: string;
  planned: Promise<PlannedWrite<PagePlan>>;
}

/**
 * Starts composing and sealing a page's rows. `expectNew` (a first sync's snapshot page) skips reading the
 * cache: the rows are taken to be absent with nothing pending, so this can run while the previous page is
 * still being written; the commit checks that, and composes the page again from the cache if it was wrong.
 */
export function preparePullPage(core: CacheCore, page: PullResponse, options: { expectNew?: boolean } = {}): PreparedPullPage {
  const changes = entityChanges(page.changes);
  const keys = changes.map((c) => entityKey(c.entity, c.id));
  const hints = new Map(changes.map((c, i) => [keys[i]!, c.patientId]));
  const nowIso = new Date(core.env.now()).toISOString();
  const compute = (snaps: Map<string, EntitySnapshot>) => planPage(core, page.changes, snaps, nowIso, page.progress === null);
  return { page, keys, nowIso, planned: planWrite(core.db, keys, compute, { assumeAbsent: options.expectNew === true, hints }) };
}

/** Stores a prepared page and its cursor atomically. Returns how many entity changes the page held. */
export async function commitPullPage(core: CacheCore, prepared: PreparedPullPage): Promise<number> {
  const { db } = core;
  const { page, keys, nowIso } = prepared;
  const stored = await commitPlanned(
    db,
    keys,
    await prepared.planned,
    (snaps) => planPage(core, page.changes, snaps, nowIso, page.progress === null),
    async (plan) => {
      for (const patientId of plan.revoked) await removePatient(db, patientId, nowIso);
      if (plan.orphaned.length > 0) {
        await db.conflicts.bulkPut(plan.orphaned);
        await db.outbox.bulkDelete(plan.orphanedSeqs);
      }
      await storeRows(db, plan.rows);
      await setMeta(db, { cursor: page.cursor, lastServerContactAt: nowIso, ...(page.hasMore ? {} : { firstSyncDone: true }) });
    },
  );
  emitPatientsCheckedIn(stored.checkedIn);
  return keys.length;
}

/** Stores a pulled page and its cursor atomically. Returns how many entity changes the page held. */
export function applyPullPage(core: CacheCore, page: PullResponse): Promise<number> {
  return commitPullPage(core, preparePullPage(core, page));
}
