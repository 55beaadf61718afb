// A first sync's snapshot is patient-major: each patient comes with their chart rows right after them (so a
// device stores a patient's chart once), pages hold at most `limit` changes even inside a chart, nothing is
// sent twice or left out, and a cursor of the earlier entity-major form still finishes its snapshot.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { TestSyncClient } from './support/sync-client';
import type { Change } from '../../shared/sync/protocol';
import { PATIENT_CHART_ENTITIES } from '../../shared/sync/chart-groups';
import { ENTITY_SOURCES, FIRST_ID } from '../../server/sync/entity-sources';

const CHART: ReadonlySet<string> = new Set(PATIENT_CHART_ENTITIES);
const keyOf = (c: Change) => `${c.entity}:${c.id}`;

/** The snapshot part of a first sync (the pages until the cursor reads the change log), page by page. */
async function snapshotPages(client: TestSyncClient, limit: number): Promise<Change[][]> {
  const pages: Change[][] = [];
  while (!client.cursor.startsWith('c.')) pages.push((await client.pullPage(limit)).changes);
  return pages;
}

describeEachDriver('first-sync snapshot, patient-major', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  let token: string;
  const extraPatients: string[] = [];
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    token = (await signIn(api, clinic.emails.clinician)).accessToken;
    // Four more care-team patients with charts of different lengths (the last has none).
    for (let i = 0; i < 4; i++) {
      const id = randomUUID();
      extraPatients.push(id);
      await t.db.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, phone, address_line, address_city, address_state, postal_code, location_state, city_id)
                        VALUES ($1, $2, 'Given', 'Family', '1970-01-01', 'male', '206-555-0100', '1 Main St', 'Seattle', 'WA', '98101', 'WA', 'seattle')`, [id, `HC10000${i}`]);
      await t.db.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary')`, [id, clinic.users.clinician]);
      for (let k = 0; k < 3 - i; k++) {
        await t.db.query(`INSERT INTO patient_allergies (id, patient_id, substance, reaction, severity) VALUES ($1, $2, $3, 'Rash', 'mild')`, [randomUUID(), id, `Substance ${k}`]);
        await t.db.query(`INSERT INTO patient_medications (id, patient_id, rxnorm_code, name, sig, status) VALUES ($1, $2, '197361', $3, 'daily', 'active')`, [randomUUID(), id, `Drug ${k}`]);
        await t.db.query(`INSERT INTO patient_problems (id, patient_id, icd10_code, description, status) VALUES ($1, $2, 'I10', $3, 'active')`, [randomUUID(), id, `Problem ${k}`]);
      }
    }
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('sends each patient followed by their whole chart, within the page limit, each change once', async () => {
    const everything = (await snapshotPages(new TestSyncClient(api, token), 5000)).flat();
    const patients = everything.filter((c) => c.entity === 'patient').map((c) => c.id);
    expect(patients.sort()).toEqual([clinic.ownPatientId, ...extraPatients].sort());
    expect(everything.filter((c) => CHART.has(c.entity))).toHaveLength(1 + 3 * (3 + 2 + 1));

    for (const limit of [1, 2, 4, 7]) {
      const pages = await snapshotPages(new TestSyncClient(api, token), limit);
      for (const page of pages) expect(page.length).toBeLessThanOrEqual(limit);
      const all = pages.flat();
      expect(all.map(keyOf).sort()).toEqual(everything.map(keyOf).sort()); // nothing twice, nothing left out
      // Patient-major: from a patient's change to the next patient's, only that patient's chart rows.
      let current: string | null = null;
      const seen = new Set<string>();
      for (const change of all) {
        if (change.entity === 'patient') {
          expect(seen.has(change.id)).toBe(false);
          seen.add(change.id);
          current = change.id;
        } else if (CHART.has(change.entity)) {
          expect(change.patientId).toBe(current);
        } else {
          current = null; // the other entities follow all the patients
        }
      }
    }
  });

  it('a page limit that ends inside a chart goes on with the same patient on the next page', async () => {
    const client = new TestSyncClient(api, token);
    const pages: Change[][] = [];
    const cursors: string[] = [];
    while (!client.cursor.startsWith('c.')) {
      pages.push((await client.pullPage(2)).changes);
      cursors.push(client.cursor);
    }
    const splits = pages.slice(1).filter((page, i) => {
      const before = pages[i]!.at(-1);
      return before && CHART.has(page[0]?.entity ?? '') && page[0]!.patientId === (before.entity === 'patient' ? before.id : before.patientId);
    });
    expect(splits.length).toBeGreaterThan(0);
    expect(cursors.slice(0, -1).every((c) => c.startsWith('g.'))).toBe(true);
  });

  it('continues an entity-major cursor of the earlier form to the end of its snapshot', async () => {
    const fresh = new TestSyncClient(api, token);
    const mark = (await fresh.pullPage(1)).cursor.split('.')[1];
    const allergyIndex = ENTITY_SOURCES.findIndex((s) => s.entity === 'allergy');
    const legacy = new TestSyncClient(api, token);
    legacy.cursor = `b.${mark}.${allergyIndex}.${FIRST_ID}.0.0`;
    const pages = await snapshotPages(legacy, 3);
    const all = pages.flat();
    for (const page of pages) expect(page.length).toBeLessThanOrEqual(3);
    expect(all.some((c) => c.entity === 'patient')).toBe(false); // patients were before the allergies
    for (const entity of ['allergy', 'medication', 'problem', 'appointment']) expect(all.some((c) => c.entity === entity)).toBe(true);
    // Entity-major: each entity's changes are one run.
    const runs = all.map((c) => c.entity).filter((e, i, list) => i === 0 || list[i - 1] !== e);
    expect(new Set(runs).size).toBe(runs.length);
  });
});
