// The first sync's fast paths keep the data layer's guarantees: pages sealed ahead (taken to be new) are
// stored in order, each with its own cursor; a page that was not new after all is composed again from the
// cache (pending local changes stay on top); a failed write stops the pull with the cursor at the last stored
// page; pull pages are still checked (a bad page is refused); every seal gets its own IV.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, PullResponse } from '../../shared/sync/protocol';
import { PullResponseSchema } from '../../shared/sync/protocol';
import type { SyncApi } from '../../renderer/platform';
import type { DataLayer } from '../../renderer/sync/data-layer';
import { createDataLayer } from '../../renderer/sync/data-layer';
import { FIRST_SNAPSHOT_PAGE, pullAll } from '../../renderer/sync/pull-loop';
import type { PullProgress } from '../../renderer/sync/pull-loop';
import { getMeta } from '../../renderer/data/meta';
import { openView, entityKey } from '../../renderer/data/entity-store';
import { membersOf } from '../../renderer/data/chart-groups';
import { generateDataKey, seal, unseal } from '../../renderer/data/crypto';
import { DataError } from '../../renderer/data/errors';

const patientChange = (i: number): Change => {
  const id = `00000001-0000-4000-8000-${i.toString(16).padStart(12, '0')}`;
  return { entity: 'patient', id, version: 1, deleted: false, seq: 7, patientId: id, data: { id, givenName: `Given${i}`, familyName: `Family${i}`, version: 1 } };
};

/** A snapshot of `extra` changes after `patients` patients, served in pages like the server does ('p.<offset>' cursors, a log page last). */
function snapshotApi(patients: number, extra: Change[] = []): SyncApi & { limits: number[] } {
  const all = [...Array.from({ length: patients }, (_, i) => patientChange(i)), ...extra];
  const limits: number[] = [];
  return {
    limits,
    push: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'No push here.' } }),
    async pull({ cursor, limit }) {
      limits.push(limit);
      if (cursor === 'c.7') return { ok: true, value: { changes: [], cursor: 'c.7', hasMore: false, progress: null } };
      const offset = cursor === '' ? 0 : Number(cursor.slice(2));
      const end = Math.min(all.length, offset + limit);
      const page: PullResponse = { changes: all.slice(offset, end), cursor: end < all.length ? `p.${end}` : 'c.7', hasMore: true, progress: { done: end, total: all.length } };
      return { ok: true, value: page };
    },
  };
}

let layer: DataLayer | null = null;
afterEach(async () => {
  await layer?.close({ wipe: true });
  layer = null;
});

async function openLayer(api: SyncApi): Promise<DataLayer> {
  layer = await createDataLayer({ user: { id: crypto.randomUUID(), role: 'clinician' }, api, realtime: null, icd10: null, engine: { periodMs: 3_600_000, syncOnStart: false } });
  await layer.leadership;
  return layer;
}

describe('first sync pipeline', () => {
  it('stores every page in order with its cursor, starting with a small first page, and reports progress after each stored page', async () => {
    const api = snapshotApi(2 * FIRST_SNAPSHOT_PAGE + 500);
    const { core } = await openLayer(api);
    const seen: PullProgress[] = [];
    const cursorsAtProgress: Array<string | undefined> = [];
    const total = await pullAll(core, api, 1500, new AbortController().signal, (p) => {
      seen.push(p);
      if (p.progress) void getMeta(core.db, 'cursor').then((c) => cursorsAtProgress.push(c));
    });
    expect(total).toBe(2500);
    expect(api.limits).toEqual([FIRST_SNAPSHOT_PAGE, 1500, 1500]);
    expect(seen.map((p) => p.progress?.done ?? null)).toEqual([null, 1000, 2500, null]);
    expect(seen.every((p) => p.firstSync)).toBe(true);
    expect(await core.db.charts.count()).toBe(2500);
    expect(await getMeta(core.db, 'cursor')).toBe('c.7');
    expect(await getMeta(core.db, 'firstSyncDone')).toBe(true);
    const [row] = membersOf(await core.db.charts.get(patientChange(2499).id), 'patient');
    expect(await openView(core.key, entityKey('patient', row!.id), row!)).toMatchObject({ givenName: 'Given2499' });
  });

  it('a snapshot row that already has a pending local change is composed from the cache: the change stays on top and queued', async () => {
    const noteId = crypto.randomUUID();
    const patientId = patientChange(0).id;
    const serverNote: Change = {
      entity: 'note', id: noteId, version: 1, deleted: false, seq: 7, patientId,
      data: { id: noteId, patientId, appointmentId: null, authorId: 'someone', status: 'draft', sections: { subjective: 'from the server', objective: '', assessment: '', plan: '' }, version: 1 },
    };
    const api = snapshotApi(3, [serverNote]);
    const { core, actions } = await openLayer(api);
    await actions.saveNoteDraft({ noteId, patientId, appointmentId: null, sections: { subjective: 'typed offline', objective: '', assessment: '', plan: '' } });
    expect(await core.db.outbox.count()).toBe(1);

    await pullAll(core, api, 2, new AbortController().signal, () => undefined);
    const row = await core.db.notes.get(noteId);
    expect(row).toMatchObject({ version: 1, pending: 1 });
    expect(row!.srv).not.toBeNull();
    expect(await openView(core.key, entityKey('note', noteId), row!)).toMatchObject({ sections: { subjective: 'typed offline' } });
    expect(await core.db.outbox.count()).toBe(1);
  });

  it('a page that cannot be written stops the pull; the cursor stays at the last stored page and later pages are not stored', async () => {
    const api = snapshotApi(9);
    const { core } = await openLayer(api);
    const bulkPut = core.db.charts.bulkPut.bind(core.db.charts);
    let calls = 0;
    core.db.charts.bulkPut = ((...args: Parameters<typeof bulkPut>) => {
      calls += 1;
      if (calls === 2) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return bulkPut(...args);
    }) as typeof bulkPut;
    const failure = await pullAll(core, api, 3, new AbortController().signal, () => undefined).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DataError);
    expect((failure as DataError).code).toBe('storage_full');
    expect(await getMeta(core.db, 'cursor')).toBe('p.3');
    expect((await core.db.charts.toCollection().primaryKeys()).sort()).toEqual([0, 1, 2].map((i) => patientChange(i).id));
  });
});

describe('pull page checks', () => {
  const good = (): Record<string, unknown> => ({ changes: [patientChange(1)], cursor: 'p.1', hasMore: true, progress: { done: 1, total: 2 } });
  const withChange = (patch: Record<string, unknown>) => ({ ...good(), changes: [{ ...patientChange(1), ...patch }] });

  it('accepts a page as sent, keeping each change object as it came', () => {
    const page = good();
    const parsed = PullResponseSchema.parse(page);
    expect(parsed.changes[0]!.data).toEqual(patientChange(1).data);
  });

  it.each([
    ['data that is an array', withChange({ data: [1, 2] })],
    ['data that is a string', withChange({ data: 'Given1 Family1' })],
    ['data that is a number', withChange({ data: 5 })],
    ['a change without an id', withChange({ id: undefined })],
    ['an unknown entity', withChange({ entity: 'secret' })],
    ['a patient id that is not a uuid', withChange({ patientId: 'p1' })],
    ['a cursor with spaces', { ...good(), cursor: 'p 1' }],
    ['changes that are not a list', { ...good(), changes: {} }],
  ])('refuses a page with %s', (_what, page) => {
    expect(PullResponseSchema.safeParse(page).success).toBe(false);
  });
});

describe('sealing', () => {
  it('gives every sealed value its own IV (also across a refill of the IV pool) and opens each with its label only', async () => {
    const key = await generateDataKey();
    const sealed = await Promise.all(Array.from({ length: 9000 }, (_, i) => seal(key, { n: i }, `srv|patient:${i}`)));
    const ivs = new Set(sealed.map((s) => Array.from(s.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')));
    expect(ivs.size).toBe(9000);
    expect(await unseal(key, sealed[8999]!, 'srv|patient:8999')).toEqual({ n: 8999 });
    await expect(unseal(key, sealed[8999]!, 'srv|patient:1')).rejects.toThrow();
  });
});
