// The chart's encounters and vital signs reach workstations like the other chart entities, on both drivers:
// in a first sync and as later changes, only for patients in the viewer's scope.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { recordChange } from '../../server/sync/change-log';
import { EncounterSchema } from '../../shared/domain/encounter';
import { VitalSignSchema } from '../../shared/domain/vitals';

describeEachDriver('chart sync: encounters and vitals', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let ownToken: string;
  let otherToken: string;
  const encounterId = randomUUID();
  const vitalId = randomUUID();

  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    ownToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
    await t.db.query(
      `INSERT INTO encounters (id, patient_id, appointment_id, clinician_id, class_code, status, type_display, starts_at, ends_at, source)
       VALUES ($1, $2, $3, $4, 'VR', 'finished', 'Video visit', now() - interval '2 days', now() - interval '2 days' + interval '20 minutes', 'housecall')`,
      [encounterId, clinic.ownPatientId, clinic.ownAppointmentId, clinic.users.clinician]);
    await t.db.query(
      `INSERT INTO vital_signs (id, patient_id, encounter_id, loinc_code, display, systolic, diastolic, unit, status, effective_at, source)
       VALUES ($1, $2, $3, '85354-9', 'Blood pressure panel with all children optional', 131, 84, 'mm[Hg]', 'final', now() - interval '2 days', 'housecall')`,
      [vitalId, clinic.ownPatientId, encounterId]);
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('a first sync brings the encounters and vitals of patients in scope, in their wire form', async () => {
    const all = await new TestSyncClient(api, ownToken).pullAll(3);
    const encounter = all.find((c) => c.entity === 'encounter' && c.id === encounterId);
    const vital = all.find((c) => c.entity === 'vital' && c.id === vitalId);
    expect(EncounterSchema.parse(encounter?.data)).toMatchObject({ patientId: clinic.ownPatientId, classCode: 'VR', status: 'finished', type: { display: 'Video visit' }, source: 'housecall' });
    expect(VitalSignSchema.parse(vital?.data)).toMatchObject({ loincCode: '85354-9', systolic: '131', diastolic: '84', value: null, unit: 'mm[Hg]', encounterId });
    expect(encounter?.patientId).toBe(clinic.ownPatientId);

    const other = await new TestSyncClient(api, otherToken).pullAll();
    expect(other.some((c) => c.entity === 'encounter' || c.entity === 'vital')).toBe(false);
  });

  it('a later change is pulled by the care team only', async () => {
    const own = new TestSyncClient(api, ownToken);
    const other = new TestSyncClient(api, otherToken);
    await own.pullAll();
    await other.pullAll();
    await t.db.transaction(async (tx) => {
      await tx.query(`UPDATE vital_signs SET status = 'amended', version = version + 1 WHERE id = $1`, [vitalId]);
      await recordChange(tx, 'vital', vitalId);
    });
    expect((await own.pullAll()).filter((c) => c.entity === 'vital')).toEqual([expect.objectContaining({ id: vitalId, version: 2, data: expect.objectContaining({ status: 'amended' }) })]);
    expect(await other.pullAll()).toEqual([]);
  });
});
