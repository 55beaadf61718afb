// Push: applies a client's mutations in order, each in one transaction together with its effects, its
// change-log rows and the record of its answer, so a replayed mutation is answered again, never re-applied.
// A mutation that can never apply is rejected (and recorded) so it never blocks the ones behind it; a
// passing server problem answers 'retry' and stops the batch, keeping the client's order.
import type { Database, Queryable } from '../db/database';
import type { Principal } from '../http/request-context';
import type { Actor } from '../audit/audit-log';
import { audit } from '../audit/audit-log';
import type { Mutation, MutationResult, PushRequest } from '../../shared/sync/protocol';
import { isMutationName, mutationArgs } from '../../shared/sync/mutations';
import { MUTATION_HANDLERS } from './mutations';
import type { MutationOutcome } from './mutations/types';

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

async function storedAnswer(tx: Queryable, clientId: string, mutation: Mutation): Promise<Answer | null> {
  const { rows } = await tx.query<{ result: Answer; mutation_id: string }>(
    'SELECT result, mutation_id FROM applied_mutations WHERE (client_id = $1 AND seq = $2) OR mutation_id = $3', [clientId, mutation.seq, mutation.mutationId]);
  const row = rows.find((r) => r.mutation_id === mutation.mutationId);
  if (!row) {
    if (rows.length === 0) return null;
    return { mutationId: mutation.mutationId, seq: mutation.seq, status: 'rejected', reason: 'out_of_order', message: 'Another change from this device already used this sequence number.', current: null };
  }
  const result = typeof row.result === 'string' ? (JSON.parse(row.result) as Answer) : row.result;
  return result.status === 'applied' ? { ...result, duplicate: true } : result;
}

async function runHandler(tx: Queryable, principal: Principal, clientId: string, mutation: Mutation, now: Date): Promise<MutationOutcome> {
  if (!isMutationName(mutation.name)) return { status: 'rejected', reason: 'unknown_mutation', message: `Unknown change type "${mutation.name}".`, current: null, patientId: null };
  const handler = MUTATION_HANDLERS[mutation.name];
  if (!handler.roles.includes(principal.role)) return { status: 'rejected', reason: 'forbidden', message: 'Your role cannot make this change.', current: null, patientId: null };
  const parsed = mutationArgs[mutation.name].safeParse(mutation.args);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(root)'))];
    return { status: 'rejected', reason: 'invalid_args', message: `The change is not valid: check ${fields.join(', ')}.`, current: null, patientId: null };
  }
  await tx.query('SAVEPOINT mutation');
  const outcome = await (handler.apply as (ctx: Parameters<typeof handler.apply>[0], args: unknown) => Promise<MutationOutcome>)(
    { tx, principal, clientId, baseVersion: mutation.baseVersion, now }, parsed.data);
  if (outcome.status === 'rejected' && !outcome.keepWrites) await tx.query('ROLLBACK TO SAVEPOINT mutation');
  else await tx.query('RELEASE SAVEPOINT mutation');
  return outcome;
}

async function recordAnswer(tx: Queryable, clientId: string, mutation: Mutation, answer: Answer): Promise<void> {
  await tx.query('INSERT INTO applied_mutations (client_id, seq, mutation_id, name, result) VALUES ($1, $2, $3, $4, $5)',
    [clientId, mutation.seq, mutation.mutationId, mutation.name.slice(0, 100), JSON.stringify(answer)]);
  await tx.query('UPDATE sync_clients SET last_seq = GREATEST(last_seq, $2), updated_at = now() WHERE client_id = $1', [clientId, mutation.seq]);
}

async function applyOne(deps: PushDeps, principal: Principal, actor: Actor, clientId: string, mutation: Mutation): Promise<Answer> {
  return deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, principal.userId]);
    const { rows } = await tx.query<{ user_id: string; last_seq: number }>('SELECT user_id, last_seq FROM sync_clients WHERE client_id = $1 FOR UPDATE', [clientId]);
    const client = rows[0]!;
    const base = { mutationId: mutation.mutationId, seq: mutation.seq };
    if (client.user_id !== principal.userId) {
      return { ...base, status: 'rejected', reason: 'forbidden', message: 'This device identity belongs to another user.', current: null } satisfies Answer;
    }
    const previous = await storedAnswer(tx, clientId, mutation);
    if (previous) return previous;
    if (mutation.seq <= client.last_seq) {
      const answer: Answer = { ...base, status: 'rejected', reason: 'out_of_order', message: 'This change arrived after later ones from the same device.', current: null };
      return answer; // not recorded: the (client, seq) slot may belong to another mutation already
    }
    const outcome = await runHandler(tx, principal, clientId, mutation, deps.now());
    const answer: Answer = outcome.status === 'applied'
      ? { ...base, status: 'applied', duplicate: false, state: outcome.state }
      : { ...base, status: 'rejected', reason: outcome.reason, message: outcome.message, current: outcome.current };
    await recordAnswer(tx, clientId, mutation, answer);
    const patientId = outcome.patientId;
    if (patientId) {
      await audit(tx, actor, {
        action: `sync.${mutation.name}`.slice(0, 64), outcome: outcome.status === 'applied' ? 'allowed' : 'denied', patientId,
        resource: outcome.status === 'applied' ? outcome.state.entity : null, resourceId: outcome.status === 'applied' ? outcome.state.id : null,
        detail: outcome.status === 'rejected' ? { reason: outcome.reason } : undefined,
      });
    }
    return answer;
  });
}

/** Records a rejection for a mutation whose handler failed in a way that will not pass (a bug or bad data). */
async function rejectAfterFailure(deps: PushDeps, principal: Principal, clientId: string, mutation: Mutation): Promise<Answer> {
  const answer: Answer = { mutationId: mutation.mutationId, seq: mutation.seq, status: 'rejected', reason: 'rule_violation', message: 'The server could not apply this change.', current: null };
  await deps.db.transaction(async (tx) => {
    await tx.query('INSERT INTO sync_clients (client_id, user_id) VALUES ($1, $2) ON CONFLICT (client_id) DO NOTHING', [clientId, principal.userId]);
    await recordAnswer(tx, clientId, mutation, answer);
  });
  return answer;
}

export async function push(deps: PushDeps, principal: Principal, actor: Actor, request: PushRequest, log: (error: unknown) => void): Promise<MutationResult[]> {
  const results: MutationResult[] = [];
  const sorted = [...request.mutations].sort((a, b) => a.seq - b.seq);
  for (const mutation of sorted) {
    try {
      results.push(await applyOne(deps, principal, actor, request.clientId, mutation));
    } catch (error) {
      if (isTransient(error)) {
        results.push({ mutationId: mutation.mutationId, seq: mutation.seq, status: 'retry', message: 'The server is busy; this change will be sent again.' });
        break; // keep order: nothing after it is applied before it
      }
      log(error);
      try {
        results.push(await rejectAfterFailure(deps, principal, request.clientId, mutation));
      } catch (again) {
        if (!isTransient(again)) log(again);
        results.push({ mutationId: mutation.mutationId, seq: mutation.seq, status: 'retry', message: 'The server is busy; this change will be sent again.' });
        break;
      }
    }
  }
  return results;
}
