// Server side of sync, on PGlite (or PostgreSQL with BENCH_DATABASE_URL): a first sync of a clinician's
// scope of 10,000 patients and 50,000 chart rows through GET /api/sync/pull, and pushing 1,000 queued
// mutations through POST /api/sync/push. Fixed data, one warm-up, median of 3 runs.
import { randomUUID } from 'node:crypto';
import type { Database } from '../../server/db/database';
import { openPglite } from '../../server/db/pglite-driver';
import { openPostgres } from '../../server/db/postgres-driver';
import { migrate } from '../../server/db/migrate';
import { buildApp } from '../../server/http/app';
import { hashPassword } from '../../server/auth/passwords';

const PATIENTS = 10_000;
const CHART_ROWS_PER_PATIENT = 5; // 2 allergies/medications/problems... = 50,000 rows
export const BENCH_EMAIL = 'bench@bench.test';
export const PASSWORD = 'bench-password-123';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function setupBenchScope(db: Database): Promise<{ clinicianId: string; patientIds: string[] }> {
  await migrate(db);
  const clinicianId = randomUUID();
  await db.query(`INSERT INTO users (id, email, display_name, role, credential, password_hash) VALUES ($1, 'bench@bench.test', 'Bench Clinician', 'clinician', 'MD', $2)`, [clinicianId, await hashPassword(PASSWORD)]);
  await db.query(`INSERT INTO staff_licenses (user_id, state, license_number, expires_on) VALUES ($1, 'WA', 'MD1', '2035-01-01')`, [clinicianId]);
  await db.query(
    `INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, phone, address_line, address_city, address_state, postal_code, location_state)
     SELECT gen_random_uuid(), 'B' || lpad(i::text, 8, '0'), 'Given' || i, 'Family' || i, DATE '1950-01-01' + (i % 20000), 'female',
            '206-555-' || lpad((i % 10000)::text, 4, '0'), i || ' Main St', 'Seattle', 'WA', '98101', 'WA'
       FROM generate_series(1, ${PATIENTS}) AS i`);
  await db.query(`INSERT INTO care_team (patient_id, user_id, relation) SELECT id, $1, 'primary' FROM patients`, [clinicianId]);
  await db.query(`INSERT INTO patient_allergies (id, patient_id, substance, reaction, severity) SELECT gen_random_uuid(), id, 'Penicillin', 'Hives', 'mild' FROM patients`);
  await db.query(`INSERT INTO patient_medications (id, patient_id, rxnorm_code, name, sig, status) SELECT gen_random_uuid(), id, '314076', 'lisinopril 10 MG Oral Tablet', '1 tablet daily', 'active' FROM patients, generate_series(1, 2)`);
  await db.query(`INSERT INTO patient_problems (id, patient_id, icd10_code, description, status) SELECT gen_random_uuid(), id, 'I10', 'Essential (primary) hypertension', 'active' FROM patients, generate_series(1, 2)`);
  // 2,000 appointments over the week around today, so a schedule has visits to show.
  await db.query(
    `INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason)
     SELECT gen_random_uuid(), p.id, $1, 'video', 'booked', date_trunc('hour', now()) + ((p.n % 2000) - 1000) * interval '5 minutes',
            date_trunc('hour', now()) + ((p.n % 2000) - 1000) * interval '5 minutes' + interval '5 minutes', 'Follow-up'
       FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM patients) p WHERE p.n <= 2000`, [clinicianId]);
  const { rows } = await db.query<{ id: string }>('SELECT id FROM patients ORDER BY id LIMIT 1000');
  return { clinicianId, patientIds: rows.map((r) => r.id) };
}

async function main(): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL;
  const db = url ? await openPostgres({ connectionString: url }) : await openPglite(undefined);
  const { patientIds } = await setupBenchScope(db);
  const app = await buildApp({ db, tokenSecret: 'bench-secret-bench-secret-bench-secret', logLevel: 'silent' });
  const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'bench@bench.test', password: PASSWORD } });
  const token = login.json().accessToken as string;
  const headers = { authorization: `Bearer ${token}` };

  const pullAll = async (): Promise<number> => {
    let cursor = '';
    let rows = 0;
    for (;;) {
      const res = await app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=2000`, headers });
      const page = res.json();
      rows += page.changes.length;
      cursor = page.cursor;
      if (!page.hasMore) return rows;
    }
  };
  const pullTimes: number[] = [];
  let rowsPulled = 0;
  for (let run = 0; run < 4; run++) {
    const started = performance.now();
    rowsPulled = await pullAll();
    if (run > 0) pullTimes.push(performance.now() - started); // run 0 is the warm-up
  }
  const expected = PATIENTS * (1 + CHART_ROWS_PER_PATIENT) + 2000;
  if (rowsPulled !== expected) throw new Error(`pulled ${rowsPulled} rows, expected ${expected}`);
  console.log(JSON.stringify({ name: `server: first-sync pull of ${PATIENTS} patients + ${PATIENTS * CHART_ROWS_PER_PATIENT} chart rows (${db.kind})`, value: rowsPulled / (median(pullTimes) / 1000), unit: 'rows/s', target: '(server side of >= 15,000 rows/s end to end)', better: 'higher' }));

  const pushTimes: number[] = [];
  for (let run = 0; run < 4; run++) {
    const clientId = `bench-client-${run}`;
    const mutations = patientIds.map((patientId, i) => ({ mutationId: randomUUID(), seq: i + 1, name: 'patient.updateContact', args: { patientId, fields: { phone: `206-555-${String(i).padStart(4, '0')}` } } }));
    const started = performance.now();
    for (let i = 0; i < mutations.length; i += 200) {
      const res = await app.inject({ method: 'POST', url: '/api/sync/push', headers, payload: { clientId, mutations: mutations.slice(i, i + 200) } });
      if (res.json().results.some((r: { status: string }) => r.status !== 'applied')) throw new Error('a benchmark mutation was not applied');
    }
    if (run > 0) pushTimes.push(performance.now() - started);
  }
  console.log(JSON.stringify({ name: `server: push 1,000 queued mutations (${db.kind})`, value: median(pushTimes) / 1000, unit: 's', target: '< 3 s (catch-up, end to end)', better: 'lower' }));
  await app.close();
  await db.close();
}

// Run only as a program, not when another benchmark imports the set-up.
if (process.argv[1]?.endsWith('server-sync.bench.ts')) await main();
