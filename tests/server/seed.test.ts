// Demo clinic: the pure generator's invariants (licensure, no double-booking, care teams, business hours, codes),
// and seeding on PGlite (and PostgreSQL for the two-instances race) only into an empty database.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Database } from '../../server/db/database';
import { openPglite } from '../../server/db/pglite-driver';
import { openPostgres } from '../../server/db/postgres-driver';
import { migrate } from '../../server/db/migrate';
import { verifyPassword } from '../../server/auth/passwords';
import { DEMO_ACCOUNTS, DEMO_ADMIN_TOTP_SECRET, DEMO_PASSWORD } from '../../server/seed/demo-accounts';
import { countDemoClinic, generateDemoClinic } from '../../server/seed/demo-clinic';
import type { DemoClinic } from '../../server/seed/demo-clinic';
import { DEMO_CITIES, REQUIRED_CITY_IDS } from '../../server/seed/data/cities';
import { DEMO_MEDICATIONS } from '../../server/seed/data/medications';
import { DEMO_PROBLEMS } from '../../server/seed/data/problems';
import { DEMO_CLINICIAN_STATES } from '../../server/seed/data/staff';
import { DatabaseNotEmptyError, seedDemoClinic, seedDemoIfEmpty } from '../../server/seed/seed';
import { createPostgresDatabase } from './support/databases';

// Wednesday 12:30 in Seattle.
const NOW = new Date('2025-03-12T19:30:00Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function localParts(epochMs: number, timeZone: string): { date: string; minutes: number } {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(epochMs)).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function ageOn(birthDate: string, now: Date): number {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const today = now.toISOString().slice(0, 10).split('-').map(Number) as [number, number, number];
  return today[0] - y - (today[1] < m || (today[1] === m && today[2] < d) ? 1 : 0);
}

/** Checks every cross-table rule of a generated clinic; returns the demo clinician's visits today. */
function checkInvariants(clinic: DemoClinic, now: Date, options: { demoDayInBusinessHours: boolean }) {
  const nowMs = now.getTime();
  const users = new Map(clinic.users.map((u) => [u.id, u]));
  const patients = new Map(clinic.patients.map((p) => [p.id, p]));
  const cities = new Map(clinic.cities.map((c) => [c.id, c]));
  const team = new Map(clinic.care_team.map((c) => [`${c.patient_id}/${c.user_id}`, c.relation]));
  const demo = clinic.users.find((u) => u.email === DEMO_ACCOUNTS.clinician)!;

  // Every patient has exactly one primary clinician, licensed (and not expired) where the patient is.
  const primaries = clinic.care_team.filter((c) => c.relation === 'primary');
  expect(new Set(primaries.map((c) => c.patient_id)).size).toBe(clinic.patients.length);
  expect(primaries.length).toBe(clinic.patients.length);
  const expiry = new Map(clinic.staff_licenses.map((l) => [`${l.user_id}/${l.state}`, l.expires_on]));
  const activeLicense = (userId: string, state: string, onDate: string) => (expiry.get(`${userId}/${state}`) ?? '') >= onDate;
  const today = now.toISOString().slice(0, 10);
  for (const c of primaries) {
    expect(['MD', 'DO', 'NP']).toContain(users.get(c.user_id)!.credential);
    expect(activeLicense(c.user_id, patients.get(c.patient_id)!.location_state, today)).toBe(true);
  }

  const byClinician = new Map<string, { start: number; end: number }[]>();
  const demoTodayVisits = [];
  for (const a of clinic.appointments) {
    const start = Date.parse(a.starts_at);
    const end = Date.parse(a.ends_at);
    const clinician = users.get(a.clinician_id)!;
    const patient = patients.get(a.patient_id)!;
    expect(end).toBeGreaterThan(start);
    expect(start).toBeGreaterThanOrEqual(nowMs - 3 * DAY);
    expect(start).toBeLessThan(nowMs + 4 * DAY);
    // Licensed where the patient is, on the day of the visit; on the patient's care team.
    expect(activeLicense(clinician.id, patient.location_state, a.starts_at.slice(0, 10)), `${clinician.email} in ${patient.location_state}`).toBe(true);
    expect(team.has(`${a.patient_id}/${a.clinician_id}`)).toBe(true);
    const minutes = (end - start) / 60_000;
    if (a.kind === 'video') {
      expect(['MD', 'DO', 'NP']).toContain(clinician.credential);
      expect(minutes).toBeGreaterThanOrEqual(15);
      expect(minutes).toBeLessThanOrEqual(30);
      expect(a.city_id).toBeNull();
    } else {
      expect(a.kind).toBe('home');
      expect(['NP', 'RN', 'phlebotomist']).toContain(clinician.credential);
      expect(minutes).toBeGreaterThanOrEqual(30);
      expect(minutes).toBeLessThanOrEqual(60);
      expect(a.city_id).toBe(patient.city_id);
      expect(a.city_id).toBe(clinician.home_city_id);
      expect(cities.get(a.city_id!)!.in_person).toBe(true);
      expect(patient.location_state).toBe(patient.address_state);
    }
    // Status fits the clock.
    if (end <= nowMs) expect(['completed', 'no_show', 'cancelled']).toContain(a.status);
    else if (start > nowMs) expect(['booked', 'checked_in']).toContain(a.status);
    else expect(['in_progress', 'checked_in']).toContain(a.status);

    // The demo clinician's day is the block around now (an on-call night may begin the evening before).
    const isDemoToday = a.clinician_id === demo.id && Math.abs(start - nowMs) < 8 * HOUR;
    if (isDemoToday) demoTodayVisits.push(a);
    if (!isDemoToday || options.demoDayInBusinessHours) {
      const s = localParts(start, clinician.time_zone);
      const e = localParts(end - 1, clinician.time_zone);
      expect(s.date).toBe(e.date);
      expect(s.minutes).toBeGreaterThanOrEqual(7 * 60);
      expect(e.minutes).toBeLessThan(19 * 60);
    }
    byClinician.set(a.clinician_id, [...(byClinician.get(a.clinician_id) ?? []), { start, end }]);
  }
  // No clinician is ever double-booked.
  for (const visits of byClinician.values()) {
    visits.sort((x, y) => x.start - y.start);
    for (let i = 1; i < visits.length; i++) expect(visits[i]!.start).toBeGreaterThanOrEqual(visits[i - 1]!.end);
  }
  return demoTodayVisits;
}

describe('generateDemoClinic (pure)', () => {
  const clinic = generateDemoClinic({ now: NOW });

  it('is deterministic: the same seed and now give the same rows, another seed another clinic', () => {
    expect(generateDemoClinic({ now: NOW })).toEqual(clinic);
    const other = generateDemoClinic({ now: NOW, seed: 7 });
    expect(other.patients[0]!.id).not.toBe(clinic.patients[0]!.id);
    expect(other.users.map((u) => u.email)).toEqual(clinic.users.map((u) => u.email));
  });

  it('has the service cities with real ZIP codes and time zones', () => {
    expect(clinic.cities.length).toBeGreaterThanOrEqual(12);
    for (const id of REQUIRED_CITY_IDS) expect(clinic.cities.map((c) => c.id)).toContain(id);
    for (const city of DEMO_CITIES) {
      expect(city.zips.length).toBeGreaterThanOrEqual(8);
      expect(city.streets.length).toBeGreaterThanOrEqual(10);
      expect(() => new Intl.DateTimeFormat('en-US', { timeZone: city.timeZone })).not.toThrow();
      for (const z of city.zips) {
        expect(z.zip).toMatch(/^\d{5}$/);
        expect(Math.abs(z.lat - city.lat)).toBeLessThan(0.3);
        expect(Math.abs(z.lon - city.lon)).toBeLessThan(0.3);
      }
    }
  });

  it('has about 40 staff of every role and credential, with skills and licenses', () => {
    expect(clinic.users.length).toBeGreaterThanOrEqual(35);
    expect(clinic.users.length).toBeLessThanOrEqual(45);
    const count = (credential: string) => clinic.users.filter((u) => u.credential === credential).length;
    expect(count('MD') + count('DO')).toBeGreaterThanOrEqual(8);
    expect(count('NP')).toBeGreaterThanOrEqual(6);
    expect(count('RN')).toBeGreaterThanOrEqual(6);
    expect(count('phlebotomist')).toBeGreaterThanOrEqual(4);
    expect(count('courier')).toBeGreaterThanOrEqual(4);
    expect(clinic.users.filter((u) => u.role === 'dispatcher').every((u) => u.credential === 'coordinator')).toBe(true);
    expect(clinic.users.filter((u) => u.role === 'admin').every((u) => u.credential === 'it')).toBe(true);
    expect(clinic.users.every((u) => u.email.endsWith('@demo.housecall.test'))).toBe(true);
    expect(new Set(clinic.users.map((u) => u.email)).size).toBe(clinic.users.length);
    const physicians = clinic.users.filter((u) => u.credential === 'MD' || u.credential === 'DO');
    const serviceStates = new Set(clinic.cities.map((c) => c.state));
    for (const p of physicians) {
      expect(p.display_name).toMatch(/^Dr\. /);
      const states = clinic.staff_licenses.filter((l) => l.user_id === p.id).map((l) => l.state);
      expect(states.length).toBeGreaterThanOrEqual(15);
      expect(states.length).toBeLessThanOrEqual(30);
      for (const st of serviceStates) expect(states).toContain(st);
    }
    const skills = (credential: string) => new Set(clinic.staff_skills.filter((s) => clinic.users.find((u) => u.id === s.user_id)!.credential === credential).map((s) => s.skill));
    expect([...skills('phlebotomist')]).toEqual(['phlebotomy']);
    expect([...skills('courier')]).toEqual(['delivery']);
    expect(skills('MD').has('telehealth')).toBe(true);
    const today = NOW.toISOString().slice(0, 10);
    expect(clinic.staff_licenses.some((l) => l.expires_on < today)).toBe(true);
    expect(clinic.staff_licenses.filter((l) => l.expires_on < today).length).toBeLessThan(10);
  });

  it('has the demo accounts, the clinician a Seattle physician licensed in the listed states', () => {
    const byEmail = new Map(clinic.users.map((u) => [u.email, u]));
    const clinician = byEmail.get(DEMO_ACCOUNTS.clinician)!;
    expect(clinician).toMatchObject({ role: 'clinician', credential: 'MD', home_city_id: 'seattle', time_zone: 'America/Los_Angeles' });
    expect(clinic.staff_licenses.filter((l) => l.user_id === clinician.id).map((l) => l.state).sort()).toEqual([...DEMO_CLINICIAN_STATES].sort());
    expect(byEmail.get(DEMO_ACCOUNTS.dispatcher)!.role).toBe('dispatcher');
    expect(byEmail.get(DEMO_ACCOUNTS.courier)!.role).toBe('courier');
    expect(byEmail.get(DEMO_ACCOUNTS.admin)).toMatchObject({ role: 'admin', totp_enabled: true, totp_secret: DEMO_ADMIN_TOTP_SECRET });
    expect(clinic.users.filter((u) => u.totp_secret !== null)).toHaveLength(1);
  });

  it('has 2,000 fictional patients in the cities, with real ZIP codes', () => {
    expect(clinic.patients).toHaveLength(2000);
    expect(new Set(clinic.patients.map((p) => p.mrn)).size).toBe(2000);
    const zips = new Map(DEMO_CITIES.map((c) => [c.id, new Set(c.zips.map((z) => z.zip))]));
    const states = new Map(DEMO_CITIES.map((c) => [c.id, c.state]));
    let atHome = 0;
    for (const p of clinic.patients) {
      expect(p.mrn).toMatch(/^HC\d{7}$/);
      const age = ageOn(p.birth_date, NOW);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThanOrEqual(90);
      if (p.phone !== null) expect(p.phone).toMatch(/^\(\d{3}\) 555-01\d{2}$/);
      if (p.email !== null) expect(p.email).toMatch(/^[a-z.]+\d+@example\.(com|org)$/);
      expect(zips.get(p.city_id!)!.has(p.postal_code)).toBe(true);
      expect(p.address_state).toBe(states.get(p.city_id!));
      if (p.location_state === p.address_state) atHome++;
    }
    expect(atHome / 2000).toBeGreaterThan(0.9);
    expect(atHome).toBeLessThan(2000);
    expect(clinic.employers.length).toBeGreaterThanOrEqual(20);
    expect(clinic.patients.filter((p) => p.employer_id !== null).length).toBeGreaterThan(1500);
  });

  it('gives about 30% of patients allergies, 0-5 active medications and 0-4 problems, never a drug they are allergic to', () => {
    const withAllergy = new Set(clinic.patient_allergies.map((a) => a.patient_id));
    expect(withAllergy.size / 2000).toBeGreaterThan(0.25);
    expect(withAllergy.size / 2000).toBeLessThan(0.35);
    const perPatient = (rows: { patient_id: string }[]) => {
      const m = new Map<string, number>();
      for (const r of rows) m.set(r.patient_id, (m.get(r.patient_id) ?? 0) + 1);
      return Math.max(...m.values());
    };
    expect(perPatient(clinic.patient_medications.filter((m) => m.status === 'active'))).toBeLessThanOrEqual(5);
    expect(perPatient(clinic.patient_problems)).toBeLessThanOrEqual(4);
    const medNames = new Map(DEMO_MEDICATIONS.map((m) => [m.rxnormCode, m.name]));
    for (const m of clinic.patient_medications) expect(m.name).toBe(medNames.get(m.rxnorm_code));
    const problemCodes = new Set(DEMO_PROBLEMS.map((p) => p.code));
    for (const p of clinic.patient_problems) expect(problemCodes.has(p.icd10_code)).toBe(true);
    const penicillinAllergic = new Set(clinic.patient_allergies.filter((a) => a.substance === 'Penicillin' || a.substance === 'Amoxicillin').map((a) => a.patient_id));
    const penicillins = new Set(DEMO_MEDICATIONS.filter((m) => m.tags.includes('penicillin')).map((m) => m.rxnormCode));
    expect(clinic.patient_medications.some((m) => penicillinAllergic.has(m.patient_id) && penicillins.has(m.rxnorm_code))).toBe(false);
  });

  it('books a week of visits: licensed, on the care team, never double-booked, in business hours, statuses fit the clock', () => {
    expect(clinic.appointments.length).toBeGreaterThanOrEqual(1500);
    expect(clinic.appointments.length).toBeLessThanOrEqual(2500);
    expect(clinic.appointments.some((a) => a.kind === 'video')).toBe(true);
    expect(clinic.appointments.some((a) => a.kind === 'home')).toBe(true);
    checkInvariants(clinic, NOW, { demoDayInBusinessHours: true });
  });

  it("gives the demo clinician a full day today: some completed, one checked in, the rest booked", () => {
    const today = checkInvariants(clinic, NOW, { demoDayInBusinessHours: true });
    expect(today.length).toBeGreaterThanOrEqual(8);
    expect(today.length).toBeLessThanOrEqual(14);
    expect(today.filter((a) => a.status === 'completed').length).toBeGreaterThanOrEqual(2);
    expect(today.filter((a) => a.status === 'checked_in')).toHaveLength(1);
    expect(today.filter((a) => a.status === 'booked').length).toBeGreaterThanOrEqual(2);
  });

  it.each([
    ['a Saturday morning', '2025-03-15T17:00:00Z', true],
    ['the night of the spring daylight-saving change', '2025-03-09T10:30:00Z', false],
    ['the night of the autumn daylight-saving change', '2025-11-02T08:00:00Z', false],
    ['New Year\u2019s Eve, late evening', '2026-01-01T05:00:00Z', false],
  ])('keeps its rules on %s', (_label, iso, inHours) => {
    const now = new Date(iso);
    const other = generateDemoClinic({ now, patientCount: 2000 });
    const today = checkInvariants(other, now, { demoDayInBusinessHours: inHours });
    expect(today.filter((a) => a.status === 'checked_in')).toHaveLength(1);
    expect(today.filter((a) => a.status === 'completed' || a.status === 'no_show').length).toBeGreaterThanOrEqual(2);
    expect(other.appointments.length).toBeGreaterThanOrEqual(1500);
    expect(other.appointments.length).toBeLessThanOrEqual(2500);
  });

  const sharedData = path.resolve(__dirname, '../../../shared/data');
  const icdFile = path.join(sharedData, 'icd10cm/icd10cm-order-Jan-2021.txt.gz');
  const rxFile = path.join(sharedData, 'synthea-rxnorm-codes/synthea_r4_medication_rxcuis.csv');
  it.skipIf(!existsSync(icdFile))('uses only billable ICD-10-CM codes of the FY2021 code set', () => {
    const billable = new Set<string>();
    for (const line of gunzipSync(readFileSync(icdFile)).toString('latin1').split(/\r?\n/)) {
      if (line.length > 15 && line[14] === '1') billable.add(line.slice(6, 13).trim());
    }
    for (const p of DEMO_PROBLEMS) expect(billable.has(p.code.replace('.', '')), p.code).toBe(true);
  });

  it.skipIf(!existsSync(rxFile))('uses only RxNorm codes and names of the Synthea-derived list', () => {
    const known = new Map<string, string>();
    for (const line of readFileSync(rxFile, 'utf8').split(/\r?\n/).slice(1)) {
      const match = /^(\d+),("(?:[^"]|"")*"|[^,]*),/.exec(line);
      if (match) known.set(match[1]!, match[2]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
    }
    for (const m of DEMO_MEDICATIONS) expect(known.get(m.rxnormCode), m.rxnormCode).toBe(m.name);
  });
});

describe('seeding the demo clinic on PGlite', () => {
  let db: Database;
  let result: string;
  const logs: string[] = [];

  beforeAll(async () => {
    db = await openPglite(undefined);
    await migrate(db);
    result = await seedDemoIfEmpty(db, { now: NOW, log: (m) => logs.push(m) });
  });
  afterAll(async () => {
    await db?.close();
  });

  const count = async (table: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`)).rows[0]!.n;

  it('seeds an empty database with exactly the generated rows, and logs counts only', async () => {
    expect(result).toBe('seeded');
    const expected = countDemoClinic(generateDemoClinic({ now: NOW }));
    for (const [table, n] of Object.entries(expected)) expect(await count(table), table).toBe(n);
    expect(logs.join('\n')).toContain('2000 patients');
    const firstPatient = (await db.query<{ family_name: string }>('SELECT family_name FROM patients LIMIT 1')).rows[0]!;
    expect(logs.join('\n')).not.toContain(firstPatient.family_name);
  });

  it('creates the demo sign-ins with the demo password and the admin with TOTP', async () => {
    const { rows } = await db.query<{ email: string; role: string; password_hash: string; totp_enabled: boolean; totp_secret: string | null }>(
      'SELECT email, role, password_hash, totp_enabled, totp_secret FROM users WHERE email = ANY($1::text[])', [Object.values(DEMO_ACCOUNTS)]);
    const byEmail = new Map(rows.map((r) => [r.email, r]));
    expect(byEmail.get(DEMO_ACCOUNTS.clinician)!.role).toBe('clinician');
    expect(byEmail.get(DEMO_ACCOUNTS.dispatcher)!.role).toBe('dispatcher');
    expect(byEmail.get(DEMO_ACCOUNTS.courier)!.role).toBe('courier');
    expect(byEmail.get(DEMO_ACCOUNTS.admin)).toMatchObject({ role: 'admin', totp_enabled: true, totp_secret: DEMO_ADMIN_TOTP_SECRET });
    for (const row of rows) {
      expect(row.password_hash).toMatch(/^\$argon2id\$/);
      expect(await verifyPassword(row.password_hash, DEMO_PASSWORD)).toBe(true);
    }
    expect(await verifyPassword(byEmail.get(DEMO_ACCOUNTS.clinician)!.password_hash, 'wrong-password')).toBe(false);
  });

  it('stores visits whose clinician is licensed where the patient is, on the care team, never overlapping', async () => {
    const unlicensed = await db.query(`SELECT a.id FROM appointments a JOIN patients p ON p.id = a.patient_id
      WHERE NOT EXISTS (SELECT 1 FROM staff_licenses l WHERE l.user_id = a.clinician_id AND l.state = p.location_state
                        AND l.expires_on >= (a.starts_at AT TIME ZONE 'UTC')::date)`);
    expect(unlicensed.rows).toHaveLength(0);
    const offTeam = await db.query(`SELECT a.id FROM appointments a
      WHERE NOT EXISTS (SELECT 1 FROM care_team c WHERE c.patient_id = a.patient_id AND c.user_id = a.clinician_id)`);
    expect(offTeam.rows).toHaveLength(0);
    const overlaps = await db.query(`SELECT a.id FROM appointments a JOIN appointments b
      ON a.clinician_id = b.clinician_id AND a.id < b.id AND tstzrange(a.starts_at, a.ends_at) && tstzrange(b.starts_at, b.ends_at)`);
    expect(overlaps.rows).toHaveLength(0);
  });

  it('adds demo prescriptions signed through the safety checks, with deliveries at several steps and a failed one in an inbox', async () => {
    const { rows } = await db.query<{ status: string; email: string; courier: string | null }>(
      `SELECT d.status, u.email, c.email AS courier FROM deliveries d JOIN prescriptions r ON r.id = d.prescription_id
         JOIN users u ON u.id = r.prescriber_id LEFT JOIN users c ON c.id = d.courier_id ORDER BY d.status`);
    expect(rows.filter((r) => r.email === DEMO_ACCOUNTS.clinician).map((r) => r.status).sort()).toEqual(['delivered', 'out_for_delivery', 'pharmacy_fill']);
    expect(rows.find((r) => r.status === 'out_for_delivery')!.courier).toBe(DEMO_ACCOUNTS.courier);
    expect(rows.filter((r) => r.status === 'failed')).toHaveLength(1);
    expect(await count('inbox_tasks')).toBe(1);
    expect(await count('prescription_events')).toBe(4);
  });

  it('skips a second time and changes nothing', async () => {
    const before = await count('patients');
    expect(await seedDemoIfEmpty(db, { now: NOW })).toBe('skipped-not-empty');
    await expect(seedDemoClinic(db, { now: NOW })).rejects.toBeInstanceOf(DatabaseNotEmptyError);
    expect(await count('patients')).toBe(before);
  });
});

describe('seeding a database that already holds data', () => {
  it('skips a database holding one user and creates nothing', async () => {
    const db = await openPglite(undefined);
    try {
      await migrate(db);
      await db.query(`INSERT INTO users (id, email, display_name, role, password_hash)
        VALUES ('00000000-0000-4000-8000-000000000001', 'someone@example.org', 'Someone', 'admin', 'x')`);
      const logs: string[] = [];
      expect(await seedDemoIfEmpty(db, { now: NOW, log: (m) => logs.push(m) })).toBe('skipped-not-empty');
      expect(logs.join(' ')).toMatch(/already holds data/);
      for (const table of ['users', 'patients', 'cities', 'employers', 'appointments', 'care_team', 'staff_licenses']) {
        const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
        expect(rows[0]!.n, table).toBe(table === 'users' ? 1 : 0);
      }
    } finally {
      await db.close();
    }
  });

  const pgSkip = inject('pgSkipReason');
  it.skipIf(Boolean(pgSkip))('lets only one of two instances starting together on PostgreSQL seed', async () => {
    const created = await createPostgresDatabase();
    const a = await openPostgres({ connectionString: created.url });
    const b = await openPostgres({ connectionString: created.url });
    try {
      await migrate(a);
      const results = await Promise.all([
        seedDemoIfEmpty(a, { now: NOW, patientCount: 300 }),
        seedDemoIfEmpty(b, { now: NOW, patientCount: 300 }),
      ]);
      expect(results.sort()).toEqual(['seeded', 'skipped-not-empty']);
      const { rows } = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM patients');
      expect(rows[0]!.n).toBe(300);
    } finally {
      await a.close();
      await b.close();
      await created.drop();
    }
  });
});
