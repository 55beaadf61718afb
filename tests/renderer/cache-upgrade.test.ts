// Upgrades of the device cache. Version 3: a cache made by version 1 gains the encounters, vitals and ICD-10-CM
// tables, keeps its outbox, and pulls everything again (its cursor is past encounters and vitals it never got).
// Version 8: the patients' and chart entities' rows move into one record per patient as they are (still readable with the
// same key), the outbox and the pending local views stay, and nothing is pulled again.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { CacheDb, cacheDbName } from '../../renderer/data/schema';
import type { EntityRow } from '../../renderer/data/schema';
import { generateDataKey, label, seal } from '../../renderer/data/crypto';
import { openView } from '../../renderer/data/entity-store';
import { membersOf } from '../../renderer/data/chart-groups';

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
    expect(db.tables.map((t) => t.name)).toEqual(expect.arrayContaining(['icd10', 'charts']));
    db.close();
  });
});

/** The version 7 schema as shipped (tables and indexes), to build a cache as that build left it. */
const VERSION_7_STORES = {
  patients: 'id, patientId', allergies: 'id, patientId', medications: 'id, patientId', problems: 'id, patientId',
  appointments: 'id, patientId, startsAt, [clinicianId+startsAt]', notes: 'id, patientId, appointmentId', outbox: 'seq, entityKey, patientId',
  conflicts: 'id, createdAt, patientId', meta: 'key', queue: 'id, patientId', encounters: 'id, patientId', vitals: 'id, patientId', icd10: 'code',
  prescriptions: 'id, patientId, appointmentId', tasks: 'id, patientId', conversations: 'id, patientId', messages: 'id, patientId, conversationId',
  fieldRequests: 'id, patientId, dispatchKey, appointmentId',
};

describe('cache schema upgrade to version 8 (chart groups)', () => {
  it('moves the chart rows into one record per patient, readable as before, and keeps the cursor, the outbox and pending views', async () => {
    const env = { indexedDB: new IDBFactory(), IDBKeyRange };
    const name = cacheDbName('22222222-2222-4222-8222-222222222222');
    const key = await generateDataKey();
    const row = async (entity: string, id: string, patientId: string, data: Record<string, unknown>, pending = 0): Promise<EntityRow> => ({
      id, patientId, version: 3, srv: await seal(key, data, label.server(`${entity}:${id}`)),
      loc: pending > 0 ? await seal(key, { ...data, local: true }, label.local(`${entity}:${id}`)) : null, pending, rev: 2,
    });
    const allergy = await row('allergy', 'a1', 'p1', { id: 'a1', patientId: 'p1', substance: 'Penicillin' });
    const medication = await row('medication', 'm1', 'p1', { id: 'm1', patientId: 'p1', name: 'Lisinopril' });
    const vital = await row('vital', 'v1', 'p2', { id: 'v1', patientId: 'p2', display: 'Heart rate' }, 1);
    const note = await row('note', 'n1', 'p1', { id: 'n1', patientId: 'p1' }, 1);
    const patient = await row('patient', 'p1', 'p1', { id: 'p1', givenName: 'Zelphira' }, 1);

    const v7 = new Dexie(name, env);
    v7.version(7).stores(VERSION_7_STORES);
    await v7.open();
    await v7.table('allergies').put(allergy);
    await v7.table('medications').put(medication);
    await v7.table('vitals').put(vital);
    await v7.table('notes').put(note);
    await v7.table('patients').put(patient);
    await v7.table('meta').bulkPut([{ key: 'cursor', value: 'c.42' }, { key: 'firstSyncDone', value: true }]);
    await v7.table('outbox').put({ seq: 1, mutationId: 'm1', name: 'note.saveDraft', entityKey: 'note:n1', patientId: 'p1' });
    v7.close();

    const db = new CacheDb(name, env);
    await db.open();
    expect(db.tables.map((t) => t.name)).not.toEqual(expect.arrayContaining(['allergies']));
    expect(db.tables.map((t) => t.name)).not.toEqual(expect.arrayContaining(['patients']));
    expect(await db.meta.get('cursor')).toEqual({ key: 'cursor', value: 'c.42' });
    expect(await db.outbox.count()).toBe(1);
    expect(await db.notes.get('n1')).toEqual(note);
    expect(await db.charts.count()).toBe(2);
    const p1 = await db.charts.get('p1');
    expect(await openView(key, 'patient:p1', membersOf(p1, 'patient')[0]!)).toMatchObject({ givenName: 'Zelphira', local: true });
    const [allergyRow] = membersOf(p1, 'allergy');
    expect(allergyRow).toEqual(allergy);
    expect(await openView(key, 'allergy:a1', allergyRow!)).toMatchObject({ substance: 'Penicillin' });
    expect(await openView(key, 'medication:m1', membersOf(p1, 'medication')[0]!)).toMatchObject({ name: 'Lisinopril' });
    const [vitalRow] = membersOf(await db.charts.get('p2'), 'vital');
    expect(vitalRow).toMatchObject({ pending: 1, version: 3, rev: 2 });
    expect(await openView(key, 'vital:v1', vitalRow!)).toMatchObject({ display: 'Heart rate', local: true });
    db.close();
  });
});
