// Acting on a refused change: retry (send it again as it was), keep-mine (send it again based on the server's
// current version, so it becomes the newest), or discard (drop it; the cache already shows the server's state).
import type { EntityState } from '../../shared/sync/protocol';
import type { CacheCore } from './cache';
import type { ConflictAction } from './contract';
import { label, unseal } from './crypto';
import { DataError } from './errors';
import { readRow } from './entity-store';
import { queueMutation } from './outbox';

export async function resolveConflict(core: CacheCore, id: string, action: ConflictAction): Promise<void> {
  const { db } = core;
  const conflict = await db.conflicts.get(id);
  if (!conflict) throw new DataError('not_found', 'This change was already dealt with.');
  if (action === 'discard') {
    await db.conflicts.delete(id);
    return;
  }
  const mine = await unseal(core.key, conflict.mine, label.args(conflict.entityKey));
  let baseVersion = conflict.baseVersion;
  if (action === 'keep-mine') {
    const theirs = conflict.theirs ? await unseal<EntityState>(core.key, conflict.theirs, label.theirs(conflict.id)) : null;
    const row = await readRow(db, conflict.entityKey, conflict.patientId);
    // The newest server version the device knows of: the conflict's, or a newer one pulled since.
    const known = Math.max(theirs?.version ?? 0, row?.version ?? 0);
    baseVersion = known > 0 ? known : conflict.baseVersion;
  }
  await queueMutation(core, conflict.name, mine, {
    raw: true, skipChecks: true, resolvesConflict: id, ...(baseVersion !== null ? { baseVersion } : {}),
  });
}
