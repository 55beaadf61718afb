// Applies the server's answers to pushed mutations. applied: the entry leaves the outbox, the server's state
// is stored, later entries based on the old version move to the new one (no self-conflicts), and the
// remaining pending changes are re-applied on top. rejected: the entry moves to conflicts with the server's
// current state, and the entity is restored to that state plus the remaining pending changes.
import type { MutationResult } from '../../shared/sync/protocol';
import type { CacheCore } from './cache';
import { label, seal } from './crypto';
import type { EntitySnapshot, ServerUpdate } from './entity-store';
import { composeRow, guardedWrite, openArgs, storeRows } from './entity-store';
import { setMeta } from './meta';
import type { ConflictRow, EntityRow, OutboxRow } from './schema';

type Answer = Extract<MutationResult, { status: 'applied' | 'rejected' }>;

interface EntityPlan {
  snap: EntitySnapshot;
  row: EntityRow | null;
  touchesRow: boolean;
  answered: number[];
  rebased: OutboxRow[];
  conflicts: ConflictRow[];
}

export interface AnswerSummary {
  applied: number;
  rejected: number;
}

async function planEntity(core: CacheCore, snap: EntitySnapshot, answers: Map<string, Answer>, nowIso: string): Promise<EntityPlan> {
  const plan: EntityPlan = { snap, row: null, touchesRow: false, answered: [], rebased: [], conflicts: [] };
  let server: ServerUpdate = 'unchanged';
  let version = snap.row?.version ?? 0;
  const remaining: OutboxRow[] = [];
  const base = new Map<number, number | null>(snap.entries.map((e) => [e.seq, e.baseVersion]));
  for (const entry of snap.entries) {
    const answer = answers.get(entry.mutationId);
    if (!answer) {
      remaining.push(entry);
      continue;
    }
    plan.answered.push(entry.seq);
    const state = answer.status === 'applied' ? answer.state : answer.current;
    const sameEntity = state && snap.target && state.entity === snap.target.entity && state.id === snap.target.id;
    if (sameEntity && state.version >= version) {
      server = state.deleted || !state.data ? null : { data: state.data, version: state.version };
      version = state.version;
    }
    if (answer.status === 'applied' && sameEntity) {
      // Later changes made on the version this one was based on are now based on the version it produced.
      const sentBase = base.get(entry.seq) ?? null;
      for (const later of snap.entries) {
        if (later.seq > entry.seq && !answers.has(later.mutationId) && (base.get(later.seq) ?? null) === sentBase) base.set(later.seq, state.version);
      }
    }
    if (answer.status === 'rejected') {
      plan.conflicts.push({
        id: entry.mutationId, seq: entry.seq, name: entry.name, reason: answer.reason, message: answer.message, entityKey: entry.entityKey,
        patientId: entry.patientId, mine: entry.args, theirs: answer.current ? await seal(core.key, answer.current, label.theirs(entry.mutationId)) : null,
        baseVersion: entry.baseVersion, createdAt: nowIso,
      });
    }
  }
  for (const entry of remaining) {
    const newBase = base.get(entry.seq) ?? null;
    if (newBase !== entry.baseVersion) plan.rebased.push({ ...entry, baseVersion: newBase, rev: entry.rev + 1 });
  }
  if (plan.answered.length > 0 && snap.target) {
    const pending = await Promise.all(remaining.map(async (e) => ({ name: e.name, args: await openArgs(core.key, e) })));
    plan.row = await composeRow({ key: core.key, effect: core.effectContext(), snap, server, pending });
    plan.touchesRow = true;
  }
  return plan;
}

/** Stores the answers to `sent` (entries not answered, e.g. after a 'retry', stay queued as they are). */
export async function applyPushAnswers(core: CacheCore, sent: readonly OutboxRow[], results: readonly MutationResult[]): Promise<AnswerSummary> {
  const sentIds = new Set(sent.map((e) => e.mutationId));
  const answers = new Map<string, Answer>();
  for (const r of results) if (r.status !== 'retry' && sentIds.has(r.mutationId)) answers.set(r.mutationId, r);
  const keys = [...new Set(sent.filter((e) => answers.has(e.mutationId)).map((e) => e.entityKey))];
  const summary: AnswerSummary = { applied: 0, rejected: 0 };
  if (keys.length === 0) return summary;
  const { db } = core;
  const nowIso = new Date(core.env.now()).toISOString();
  const hints = new Map(sent.map((e) => [e.entityKey, e.patientId]));
  await guardedWrite(
    db,
    keys,
    (snaps) => Promise.all([...snaps.values()].map((snap) => planEntity(core, snap, answers, nowIso))),
    async (plans) => {
      for (const plan of plans) {
        await db.outbox.bulkDelete(plan.answered);
        if (plan.rebased.length > 0) await db.outbox.bulkPut(plan.rebased);
        if (plan.conflicts.length > 0) await db.conflicts.bulkPut(plan.conflicts);
      }
      await storeRows(db, plans.filter((p) => p.touchesRow));
      await setMeta(db, { lastServerContactAt: nowIso });
    },
    hints,
  );
  for (const r of answers.values()) summary[r.status === 'applied' ? 'applied' : 'rejected'] += 1;
  return summary;
}
