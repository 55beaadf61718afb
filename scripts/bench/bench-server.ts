// A care server for the sync benchmarks, in its own process (as in the field: the workstation and the server
// do not share a CPU): PGlite in memory, one clinician with 100 patients and today's appointments. Prints one
// JSON line {baseUrl, email, password, clinicianId, patients} on stdout, then serves until stdin closes.
import { randomUUID } from 'node:crypto';
import { openPglite } from '../../server/db/pglite-driver';
import { migrate } from '../../server/db/migrate';
import { buildApp } from '../../server/http/app';
import { hashPassword } from '../../server/auth/passwords';

const PATIENTS = Number(process.argv[2] ?? 100);
const PASSWORD = 'bench password that is long enough';
const EMAIL = 'bench.clinician@bench.housecall.test';

const db = await openPglite(undefined);
await migrate(db);
const clinicianId = randomUUID();
const patients: Array<{ patientId: string; appointmentId: string }> = [];
await db.transaction(async (tx) => {
  await tx.query(`INSERT INTO cities (id, name, state, time_zone, latitude, longitude) VALUES ('seattle', 'Seattle', 'WA', 'America/Los_Angeles', 47.6, -122.3)`);
  await tx.query(`INSERT INTO users (id, email, display_name, role, credential, home_city_id, password_hash) VALUES ($1, $2, 'Bench Clinician', 'clinician', 'MD', 'seattle', $3)`,
    [clinicianId, EMAIL, await hashPassword(PASSWORD)]);
  const start = Date.now() + 3600_000;
  for (let i = 0; i < PATIENTS; i++) {
    const patientId = randomUUID();
    const appointmentId = randomUUID();
    await tx.query(`INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, address_line, address_city, address_state, postal_code, location_state, city_id)
                    VALUES ($1, $2, 'Bench', 'Patient', '1970-01-01', 'female', '1 Main St', 'Seattle', 'WA', '98101', 'WA', 'seattle')`, [patientId, `BN${String(i).padStart(6, '0')}`]);
    await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary')`, [patientId, clinicianId]);
    await tx.query(`INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
                    VALUES ($1, $2, $3, 'video', 'booked', $4, $5, 'Follow-up', 'seattle')`,
      [appointmentId, patientId, clinicianId, new Date(start + i * 600_000), new Date(start + i * 600_000 + 300_000)]);
    patients.push({ patientId, appointmentId });
  }
});
const app = await buildApp({ db, tokenSecret: 'bench-secret-that-is-long-enough-0123456789', logLevel: 'silent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
process.stdout.write(`${JSON.stringify({ baseUrl, email: EMAIL, password: PASSWORD, clinicianId, patients })}\n`);

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
