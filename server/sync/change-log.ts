// Records changes in the change log with a global sequence equal to commit order: the sequence number is
// taken under a transaction-level advisory lock held until commit, so no later commit can get a lower seq
// and a pulling client's cursor never passes a change that is not yet visible.
import type { Queryable } from '../db/database';
import { sqlLiteral } from '../db/database';
import type { EntityName, EntityState } from '../../shared/sync/protocol';
import { loadEntity } from './entity-sources';
import { CHANGES_CHANNEL } from '../realtime/bus';

const CHANGE_SEQ_LOCK = 727_002;

/** Transactions that already hold the lock (it is held until commit, so once per transaction is enough). */
const lockedTransactions = new WeakSet<Queryable>();

async function lockChangeSeq(tx: Queryable): Promise<void> {
  if (lockedTransactions.has(tx)) return;
  await tx.query('SELECT pg_advisory_xact_lock($1)', [CHANGE_SEQ_LOCK]);
  lockedTransactions.add(tx);
}

/** Who a committed change concerns: sent to every instance (ids only) to poke the right workstations. */
export interface ChangeNotice {
  patientId: string | null;
  userId: string | null;
  /** For chat changes of a patient: the care team, looked up once here so no instance queries it per message. */
  careTeam?: string[];
  /** The patient's join page should look again: their care conversation changed, or their visit ended. */
  patientPage?: true;
  /** The pushing workstation's clientId, when this is the very state its push answer carried (it need not pull it). */
  origin?: string;
}

/** A pushed change the pushing device already holds: the entity, id and version its answer carried. */
export const answeredStateKey = (entity: string, id: string, version: number): string => `${entity}:${id}:${version}`;

/** The pushing device and the states its answers carried (see ChangeNotice.origin). */
export interface PushOrigin {
  clientId: string;
  answered: ReadonlySet<string>;
}

/** Entities whose notices carry the patient's care team (frequent writes that must poke quickly). */
const CARE_TEAM_IN_NOTICE: ReadonlySet<string> = new Set(['message', 'conversation']);

async function notify(tx: Queryable, notice: ChangeNotice): Promise<void> {
  // NOTIFY inside the transaction is delivered only if and when it commits.
  await tx.query('SELECT pg_notify($1, $2)', [CHANGES_CHANNEL, JSON.stringify(notice)]);
}

interface PendingChange {
  entity: Exclude<EntityName, 'access'>;
  id: string;
  patientId: string | null;
  audienceUserId: string | null;
  version: number;
  data: string;
  /** The notice sent after the row is written (care team and patient page included, as when written at once). */
  notice: ChangeNotice;
}

/**
 * Transactions whose change-log rows are held back and written together by flushChanges() just before commit,
 * so the global sequence lock is held only for that last step instead of for a whole batch of mutations (the
 * lock serialises every writer on every instance). Push uses this; everything else writes at once.
 */
const deferred = new WeakMap<Queryable, PendingChange[]>();

export function deferChanges(tx: Queryable): void {
  if (!deferred.has(tx)) deferred.set(tx, []);
}

/** Where the held-back changes end now; discardChangesAfter(mark) drops later ones (a rolled-back savepoint). */
export function pendingChangeMark(tx: Queryable): number {
  return deferred.get(tx)?.length ?? 0;
}

export function discardChangesAfter(tx: Queryable, mark: number): void {
  deferred.get(tx)?.splice(mark);
}

/** Largest care team named in a notice (by append_changes); a bigger one is left to each instance to look up (payloads stay small). */
const MAX_CARE_TEAM_IN_NOTICE = 100;

/**
 * Runs `before` (parameterless statements: the caller's own last writes, in the same round trip), then writes
 * the held-back changes (in the order recorded; a push names its device and the states its answers carried,
 * whose notices then carry that origin) under the sequence lock and commits the transaction
 * (on PostgreSQL; elsewhere the transaction commits as usual right after): call it last, nothing may follow.
 * One call (append_changes, migration 0010) takes the lock, the sequence numbers in recording order, writes
 * the rows and queues the notices (naming the care team of a patient's change; delivered at commit), so the
 * lock is held for that round trip and the commit.
 */
export async function flushChanges(tx: Queryable, before: readonly string[] = [], origin?: PushOrigin): Promise<void> {
  const pending = deferred.get(tx) ?? [];
  deferred.delete(tx);
  if (pending.length === 0) {
    if (before.length > 0) await finish(tx, before.join(';\n'));
    return;
  }
  // Each row's data is already JSON text: the rows are spliced into one JSON array without parsing it again.
  const rowsJson = `[${pending.map((c, i) => `{"i":${i},"entity":${JSON.stringify(c.entity)},"entity_id":${JSON.stringify(c.id)},"patient_id":${JSON.stringify(c.patientId)},"audience_user_id":${JSON.stringify(c.audienceUserId)},"version":${c.version},"data":${c.data}}`).join(',')}]`;
  const notices = pending.map((c) => (origin?.answered.has(answeredStateKey(c.entity, c.id, c.version)) ? { ...c.notice, origin: origin.clientId } : c.notice));
  const call = `SELECT append_changes(${CHANGE_SEQ_LOCK}, ${sqlLiteral(rowsJson)}::jsonb, ${sqlLiteral(CHANGES_CHANNEL)}, ${sqlLiteral(JSON.stringify(notices))}::jsonb, ${MAX_CARE_TEAM_IN_NOTICE})`;
  await finish(tx, [...before, call].join(';\n'));
  lockedTransactions.add(tx);
}

/** The transaction's last script, committed in the same round trip where the driver can (the lock is released as soon as the rows are in). */
async function finish(tx: Queryable, script: string): Promise<void> {
  if (tx.execAndCommit) await tx.execAndCommit(script);
  else await tx.exec(script);
}

/** Who a change's notice goes to: the patient's care team for chat (no lookup per message on every instance). */
async function noticeFor(tx: Queryable, entity: string, patientId: string | null, audienceUserId: string | null): Promise<ChangeNotice> {
  if (!patientId || !CARE_TEAM_IN_NOTICE.has(entity)) return { patientId, userId: audienceUserId };
  const { rows } = await tx.query<{ user_id: string }>('SELECT user_id FROM care_team WHERE patient_id = $1 LIMIT 100', [patientId]);
  return { patientId, userId: audienceUserId, careTeam: rows.map((r) => r.user_id), patientPage: true };
}

/** Records the current state of an entity (after the caller wrote it) and returns that state. */
export async function recordChange(tx: Queryable, entity: Exclude<EntityName, 'access'>, id: string): Promise<EntityState> {
  const loaded = await loadEntity(tx, entity, id);
  if (!loaded) throw new Error(`recordChange: ${entity} ${id} does not exist`);
  const held = deferred.get(tx);
  if (held) {
    const data = JSON.stringify(loaded.state.data);
    const base = { entity, id, version: loaded.state.version, data };
    if (loaded.audienceUserIds) {
      // Of no patient (a staff conversation): one row per member, as below.
      for (const member of loaded.audienceUserIds) held.push({ ...base, patientId: null, audienceUserId: member, notice: { patientId: null, userId: member } });
    } else {
      const notice = await noticeFor(tx, entity, loaded.patientId, loaded.audienceUserId);
      held.push({ ...base, patientId: loaded.patientId, audienceUserId: loaded.audienceUserId, notice });
    }
    return loaded.state;
  }
  await lockChangeSeq(tx);
  const data = JSON.stringify(loaded.state.data);
  if (loaded.audienceUserIds) {
    // Of no patient (a staff conversation): one row per member, each pulled by that member only; one
    // statement for the rows and one notice per member in a single round trip.
    await tx.query(
      `INSERT INTO change_log (seq, entity, entity_id, patient_id, audience_user_id, version, deleted, data)
       SELECT nextval('change_seq'), $1, $2, NULL, u, $3, false, $4 FROM unnest($5::uuid[]) WITH ORDINALITY AS m(u, n) ORDER BY n`,
      [entity, id, loaded.state.version, data, loaded.audienceUserIds],
    );
    await tx.query('SELECT pg_notify($1, json_build_object(\'patientId\', NULL, \'userId\', u)::text) FROM unnest($2::uuid[]) AS u',
      [CHANGES_CHANNEL, loaded.audienceUserIds]);
    return loaded.state;
  }
  await tx.query(
    `INSERT INTO change_log (seq, entity, entity_id, patient_id, audience_user_id, version, deleted, data)
     VALUES (nextval('change_seq'), $1, $2, $3, $4, $5, false, $6)`,
    [entity, id, loaded.patientId, loaded.audienceUserId, loaded.state.version, data],
  );
  await notify(tx, await noticeFor(tx, entity, loaded.patientId, loaded.audienceUserId));
  return loaded.state;
}

/** Tells the patient's join pages (on every instance) to look again, e.g. when their visit ended; staff get nothing to pull. */
export async function notifyPatientPage(tx: Queryable, patientId: string): Promise<void> {
  await notify(tx, { patientId, userId: null, careTeam: [], patientPage: true });
}

/**
 * Records that a user gained or lost access to a patient. A grant makes the next pull bring that patient's
 * data; a revocation makes the device delete it. Call after the care team row changed.
 */
export async function recordAccessChange(tx: Queryable, userId: string, patientId: string, granted: boolean): Promise<void> {
  await lockChangeSeq(tx);
  await tx.query(
    `INSERT INTO change_log (seq, entity, entity_id, patient_id, audience_user_id, version, deleted, data)
     VALUES (nextval('change_seq'), 'access', $1, $2, $3, 1, $4, NULL)`,
    [`${userId}:${patientId}`, patientId, userId, !granted],
  );
  await notify(tx, { patientId: null, userId });
}
