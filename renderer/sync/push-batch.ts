// Takes the next batch from the outbox, in seq order: at most 200 mutations and a byte budget under the
// server's body limit, and never two version-checked saves of one entity (the second must carry the version
// the first produces). Entries are marked as sent before the request, so they are never coalesced again.
import { MAX_MUTATIONS_PER_PUSH, MAX_PUSH_BODY_BYTES, MutationSchema } from '../../shared/sync/protocol';
import type { Mutation } from '../../shared/sync/protocol';
import type { MutationName } from '../../shared/sync/mutations';
import { VERSION_CHECKED_MUTATIONS } from '../../shared/sync/local-effects';
import type { CacheCore } from '../data/cache';
import { openArgs } from '../data/entity-store';
import type { OutboxRow } from '../data/schema';

export interface BatchLimits {
  maxCount: number;
  /** JSON bytes of the mutations; keep below the server's request body limit. */
  maxBytes: number;
}

/** The server's push body limit, less room for the envelope. */
export const DEFAULT_BATCH_LIMITS: BatchLimits = { maxCount: MAX_MUTATIONS_PER_PUSH, maxBytes: MAX_PUSH_BODY_BYTES - 64 * 1024 };

export type Batch =
  | { kind: 'send'; entries: OutboxRow[]; mutations: Mutation[] }
  /** The oldest entry can never be sent as it is (malformed, or larger than a request may be). */
  | { kind: 'unsendable'; entry: OutboxRow; message: string };

const encoder = new TextEncoder();

export interface BatchPosition {
  /** Take entries after this seq (those up to it are in a batch whose answers are being stored). */
  afterSeq: number;
  /** Entities with a version-checked change in that batch: their next such change must wait for its answer. */
  busyKeys: ReadonlySet<string>;
}

const START: BatchPosition = { afterSeq: 0, busyKeys: new Set() };

/** Version-checked entities in a batch (see BatchPosition.busyKeys). */
export const versionCheckedKeys = (entries: readonly OutboxRow[]): Set<string> =>
  new Set(entries.filter((e) => VERSION_CHECKED_MUTATIONS.has(e.name as MutationName)).map((e) => e.entityKey));

export async function takeBatch(core: CacheCore, limits: BatchLimits, position: BatchPosition = START): Promise<Batch | null> {
  const { db } = core;
  for (;;) {
    const entries = await db.outbox.where('seq').above(position.afterSeq).limit(Math.max(1, limits.maxCount)).toArray();
    if (entries.length === 0) return null;
    const args = await Promise.all(entries.map((e) => openArgs(core.key, e)));
    const chosen: OutboxRow[] = [];
    const mutations: Mutation[] = [];
    const versionChecked = new Set<string>();
    let bytes = 64;
    for (let i = 0; i < entries.length; i++) {
      const entry = entries[i]!;
      const mutation: Mutation = {
        mutationId: entry.mutationId, seq: entry.seq, name: entry.name, args: args[i],
        ...(entry.baseVersion !== null ? { baseVersion: entry.baseVersion } : {}),
      };
      if (!MutationSchema.safeParse(mutation).success) {
        if (chosen.length === 0) return { kind: 'unsendable', entry, message: 'This change is not in a form the server accepts.' };
        break;
      }
      const checked = VERSION_CHECKED_MUTATIONS.has(entry.name as MutationName);
      if (checked && (versionChecked.has(entry.entityKey) || position.busyKeys.has(entry.entityKey))) break;
      const size = encoder.encode(JSON.stringify(mutation)).length + 1;
      if (size > limits.maxBytes && chosen.length === 0) return { kind: 'unsendable', entry, message: 'This change is too large to send to the server.' };
      if (bytes + size > limits.maxBytes) break;
      bytes += size;
      chosen.push(entry);
      mutations.push(mutation);
      if (checked) versionChecked.add(entry.entityKey);
    }
    const marked = await db.transaction('rw', db.outbox, async () => {
      const current = await db.outbox.bulkGet(chosen.map((e) => e.seq));
      if (current.some((c, i) => !c || c.rev !== chosen[i]!.rev)) return null; // coalesced meanwhile: read again
      const sent = current.map((c) => ({ ...c!, attempts: c!.attempts + 1 }));
      await db.outbox.bulkPut(sent);
      return sent;
    });
    if (chosen.length === 0) return null; // the next change waits for an answer still being stored
    if (marked) return { kind: 'send', entries: marked, mutations };
  }
}
