// Push: applies a client's mutations in order, each in one transaction together with its effects, its
// change-log rows and the record of its answer, so a replayed mutation is answered again, never re-applied.
// A mutation that can never apply is rejected (and recorded) so it never blocks the ones behind it; a
// passing server problem answers 'retry' and stops the batch, keeping the client's order.
import type { Database, Queryable } from '../db/database';
import { sqlLiteral } from '../db/database';
import type { Principal } from '../http/request-context';
import type { Actor, AuditEvent } from '../audit/audit-log';
import { auditManyStatement } from '../audit/audit-log';
import type { Mutation, MutationResult, PushRequest } from '../../shared/sync/protocol';
import { isMutationName, mutationArgs } from '../../shared/sync/mutations';
import { mutationTarget } from '../../shared/sync/local-effects';
import { MUTATION_HANDLERS } from './mutations';
import type { MutationOutcome } from './mutations/types';
import { answeredStateKey, deferChanges, discardChangesAfter, flushChanges, pendingChangeMark } from './change-log';

export interface PushDeps {
  db: Database;
  now: () => Date;
}

type Answer = Extract<MutationResult, { status: 'applied' | 'rejected' }>;

/** PostgreSQL error classes (and socket errors) that mean "try again later", not "this can never apply". */
export function isTransient(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code;
  if (typeof code !== 'string') return false;
  return /^(08|40|53|57)/.test(code) || ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', '57P01'].includes(code);
}

interface StoredRow {
  result: Answer | string;
  mutation_id: string;
  client_id: string;
  seq: number;
}

/**
 * The client's row (created on its first push, locked for this batch by the no-op update) and the answers
 * already given to any mutation of this batch (by id, or by this client's seq); then the savepoint the first
 * mutation runs in. One script, so with the transaction's BEGIN it is one round trip (values inlined: the ids
 * are validated uuids, the client id a validated string, the seqs integers).
 */
async function lockClient(tx: Queryable, clientId: string, userId: string, mutations: Mutation[]): Promise<{ userId: string; lastSeq: number; stored: StoredRow[] }> {
  const uuids = mutations.map((m) => `${sqlLiteral(m.mutationId)}::uuid`).join(', ');
  const seqs = mutations.map((m) => String(Math.trunc(m.seq))).join(', ');
  const results = await tx.script<{ user_id: string; last_seq: number; stored: StoredRow[] | string | null }>(
    `WITH client AS (
       INSERT INTO sync_clients (client_id, user_id) VALUES (${sqlLiteral(clientId)}, ${sqlLiteral(userId)})
       ON CONFLICT (client_id) DO UPDATE SET client_id = EXCLUDED.client_id RETURNING user_id, last_seq)
     SELECT client.user_id, client.last_seq,
            (SELECT json_agg(json_build_object('result', a.result, 'mutation_id', a.mutation_id, 'client_id', a.client_id, 'seq', a.seq))
               FROM applied_mutations a
              WHERE a.mutation_id = ANY(ARRAY[${uuids}]::uuid[]) OR (a.client_id = ${sqlLiteral(clientId)} AND a.seq = ANY(ARRAY[${seqs}]::bigint[]))) AS stored
       FROM client;
     SAVEPOINT mutation`);
  const row = results[0]!.rows[0]!;
  const stored = typeof row.stored === 'string' ? (JSON.parse(row.stored) as StoredRow[]) : (row.stored ?? []);
  return { userId: row.user_id, lastSeq: Number(row.last_seq), stored: stored.map((r) => ({ ...r, seq: Number(r.seq) })) };
}

function storedAnswer(stored: StoredRow[], clientId: string, mutation: Mutation): Answer | null {
  const rows = stored.filter((r) => r.mutation_id === mutation.mutationId || (r.client_id === clientId && r.seq === mutation.seq));
  const row = rows.find((r) => r.mutation_id === mutation.mutationId);
  if (!row) {
    if (rows.length === 0) return null;
    return { mutationId: mutation.mutationId, seq: mutation.seq, status: 'rejected', reason: 'out_of_order', message: 'Another change from this device already used this sequence number.', current: null };
  }
  const result = typeof row.result === 'string' ? (JSON.parse(row.result) as Answer) : row.result;
  return result.status === 'applied' ? { ...result, duplicate: true } : result;
}

/**
 * The savepoint that isolates each mutation's writes. Between two mutations the previous one's savepoint is
 * released and the next one opened in one round trip; after a rollback to it, it is still open and clean, so
 * the next mutation reuses it. The last one is never released: the commit keeps what it holds.
 */
class MutationSavepoint {
  /** Opened by lockClient's script. */
  private state: 'none' | 'clean' | 'holds-writes' = 'clean';
  constructor(private readonly tx: Queryable) {}
  async open(): Promise<void> {
    if (this.state === 'none') await this.tx.exec('SAVEPOINT mutation');
    else if (this.state === 'holds-writes') await this.tx.exec('RELEASE SAVEPOINT mutation; SAVEPOINT mutation');
    this.state = 'clean';
  }
  async rollback(): Promise<void> {
    await this.tx.exec('ROLLBACK TO SAVEPOINT mutation');
    this.state = 'clean';
  }
  keep(): void {
    this.state = 'holds-writes';
  }
}

/** Runs a mutation's handler inside a savepoint: a rejection (or a failure that will never pass) undoes its writes. */
async function runHandler(tx: Queryable, savepoint: MutationSavepoint, principal: Principal, clientId: string, mutation: Mutation, now: Date, log: (error: unknown) => void): Promise<MutationOutcome> {
  if (!isMutationName(mutation.name)) return { status: 'rejected', reason: 'unknown_mutation', message: `Unknown change type "${mutation.name.slice(0, 60)}".`, current: null, patientId: null };
  const handler = MUTATION_HANDLERS[mutation.name];
  if (!handler.roles.includes(principal.role)) return { status: 'rejected', reason: 'forbidden', message: 'Your role cannot make this change.', current: null, patientId: null };
  const parsed = mutationArgs[mutation.name].safeParse(mutation.args);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    return { status: 'rejected', reason: 'invalid_args', message: `The change is not valid: check ${fields.join(', ')}.`, current: null, patientId: null };
  }
  const mark = pendingChangeMark(tx);
  await savepoint.open();
  let outcome: MutationOutcome;
  try {
    outcome = await (handler.apply as (ctx: Parameters<typeof handler.apply>[0], args: unknown) => Promise<MutationOutcome>)(
      { tx, principal, clientId, baseVersion: mutation.baseVersion, now }, parsed.data);
  } catch (error) {
    if (isTransient(error)) throw error; // the whole batch is answered 'retry'
    log(error);
    await savepoint.rollback();
    discardChangesAfter(tx, mark);
    return { status: 'rejected', reason: 'rule_violation', message: 'The server could not apply this change.', current: null, patientId: null };
  }
  if (outcome.status === 'rejected' && !outcome.keepWrites) {
    await savepoint.rollback();
    discardChangesAfter(tx, mark);
  } else savepoint.keep();
  return outcome;
}

/**
 * Applies a batch in one transaction: each mutation commits together with its effects, its change-log rows,
 * its audit row and the record of its answer, or (on a passing failure) nothing of the batch does.
 */
async function applyBatch(deps: PushDeps, principal: Principal, actor: Actor, clientId: string, mutations: Mutation[], log: (error: unknown) => void): Promise<Answer[]> {
  return deps.db.transaction(async (tx) => {
    // Change-log rows are written together at the end, so the global sequence lock is held only for that.
    deferChanges(tx);
    const { userId: clientUserId, lastSeq: clientLastSeq, stored } = await lockClient(tx, clientId, principal.userId, mutations);
    const savepoint = new MutationSavepoint(tx);
    let lastSeq = clientLastSeq;
    const answers: Answer[] = [];
    // The record of each answer and its audit row, written together after the loop (one statement each; the
    // same transaction, so they commit with the mutations or not at all).
    const recorded: Array<{ seq: number; mutation_id: string; name: string; result: Answer }> = [];
    const audits: AuditEvent[] = [];
    for (const mutation of mutations) {
      const base = { mutationId: mutation.mutationId, seq: mutation.seq };
      if (clientUserId !== principal.userId) {
        answers.push({ ...base, status: 'rejected', reason: 'forbidden', message: 'This device identity belongs to another user.', current: null });
        continue;
      }
      const previous = storedAnswer(stored, clientId, mutation);
      if (previous) {
        answers.push(previous);
        continue;
      }
      if (mutation.seq <= lastSeq) {
        // Not recorded: the (client, seq) slot may belong to another mutation already.
        answers.push({ ...base, status: 'rejected', reason: 'out_of_order', message: 'This change arrived after later ones from the same device.', current: null });
        continue;
      }
      const outcome = await runHandler(tx, savepoint, principal, clientId, mutation, deps.now(), log);
      const answer: Answer = outcome.status === 'applied'
        ? { ...base, status: 'applied', duplicate: false, state: outcome.state }
        : { ...base, status: 'rejected', reason: outcome.reason, message: outcome.message, current: outcome.current };
      recorded.push({ seq: mutation.seq, mutation_id: mutation.mutationId, name: mutation.name.slice(0, 100), result: answer });
      lastSeq = mutation.seq;
      if (outcome.patientId) {
        audits.push({
          action: `sync.${mutation.name}`.slice(0, 64), outcome: outcome.status === 'applied' ? 'allowed' : 'denied', patientId: outcome.patientId,
          resource: outcome.status === 'applied' ? outcome.state.entity : null, resourceId: outcome.status === 'applied' ? outcome.state.id : null,
          detail: outcome.status === 'rejected' ? { reason: outcome.reason } : undefined,
        });
      }
      answers.push(answer);
    }
    // The last savepoint is not released: COMMIT keeps what it holds (one round trip fewer). The answers (each
    // recorded one advanced lastSeq: with the client's new last seq in one statement), the audit rows and the
    // change-log rows go in one script that also commits.
    const last: string[] = [];
    if (recorded.length > 0) {
      last.push(`WITH answers AS (
           INSERT INTO applied_mutations (client_id, seq, mutation_id, name, result)
           SELECT ${sqlLiteral(clientId)}, r.seq, r.mutation_id, r.name, r.result FROM jsonb_to_recordset(${sqlLiteral(JSON.stringify(recorded))}::jsonb) AS r(seq bigint, mutation_id uuid, name text, result jsonb))
         UPDATE sync_clients SET last_seq = ${Math.trunc(lastSeq)}, updated_at = now() WHERE client_id = ${sqlLiteral(clientId)}`);
    }
    const auditRows = auditManyStatement(actor, audits);
    if (auditRows) last.push(auditRows);
    await flushChanges(tx, last, { clientId, answered: statesTheDeviceHolds(mutations, answers) });
    return answers;
  });
}

/**
 * The states this push's answers hand the device for the entity each mutation targets (what the device stores
 * from an answer, see renderer/data/push-answers.ts): their change notices need not make that device pull.
 */
function statesTheDeviceHolds(mutations: readonly Mutation[], answers: readonly Answer[]): Set<string> {
  const held = new Set<string>();
  answers.forEach((answer, i) => {
    if (answer.status !== 'applied' || answer.duplicate || !answer.state) return;
    const target = mutationTarget(mutations[i]!.name, mutations[i]!.args);
    if (target && target.entity === answer.state.entity && target.id === answer.state.id) held.add(answeredStateKey(answer.state.entity, answer.state.id, answer.state.version));
  });
  return held;
}

export async function push(deps: PushDeps, principal: Principal, actor: Actor, request: PushRequest, log: (error: unknown) => void): Promise<MutationResult[]> {
  const sorted = [...request.mutations].sort((a, b) => a.seq - b.seq);
  try {
    return await applyBatch(deps, principal, actor, request.clientId, sorted, log);
  } catch (error) {
    if (!isTransient(error)) log(error);
    // Nothing of the batch committed: the client sends it all again later, in the same order.
    return sorted.map((m) => ({ mutationId: m.mutationId, seq: m.seq, status: 'retry', message: 'The server is busy; this change will be sent again.' }));
  }
}
