// A patient and their chart are one IndexedDB record: a chart split over two pulled pages is merged, a change
// to one member keeps the others, a deleted member leaves the rest (the last one takes the record with it), a
// local change pending on the patient stays on top of a pulled chart, and the chart's live query follows.
import 'fake-indexeddb/auto';
import { liveQuery } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Change, PullResponse } from '../../shared/sync/protocol';
import type { SyncApi } from '../../renderer/platform';
import type { DataLayer } from '../../renderer/sync/data-layer';
import { createDataLayer } from '../../renderer/sync/data-layer';
import { pullAll } from '../../renderer/sync/pull-loop';
import { queryPatientChart, queryPatients } from '../../renderer/data/queries';

const PATIENT = '00000002-0000-4000-8000-000000000001';
const OTHER = '00000002-0000-4000-8000-000000000002';
const idOf = (n: number) => `00000003-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

const patient = (id: string, given: string, seq = 7, version = 1): Change => ({
  entity: 'patient', id, version, deleted: false, seq, patientId: id,
  data: { id, mrn: 'HC1', givenName: given, familyName: 'Quimbleton', birthDate: '1980-04-02', sex: 'female', phone: '206-555-0142', email: null, version },
});
const allergy = (n: number, patientId: string, substance: string, seq = 7, version = 1): Change => ({
  entity: 'allergy', id: idOf(n), version, deleted: false, seq, patientId,
  data: { id: idOf(n), patientId, substance, code: null, reaction: 'Hives', severity: 'mild', recordedOn: null },
});
const medication = (n: number, patientId: string, name: string): Change => ({
  entity: 'medication', id: idOf(n), version: 1, deleted: false, seq: 7, patientId,
  data: { id: idOf(n), patientId, rxnormCode: '197361', name, sig: 'daily', status: 'active', startedOn: null },
});

/** Serves the given pages in order, whatever the cursor (a snapshot when `snapshot`), then nothing more. */
function pagesApi(pages: Change[][], snapshot: boolean): SyncApi {
  let next = 0;
  return {
    push: async () => ({ ok: false, error: { status: 503, code: 'unavailable', message: 'No push here.' } }),
    async pull() {
      const index = next++;
      if (index >= pages.length) return { ok: true, value: { changes: [], cursor: 'c.7', hasMore: false, progress: null } };
      const page: PullResponse = {
        changes: pages[index]!, cursor: index === pages.length - 1 ? 'c.7' : `p.${index + 1}`, hasMore: true,
        progress: snapshot ? { done: index + 1, total: pages.length } : null,
      };
      return { ok: true, value: page };
    },
  };
}

let layer: DataLayer | null = null;
afterEach(async () => {
  await layer?.close({ wipe: true });
  layer = null;
});

async function openLayer(): Promise<DataLayer> {
  layer = await createDataLayer({ user: { id: crypto.randomUUID(), role: 'clinician' }, api: pagesApi([], true), realtime: null, icd10: null, engine: { periodMs: 3_600_000, syncOnStart: false } });
  await layer.leadership;
  return layer;
}

const pull = (l: DataLayer, pages: Change[][], snapshot: boolean) => pullAll(l.core, pagesApi(pages, snapshot), 1000, new AbortController().signal, () => undefined);
const memberKeys = async (l: DataLayer, patientId: string) => Object.keys((await l.core.db.charts.get(patientId))?.members ?? {}).sort();

describe('chart groups', () => {
  it('stores a patient and their chart as one record, also when a first-sync page ends inside the chart', async () => {
    const l = await openLayer();
    await pull(l, [[patient(PATIENT, 'Zelphira'), allergy(1, PATIENT, 'Penicillin')], [medication(2, PATIENT, 'Lisinopril'), patient(OTHER, 'Orsolya')]], true);
    expect(await l.core.db.charts.count()).toBe(2);
    expect(await memberKeys(l, PATIENT)).toEqual([`allergy:${idOf(1)}`, `medication:${idOf(2)}`, `patient:${PATIENT}`]);
    const chart = await queryPatientChart(l.core, PATIENT);
    expect(chart?.patient.givenName).toBe('Zelphira');
    expect(chart?.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(chart?.medications.map((m) => m.name)).toEqual(['Lisinopril']);
    expect((await queryPatients(l.core)).map((p) => p.givenName).sort()).toEqual(['Orsolya', 'Zelphira']);
  });

  it('a pulled change to one member keeps the others; deleting members leaves the rest, and the last one takes the record', async () => {
    const l = await openLayer();
    await pull(l, [[patient(PATIENT, 'Zelphira'), allergy(1, PATIENT, 'Penicillin'), allergy(3, PATIENT, 'Latex'), medication(2, PATIENT, 'Lisinopril')]], true);
    const seen: string[][] = [];
    const subscription = liveQuery(() => queryPatientChart(l.core, PATIENT)).subscribe((chart) => seen.push(chart?.allergies.map((a) => a.substance) ?? []));
    await pull(l, [[allergy(1, PATIENT, 'Amoxicillin', 8, 2)]], false);
    let chart = await queryPatientChart(l.core, PATIENT);
    expect(chart?.allergies.map((a) => a.substance)).toEqual(['Amoxicillin', 'Latex']);
    expect(chart?.medications.map((m) => m.name)).toEqual(['Lisinopril']);
    expect(chart?.patient.givenName).toBe('Zelphira');
    await expect.poll(() => seen.at(-1)).toEqual(['Amoxicillin', 'Latex']); // the chart's live query followed
    subscription.unsubscribe();

    const gone = (change: Change): Change => ({ ...change, seq: 9, version: change.version + 1, deleted: true, data: null });
    await pull(l, [[gone(allergy(3, PATIENT, 'Latex')), gone(medication(2, PATIENT, 'Lisinopril'))]], false);
    chart = await queryPatientChart(l.core, PATIENT);
    expect(chart?.allergies.map((a) => a.substance)).toEqual(['Amoxicillin']);
    expect(chart?.medications).toEqual([]);
    expect(await memberKeys(l, PATIENT)).toEqual([`allergy:${idOf(1)}`, `patient:${PATIENT}`]);

    await pull(l, [[gone(allergy(1, PATIENT, 'Amoxicillin', 8, 2)), gone(patient(PATIENT, 'Zelphira'))]], false);
    expect(await l.core.db.charts.get(PATIENT)).toBeUndefined();
    expect(await queryPatientChart(l.core, PATIENT)).toBeNull();
  });

  it('a local change pending on the patient stays on top when their chart rows are pulled into the same record', async () => {
    const l = await openLayer();
    await pull(l, [[patient(PATIENT, 'Zelphira')]], true);
    await l.actions.queueMutation('patient.updateContact', { patientId: PATIENT, fields: { phone: '206-555-0199' } });
    await pull(l, [[allergy(1, PATIENT, 'Penicillin', 8), patient(OTHER, 'Orsolya', 8)]], false);
    const chart = await queryPatientChart(l.core, PATIENT);
    expect(chart?.patient).toMatchObject({ phone: '206-555-0199', pending: true });
    expect(chart?.allergies.map((a) => a.substance)).toEqual(['Penicillin']);
    expect(await l.core.db.outbox.count()).toBe(1);
    expect((await l.core.db.charts.get(PATIENT))?.members[`patient:${PATIENT}`]).toMatchObject({ pending: 1, version: 1 });
  });
});
