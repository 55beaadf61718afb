// A real care server for renderer tests: the Fastify app on PGlite (in memory, or in a temp directory so a
// restart reopens the same files), listening on a local port; plus SQL helpers to inspect or change it.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../../../server/db/database';
import { openPglite } from '../../../server/db/pglite-driver';
import { migrate } from '../../../server/db/migrate';
import { buildApp } from '../../../server/http/app';
import { recordAccessChange } from '../../../server/sync/change-log';
import { seedTestClinic } from '../../server/support/fixtures';
import type { TestClinic } from '../../server/support/fixtures';

export const TOKEN_SECRET = 'renderer-test-secret-that-is-long-enough-0123456789';

export interface TestServer {
  readonly baseUrl: string;
  readonly wsUrl: string;
  readonly clinic: TestClinic;
  db(): Database;
  /** Stops and starts the server on the same port; with the database too when it lives in a directory. */
  restart(): Promise<void>;
  /** Removes a clinician from a patient's care team and records the revocation, as an admin action would. */
  revokeAccess(userId: string, patientId: string): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database as the app sees it, counting work in progress: a request whose client went away (a device
 * closed, a dropped network) still finishes on the server, so the database is closed only once it is idle.
 */
function tracked(inner: Database): Database & { idle(): Promise<void> } {
  let active = 0;
  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    active += 1;
    try {
      return await work();
    } finally {
      active -= 1;
    }
  };
  return {
    kind: inner.kind,
    query: (sql, params) => run(() => inner.query(sql, params)),
    exec: (sql) => run(() => inner.exec(sql)),
    script: (sql) => run(() => inner.script(sql)),
    transaction: (fn) => run(() => inner.transaction(fn)),
    listen: (channel, onPayload) => inner.listen(channel, onPayload),
    close: () => inner.close(),
    async idle() {
      const deadline = Date.now() + 10_000;
      while (active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    },
  };
}

/**
 * Closes the app; after a grace period also the connections it is still waiting for. Node's fetch can leave a
 * connection open that never sent a request (after an aborted request), and the server would wait for it.
 */
async function closeApp(app: FastifyInstance): Promise<void> {
  const force = setTimeout(() => app.server.closeAllConnections(), 1_000);
  try {
    await app.close();
  } finally {
    clearTimeout(force);
  }
}

export async function startTestServer(options: { onDisk?: boolean } = {}): Promise<TestServer> {
  const dataDir = options.onDisk ? mkdtempSync(path.join(os.tmpdir(), 'housecall-renderer-')) : undefined;
  let db = tracked(await openPglite(dataDir));
  await migrate(db);
  const clinic = await seedTestClinic(db);
  let app: FastifyInstance = await buildApp({ db, tokenSecret: TOKEN_SECRET, logLevel: 'silent' });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const port = (app.server.address() as { port: number }).port;

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/ws`,
    clinic,
    db: () => db,
    async restart() {
      await closeApp(app);
      await db.idle();
      if (dataDir) {
        await db.close();
        db = tracked(await openPglite(dataDir));
      }
      app = await buildApp({ db, tokenSecret: TOKEN_SECRET, logLevel: 'silent' });
      await app.listen({ port, host: '127.0.0.1' });
    },
    async revokeAccess(userId, patientId) {
      await db.transaction(async (tx) => {
        await tx.query('DELETE FROM care_team WHERE user_id = $1 AND patient_id = $2', [userId, patientId]);
        await recordAccessChange(tx, userId, patientId, false);
      });
    },
    async close() {
      await closeApp(app);
      await db.idle();
      await db.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Adds patients to a clinician's care team, each with an allergy and a booked appointment. */
export async function addPatients(db: Database, clinicianId: string, count: number, startsAt: Date): Promise<Array<{ patientId: string; appointmentId: string }>> {
  const out: Array<{ patientId: string; appointmentId: string }> = [];
  await db.transaction(async (tx) => {
    for (let i = 0; i < count; i++) {
      const patientId = crypto.randomUUID();
      const appointmentId = crypto.randomUUID();
      await tx.query(
        `INSERT INTO patients (id, mrn, given_name, family_name, birth_date, sex, phone, address_line, address_city, address_state, postal_code, location_state, city_id)
         VALUES ($1, $2, $3, 'Testperson', '1970-01-01', 'male', '206-555-0100', '1 Main St', 'Seattle', 'WA', '98101', 'WA', 'seattle')`,
        [patientId, `HCX${String(i).padStart(6, '0')}${patientId.slice(0, 4)}`, `Given${i}`]);
      await tx.query(`INSERT INTO patient_allergies (id, patient_id, substance, reaction, severity) VALUES ($1, $2, 'Latex', 'Rash', 'mild')`, [crypto.randomUUID(), patientId]);
      await tx.query(`INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'primary')`, [patientId, clinicianId]);
      const start = new Date(startsAt.getTime() + i * 30 * 60_000);
      await tx.query(
        `INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
         VALUES ($1, $2, $3, 'video', 'booked', $4, $5, 'Follow-up', 'seattle')`,
        [appointmentId, patientId, clinicianId, start, new Date(start.getTime() + 20 * 60_000)]);
      out.push({ patientId, appointmentId });
    }
  });
  return out;
}
