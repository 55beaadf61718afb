// The server survives PostgreSQL going away under it (issue 9, the fault soak's defect): a connection dropped
// inside a transaction or under LISTEN must not kill the process (an unhandled 'error' from node-postgres
// did), and after PostgreSQL restarts (cleanly or by SIGKILL) push applies again and change notices reach the
// realtime hub again (its LISTEN connection is re-established). Runs on a PostgreSQL cluster of its own.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import type { Database } from '../../server/db/database';
import { openPostgres } from '../../server/db/postgres-driver';
import { migrate } from '../../server/db/migrate';
import type { Mutation, MutationResult } from '../../shared/sync/protocol';
import { PgCluster, findPgBin } from '../../scripts/harness/pg-cluster';
import type { TestApp } from './support/app';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestClinic } from './support/fixtures';
import { seedTestClinic } from './support/fixtures';
import { TestSyncClient } from './support/sync-client';
import { connectProbe, listenForWs } from './support/ws-probe';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Ends every other connection to the cluster (as PostgreSQL's shutdown does: FATAL 57P01 on each). */
async function terminateOthers(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'`);
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

/** Sends the same mutation (same id and seq) until the server answers it, as a workstation's outbox does. */
async function pushUntilAnswered(t: TestApp, token: string, clientId: string, mutation: Mutation, timeoutMs = 20_000): Promise<{ result: MutationResult; attempts: number }> {
  const deadline = Date.now() + timeoutMs;
  for (let attempts = 1; ; attempts++) {
    const res = await t.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { clientId, mutations: [mutation] } });
    const result = res.statusCode === 200 ? (res.json().results as MutationResult[])[0]! : null;
    if (result && result.status !== 'retry') return { result, attempts };
    if (Date.now() > deadline) throw new Error(`push not answered within ${timeoutMs} ms (last: ${res.statusCode} ${result?.status ?? ''})`);
    await sleep(200);
  }
}

const noPgReason = findPgBin() ? null : 'no PostgreSQL server binaries to start a cluster this test can restart';

describe.skipIf(Boolean(noPgReason))(`server on PostgreSQL through restarts${noPgReason ? ` (skipped: ${noPgReason})` : ''}`, () => {
  let cluster: PgCluster;
  let db: Database;
  let clinic: TestClinic;
  let api: TestApp;
  let token: string;
  let wsUrl: string;
  beforeAll(async () => {
    const created = await PgCluster.create();
    if (typeof created === 'string') throw new Error(created);
    cluster = created;
    db = await openPostgres({ connectionString: cluster.url });
    await migrate(db);
    clinic = await seedTestClinic(db);
    api = await buildTestApp(db);
    wsUrl = await listenForWs(api);
    token = (await signIn(api, clinic.emails.clinician)).accessToken;
  }, 60_000);
  afterAll(async () => {
    await api?.app.close();
    await db?.close();
    await cluster?.destroy();
  }, 60_000);

  it('a connection killed in the middle of a transaction fails that transaction only; the pool goes on', async () => {
    const failed = db.transaction(async (tx) => {
      await tx.query('SELECT 1');
      // The connection dies while the client is checked out and idle: node-postgres emits 'error' on it.
      expect(await terminateOthers(cluster.url)).toBeGreaterThan(0);
      await sleep(300);
      await tx.query('SELECT 1');
    });
    await expect(failed).rejects.toThrow();
    const { rows } = await db.query<{ one: number }>('SELECT 1 AS one');
    expect(rows[0]!.one).toBe(1);
  });

  it('a LISTEN connection that is killed listens again (and says so): notices arrive afterwards', async () => {
    const heard: string[] = [];
    let resumed = 0;
    const unlisten = await db.listen('recovery_probe', (payload) => heard.push(payload), () => { resumed += 1; });
    try {
      await db.query(`SELECT pg_notify('recovery_probe', 'before')`);
      await expect.poll(() => heard).toContain('before');
      expect(resumed).toBe(0);
      await terminateOthers(cluster.url);
      // pg_terminate_backend only signals: wait until the subscription says it listens again on a new connection.
      await expect.poll(() => resumed, { timeout: 10_000 }).toBe(1);
      await db.query(`SELECT pg_notify('recovery_probe', 'after')`);
      await expect.poll(() => heard, { timeout: 5000 }).toContain('after');
      expect(resumed).toBe(1);
    } finally {
      await unlisten();
    }
    // Unsubscribed: nothing more is heard.
    heard.length = 0;
    await db.query(`SELECT pg_notify('recovery_probe', 'late')`);
    await sleep(300);
    expect(heard).toEqual([]);
  });

  for (const how of ['fast', 'kill'] as const) {
    it(`after PostgreSQL stops (${how === 'fast' ? 'clean shutdown' : 'SIGKILL'}) and starts again, push applies and the hub pokes again`, async () => {
      const probe = await connectProbe(wsUrl, { bearer: token });
      await probe.next('hello');
      const client = new TestSyncClient(api, token);
      const first = await client.push([client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0101' } })]);
      expect(first[0]!.status).toBe('applied');
      await probe.next('poke', 5000);

      await cluster.stop(how);
      const whileDown = client.mutation('patient.updateContact', { patientId: clinic.ownPatientId, fields: { phone: '206-555-0102' } });
      const down = await api.app.inject({ method: 'POST', url: '/api/sync/push', headers: bearer(token), payload: { clientId: client.clientId, mutations: [whileDown] } });
      // Nothing can apply while the database is down: 'retry' (or an error status), never applied or rejected.
      if (down.statusCode === 200) expect((down.json().results as MutationResult[])[0]!.status).toBe('retry');
      else expect(down.statusCode).toBeGreaterThanOrEqual(500);
      await cluster.start();

      const { result } = await pushUntilAnswered(api, token, client.clientId, whileDown);
      expect(result.status).toBe('applied');
      // The hub hears the change's notice (or, when it was sent before the bus listened again, is told to poke
      // everyone to catch up) only if its LISTEN connection is re-established.
      await probe.next('poke', 10_000);
      const { rows } = await db.query<{ phone: string }>('SELECT phone FROM patients WHERE id = $1', [clinic.ownPatientId]);
      expect(rows[0]!.phone).toBe('206-555-0102');
      probe.socket.close();
    }, 60_000);
  }
});
