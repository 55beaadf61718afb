// Queues local changes: validates the mutation, applies its local effect to the cached entity and appends
// the outbox entry in the same transaction (sealed before it opens). Unsent saves of a note coalesce.
import type { MutationName } from '../../shared/sync/mutations';
import { isMutationName, mutationArgs } from '../../shared/sync/mutations';
import { COALESCING_MUTATIONS, applyLocalEffect, checkLocally, mutationTarget } from '../../shared/sync/local-effects';
import type { CacheCore } from './cache';
import { label, seal } from './crypto';
import { DataError, STORAGE_FULL_MESSAGE } from './errors';
import type { EntitySnapshot } from './entity-store';
import { entityKey, guardedWrite, openView, patientIdOf, storeRows } from './entity-store';
import { getMeta, setMeta } from './meta';
import type { EntityRow, OutboxRow, Sealed } from './schema';

export interface QueueOptions {
  /** The server version the change is based on; default: the version the device's view is based on. */
  baseVersion?: number;
  /** Replace the newest unsent entry of the same mutation on the same entity instead of appending. */
  coalesce?: boolean;
  /** Skip the device-side checks (re-sending a refused change: the server decides). */
  skipChecks?: boolean;
  /** Delete this conflict in the same transaction (the change re-queued from it). */
  resolvesConflict?: string;
  /** Queue without validating the name and args (only for changes already validated or already refused). */
  raw?: boolean;
}

function validate(name: string, args: unknown): unknown {
  if (!isMutationName(name)) throw new DataError('invalid', 'This kind of change is not supported.');
  const parsed = mutationArgs[name].safeParse(args);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || 'the change'))];
    throw new DataError('invalid', `The change is not valid: check ${fields.join(', ')}.`);
  }
  return parsed.data;
}

interface QueuePlan {
  coalesceInto: OutboxRow | null;
  entry: Omit<OutboxRow, 'seq'>;
  row: EntityRow | null;
}

/** The version the device's view of the entity is based on: the oldest pending change's base, else the row's. */
function viewBaseVersion(snap: EntitySnapshot): number | null {
  const newest = snap.entries.at(-1);
  if (newest) return newest.baseVersion;
  return snap.row && snap.row.version > 0 ? snap.row.version : null;
}

export async function queueMutation(core: CacheCore, name: string, rawArgs: unknown, options: QueueOptions = {}): Promise<void> {
  const args = options.raw ? rawArgs : validate(name, rawArgs);
  const mutationId = crypto.randomUUID();
  const target = mutationTarget(name, args);
  const key = target ? entityKey(target.entity, target.id) : `?:${mutationId}`;
  const { db } = core;
  try {
    await guardedWrite<QueuePlan>(
      db,
      [key],
      async (snaps) => {
        const snap = snaps.get(key)!;
        const current = snap.row ? await openView(core.key, key, snap.row) : null;
        if (!options.skipChecks && isMutationName(name)) {
          const check = checkLocally(name as MutationName, current, args as never);
          if (!check.ok) throw new DataError('refused', check.message);
        }
        const newest = snap.entries.at(-1);
        const coalesceInto = options.coalesce && newest && newest.attempts === 0 && newest.name === name && COALESCING_MUTATIONS.has(name as MutationName) ? newest : null;
        const next = target ? applyLocalEffect(name, current, args, core.effectContext()) : null;
        const sealedArgs: Sealed = await seal(core.key, args, label.args(key));
        const loc = next ? await seal(core.key, next, label.local(key)) : null;
        const pending = (snap.row?.pending ?? 0) + (coalesceInto ? 0 : 1);
        let row: EntityRow | null = null;
        if (target && (snap.row || next)) {
          const shown = next;
          row = {
            ...(snap.row ?? { id: target.id, patientId: '', version: 0, srv: null, loc: null, pending: 0, rev: 0 }),
            ...(target.entity === 'appointment' && shown && typeof shown.startsAt === 'string' ? { startsAt: new Date(shown.startsAt).toISOString() } : {}),
            ...((target.entity === 'note' || target.entity === 'prescription') && shown && typeof shown.appointmentId === 'string' ? { appointmentId: shown.appointmentId } : {}),
            ...(target.entity === 'message' && shown && typeof shown.conversationId === 'string' ? { conversationId: shown.conversationId } : {}),
            patientId: snap.row?.patientId || patientIdOf(target.entity, shown) || target.patientId || '',
            loc: loc ?? snap.row?.loc ?? null,
            pending,
            rev: (snap.row?.rev ?? 0) + 1,
          };
        }
        const baseVersion = options.baseVersion ?? (coalesceInto ? coalesceInto.baseVersion : viewBaseVersion(snap));
        return {
          coalesceInto,
          row,
          entry: {
            mutationId: coalesceInto?.mutationId ?? mutationId,
            name,
            entity: target?.entity ?? null,
            entityId: target?.id ?? null,
            entityKey: key,
            patientId: target?.patientId ?? snap.row?.patientId ?? null,
            args: sealedArgs,
            baseVersion,
            createdAt: coalesceInto?.createdAt ?? new Date(core.env.now()).toISOString(),
            attempts: 0,
            rev: (coalesceInto?.rev ?? 0) + 1,
          },
        };
      },
      async (plan, snaps) => {
        if (plan.coalesceInto) {
          await db.outbox.put({ ...plan.entry, seq: plan.coalesceInto.seq });
        } else {
          const seq = (await getMeta(db, 'nextSeq')) ?? 1;
          await setMeta(db, { nextSeq: seq + 1 });
          await db.outbox.add({ ...plan.entry, seq });
        }
        if (plan.row) await storeRows(db, [{ snap: snaps.get(key)!, row: plan.row }]);
        if (options.resolvesConflict) await db.conflicts.delete(options.resolvesConflict);
      },
      new Map([[key, target?.patientId ?? null]]),
    );
  } catch (error) {
    if (error instanceof DataError && error.code === 'storage_full') {
      core.noteStorageFull();
      throw new DataError('storage_full', STORAGE_FULL_MESSAGE);
    }
    throw error;
  }
  core.onQueued();
}
