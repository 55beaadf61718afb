// The sync paths rebuilt for the load target: a pull reads only the viewer's change-log rows (pages across its
// index-driven parts stay in seq order), a push batch writes its rows with consecutive seqs in mutation order
// and committed in the same round trip, notices name the care team, and SQL literals round-trip. Both drivers.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import { recordAccessChange } from '../../server/sync/change-log';
import { CHANGES_CHANNEL } from '../../server/realtime/bus';
import { sqlLiteral } from '../../server/db/database';

describeEachDriver('sync paths under load', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let clinicianToken: string;
  let otherToken: string;
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    clinicianToken = (await signIn(api, clinic.emails.clinician)).accessToken;
    otherToken = (await signIn(api, clinic.emails.otherClinician)).accessToken;
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('SQL literals carry quotes, backslashes and non-ASCII text unchanged', async () => {
    for (const text of [`it's`, 'C:\\temp\\new', `'\\'`, 'Zoë — 名前 ✓', '{"a":"b\\"c"}', '']) {
      const { rows } = await t.db.query<{ v: string }>(`SELECT ${sqlLiteral(text)}::text AS v`);
      expect(rows[0]!.v).toBe(text);
    }
  });

  it('a batch gets consecutive seqs in mutation order, and its notices name the care team and the pushing device', async () => {
    const notices: unknown[] = [];
    const unlisten = await t.db.listen(CHANGES_CHANNEL, (raw) => notices.push(JSON.parse(raw)));
    try {
      const client = new TestSyncClient(api, clinicianToken);
      await client.pullAll();
      const phones = ['206-555-0101', '206-555-0102', '206-555-0103', '206-555-0104'];
      const results = await client.push(phones.map((phone) => client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone } })));
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied', 'applied']);
      const { rows } = await t.db.query<{ seq: number; phone: string }>(
        `SELECT seq, data->>'phone' AS phone FROM change_log WHERE entity = 'patient' AND entity_id = $1 ORDER BY seq DESC LIMIT 4`, [clinic.ownPatientId]);
      const ordered = rows.reverse();
      expect(ordered.map((r) => r.phone)).toEqual(phones);
      expect(ordered.map((r) => r.seq - ordered[0]!.seq)).toEqual([0, 1, 2, 3]);
      // The device pulls exactly these four changes, then nothing.
      const pulled = await client.pullAll();
      expect(pulled.map((c) => (c.data as { phone: string }).phone)).toEqual(phones);
      expect((await client.pullPage()).changes).toEqual([]);
      await expect.poll(() => notices.length, { timeout: 5000 }).toBeGreaterThanOrEqual(1);
      // Each is the state the push answered with: it names the pushing device, which need not pull it back.
      expect(notices).toContainEqual({ patientId: clinic.ownPatientId, userId: null, careTeam: [clinic.users.clinician], origin: client.clientId });
    } finally {
      await unlisten();
    }
  });

  it('a rejected mutation in the middle of a batch leaves no row; the ones around it keep theirs', async () => {
    const client = new TestSyncClient(api, clinicianToken);
    await client.pullAll();
    const results = await client.push([
      client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0111' } }),
      client.mutation('patient.updateContact', { patientId: clinic.otherPatientId, fields: { phone: '206-555-0112' } }),
      client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0113' } }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    expect(results[1]).toMatchObject({ reason: 'forbidden' });
    const { rows } = await t.db.query<{ phone: string }>('SELECT phone FROM patients WHERE id = $1', [clinic.otherPatientId]);
    expect(rows[0]!.phone).not.toBe('206-555-0112');
    const pulled = await client.pullAll();
    expect(pulled.map((c) => (c.data as { phone: string }).phone)).toEqual(['206-555-0111', '206-555-0113']);
  });

  it('small pages walk the viewer\'s rows in seq order past others\' changes, with access changes in between', async () => {
    const mine = new TestSyncClient(api, clinicianToken);
    const other = new TestSyncClient(api, otherToken);
    await mine.pullAll();
    await other.pullAll();
    for (let i = 0; i < 3; i++) {
      await mine.push([mine.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: `206-555-020${i}` } })]);
      await other.push([other.mutation('patient.updateContact', { patientId: clinic.otherPatientId, fields: { phone: `206-555-030${i}` } })]);
    }
    await mine.push([mine.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0203' } })]);
    const pullInTwos = async () => {
      const all: Awaited<ReturnType<TestSyncClient['pullAll']>> = [];
      for (;;) {
        const page = await mine.pullPage(2);
        all.push(...page.changes);
        if (!page.hasMore) return all;
      }
    };
    const label = (c: { entity: string; deleted: boolean; data: unknown; patientId: string | null }) =>
      (c.entity === 'access' ? `access ${c.deleted ? 'revoked' : 'granted'}` : `${c.entity}${c.patientId === clinic.otherPatientId ? ' (other)' : ''} ${(c.data as { phone?: string } | null)?.phone ?? ''}`.trim());
    // Pages of two past the other clinician's changes: only the own ones, in order.
    expect((await pullInTwos()).map(label)).toEqual(['patient 206-555-0200', 'patient 206-555-0201', 'patient 206-555-0202', 'patient 206-555-0203']);

    // The clinician is granted the other patient: the grant brings their chart (its current state) at the
    // grant's seq, then the change made while in scope.
    await t.db.transaction(async (tx) => {
      await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'consulting')`, [clinic.otherPatientId, clinic.users.clinician]);
      await recordAccessChange(tx, clinic.users.clinician, clinic.otherPatientId, true);
    });
    await other.push([other.mutation('patient.updateContact', { patientId: clinic.otherPatientId, fields: { phone: '206-555-0399' } })]);
    const first = await pullInTwos();
    const seqs = first.map((c) => c.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const summary = first.map(label);
    expect(summary[0]).toBe('access granted');
    expect(new Set(first.slice(1, -1).map((c) => c.seq))).toEqual(new Set([first[0]!.seq])); // the chart, at the grant's seq
    expect(summary.slice(1, -1)).toContain('patient (other) 206-555-0399');
    expect(summary[summary.length - 1]).toBe('patient (other) 206-555-0399');
    expect(first[first.length - 1]!.seq).toBeGreaterThan(first[0]!.seq);

    await t.db.transaction(async (tx) => {
      await tx.query('DELETE FROM care_team WHERE patient_id = $1 AND user_id = $2', [clinic.otherPatientId, clinic.users.clinician]);
      await recordAccessChange(tx, clinic.users.clinician, clinic.otherPatientId, false);
    });
    await other.push([other.mutation('patient.updateContact', { patientId: clinic.otherPatientId, fields: { phone: '206-555-0400' } })]);
    // After the revocation: the revocation reaches the device (so it deletes the data); later changes do not.
    expect((await pullInTwos()).map(label)).toEqual(['access revoked']);
  });
});
