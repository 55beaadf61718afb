// Dexie version 3 of the device cache: a cache made by version 1 gains the encounters, vitals and ICD-10-CM
// tables, keeps its outbox, and pulls everything again (its cursor is past encounters and vitals it never got).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CacheDb, cacheDbName } from '../../renderer/data/schema';

describe('cache schema upgrade to version 3', () => {
  it('adds the new tables, keeps the outbox, and resets the pull cursor', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = cacheDbName('11111111-1111-4111-8111-111111111111');
    const v1 = new Dexie(name, env);
    v1.version(1).stores({
      patients: 'id, patientId', allergies: 'id, patientId', medications: 'id, patientId', problems: 'id, patientId',
      appointments: 'id, patientId, startsAt, [clinicianId+startsAt]', notes: 'id, patientId, appointmentId',
      outbox: 'seq, entityKey, patientId', conflicts: 'id, createdAt, patientId', meta: 'key',
    });
    await v1.open();
    await v1.table('meta').bulkPut([{ key: 'cursor', value: 'c.42' }, { key: 'firstSyncDone', value: true }]);
    await v1.table('outbox').put({ seq: 1, mutationId: 'm1', name: 'note.saveDraft', entityKey: 'note:n1', patientId: 'p1' });
    v1.close();

    const db = new CacheDb(name, env);
    await db.open();
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: '' });
    expect(await db.meta.get('firstSyncDone')).toEqual({ key: 'firstSyncDone', value: true });
    expect(await db.outbox.count()).toBe(1);
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['encounters', 'vitals', 'icd10']));
    await db.encounters.put({ id: 'e1', patientId: 'p1', version: 1, srv: null, loc: null, pending: 0, rev: 1 });
    expect(await db.encounters.where('patientId').equals('p1').count()).toBe(1);
    db.close();
  });
});
