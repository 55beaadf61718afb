// The fault soak: workstations (Node clients with an outbox, like the renderer's sync engine) queue and push
// mutations through random network drops while the harness SIGKILLs and restarts the care server, restarts
// PostgreSQL (cleanly and by SIGKILL) and fills the disk under PostgreSQL's data dir. Then it checks that every
// acknowledged change exists exactly once on the server, no client holds a change the server lost, and every
// client converges on the server's state. Used by scripts/soak.ts (long) and tests/server/soak.test.ts (short).
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openPostgres } from '../../server/db/postgres-driver';
import { PgCluster, freePort, waitForPostgres } from './pg-cluster';
import { HARNESS_PASSWORD, seedHarness } from './load-seed';
import { ServerProcess } from './server-process';

export type FaultKind = 'network-drop' | 'server-kill' | 'postgres-restart' | 'postgres-kill' | 'disk-full';

export interface SoakOptions {
  seconds: number;
  clinicians: number;
  workstationsPerClinician: number;
  /** Mean time between server-side faults. */
  faultEveryMs: number;
  /** Chance that a request is dropped (before it is sent, or its answer lost after the server acted). */
  dropRate: number;
  /** Pause between a workstation's changes, in ms (uniform between the two); default [20, 100]. */
  pauseMs?: [number, number];
  log?: (line: string) => void;
}

export interface SoakReport {
  operations: number;
  acknowledged: number;
  pushes: number;
  faults: Record<FaultKind, number>;
  skipped: string[];
  lost: number;
  duplicated: number;
  notConverged: number;
  unacknowledgedAtEnd: number;
  /** Times the care server process died by itself (not killed by the harness); each was started again. */
  serverCrashes: number;
}

interface QueuedMutation { mutationId: string; seq: number; name: string; args: { patientId: string; fields: { phone: string } } }

interface Tokens { accessToken: string; refreshToken: string }

async function signIn(baseUrl: string, email: string): Promise<Tokens> {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: HARNESS_PASSWORD }), signal: AbortSignal.timeout(10_000) });
  if (res.status !== 200) throw new Error(`soak sign-in failed: ${res.status}`);
  return (await res.json()) as Tokens;
}

class Workstation {
  readonly clientId = `soak-${randomUUID()}`;
  private seq = 0;
  outbox: QueuedMutation[] = [];
  acknowledged = new Map<string, QueuedMutation>();
  view = new Map<string, string | null>();
  cursor = '';
  /** Why pushes did not get everything acknowledged, counted by reason (status codes and result statuses only). */
  failures = new Map<string, number>();
  constructor(readonly email: string, readonly patientIds: string[], private tokens: Tokens, private readonly server: () => string, private readonly chaos: Chaos) {}

  /**
   * A 401: the access token expired (15 minutes) or its session is gone. Renews it as the renderer does (refresh,
   * else sign in again), outside the chaos: a dropped refresh answer would leave a rotated-out token behind.
   */
  private async renew(): Promise<void> {
    this.fail('http 401: renewed the token');
    try {
      const res = await fetch(`${this.server()}/api/auth/refresh`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ refreshToken: this.tokens.refreshToken }), signal: AbortSignal.timeout(5000) });
      if (res.status === 200) {
        this.tokens = (await res.json()) as Tokens;
        return;
      }
      this.tokens = await signIn(this.server(), this.email);
    } catch {
      // the server is down: the next request tries again
    }
  }

  queue(): void {
    this.seq += 1;
    const patientId = this.patientIds[Math.floor(Math.random() * this.patientIds.length)]!;
    const phone = `206-${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}-${String(this.seq % 10000).padStart(4, '0')}`;
    this.outbox.push({ mutationId: randomUUID(), seq: this.seq, name: 'patient.updateContact', args: { patientId, fields: { phone } } });
  }

  private fail(reason: string): void {
    this.failures.set(reason, (this.failures.get(reason) ?? 0) + 1);
  }

  private async request(pathAndQuery: string, init: RequestInit): Promise<Response | null> {
    // A drop before sending: the request never reaches the server.
    if (this.chaos.drop()) return null;
    try {
      const res = await fetch(`${this.server()}${pathAndQuery}`, { ...init, signal: AbortSignal.timeout(5000) });
      const body = await res.text();
      // A drop after the server answered: the client never learns the outcome.
      if (this.chaos.drop()) return null;
      return new Response(body, { status: res.status });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      this.fail(`fetch ${(error as Error).name}${cause?.code ? ` ${cause.code}` : ''}`);
      return null;
    }
  }

  async push(): Promise<boolean> {
    if (this.outbox.length === 0) return true;
    const batch = this.outbox.slice(0, 20);
    this.chaos.pushes += 1;
    const res = await this.request('/api/sync/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${this.tokens.accessToken}` }, body: JSON.stringify({ clientId: this.clientId, mutations: batch }) });
    if (res?.status === 401) {
      await this.renew();
      return false;
    }
    if (!res || res.status !== 200) {
      if (res) this.fail(`push http ${res.status}`);
      return false;
    }
    const { results } = (await res.json()) as { results: Array<{ mutationId: string; status: string; reason?: string }> };
    for (const result of results) {
      if (result.status === 'retry') {
        this.fail('push result retry');
        break;
      }
      const m = this.outbox.find((q) => q.mutationId === result.mutationId);
      if (!m) continue;
      if (result.status !== 'applied') throw new Error(`soak mutation rejected: ${result.reason ?? result.status}`);
      this.acknowledged.set(m.mutationId, m);
      this.outbox = this.outbox.filter((q) => q !== m);
    }
    return true;
  }

  async pull(): Promise<boolean> {
    for (;;) {
      const res = await this.request(`/api/sync/pull?cursor=${encodeURIComponent(this.cursor)}&limit=1000`, { headers: { authorization: `Bearer ${this.tokens.accessToken}` } });
      if (res?.status === 401) {
        await this.renew();
        return false;
      }
      if (!res || res.status !== 200) return false;
      const page = (await res.json()) as { cursor: string; hasMore: boolean; changes: Array<{ entity: string; id: string; data: { phone?: string | null } | null }> };
      for (const c of page.changes) if (c.entity === 'patient' && c.data) this.view.set(c.id, c.data.phone ?? null);
      this.cursor = page.cursor;
      if (!page.hasMore) return true;
    }
  }
}

class Chaos {
  pushes = 0;
  drops = 0;
  enabled = true;
  constructor(private readonly rate: number) {}
  drop(): boolean {
    if (!this.enabled || Math.random() >= this.rate) return false;
    this.drops += 1;
    return true;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A size-limited filesystem for PostgreSQL's data dir, so "disk full" is real; null (with why) when mount is not allowed. */
function smallFilesystem(): { dir: string; release(): void } | string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'housecall-soak-fs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=320m,mode=0777', 'tmpfs', dir], { stdio: 'pipe' });
  } catch {
    rmSync(dir, { recursive: true, force: true });
    return 'cannot mount a size-limited filesystem here (needs root / CAP_SYS_ADMIN); the disk-full fault is skipped';
  }
  return {
    dir,
    release() {
      try { execFileSync('umount', ['-l', dir], { stdio: 'ignore' }); } catch { /* already gone */ }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Fills the filesystem under dir with a ballast file; returns a function that frees it. */
function fillDisk(dir: string): () => void {
  const file = path.join(dir, 'ballast');
  const fd = openSync(file, 'w');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // ENOSPC: the disk is full
  } finally {
    closeSync(fd);
  }
  return () => rmSync(file, { force: true });
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const skipped: string[] = [];
  const fs = smallFilesystem();
  if (typeof fs === 'string') skipped.push(fs);
  const cluster = await PgCluster.create({ max_wal_size: '64MB', min_wal_size: '32MB', fsync: 'on', synchronous_commit: 'on' }, typeof fs === 'string' ? os.tmpdir() : fs.dir);
  if (typeof cluster === 'string') throw new Error(`soak needs PostgreSQL: ${cluster}`);
  const faults: Record<FaultKind, number> = { 'network-drop': 0, 'server-kill': 0, 'postgres-restart': 0, 'postgres-kill': 0, 'disk-full': 0 };
  const chaos = new Chaos(options.dropRate);
  const server = new ServerProcess(await freePort(), { DATABASE_URL: cluster.url, HOUSECALL_TOKEN_SECRET: 'soak-secret-that-is-long-enough-0123456789', DATA_DIR: '/nonexistent-unused', LOG_LEVEL: process.env.SOAK_SERVER_LOG_LEVEL ?? 'fatal' });
  try {
    const db = await openPostgres({ connectionString: cluster.url });
    const { users } = await seedHarness(db, options.clinicians, 4);
    await db.close();
    await server.start();
    log('seeded, server started');
    const stations: Workstation[] = [];
    for (const user of users) {
      for (let w = 0; w < options.workstationsPerClinician; w++) {
        stations.push(new Workstation(user.email, user.patientIds, await signIn(server.baseUrl, user.email), () => server.baseUrl, chaos));
      }
    }

    let serverCrashes = 0;
    /** A crash is counted and reported (with the end of the server's output); the server is started again so
     *  the soak goes on checking the data guarantees. */
    const restartIfCrashed = async () => {
      for (const crash of server.crashes.splice(0)) {
        serverCrashes += 1;
        log(`server ${crash}`);
      }
      if (server.crashed) await server.start();
    };
    const [pauseMin, pauseMax] = options.pauseMs ?? [20, 100];
    let operations = 0;
    let running = true;
    const workers = stations.map(async (ws) => {
      while (running) {
        ws.queue();
        operations += 1;
        await ws.push();
        if (Math.random() < 0.2) await ws.pull();
        await sleep(pauseMin + Math.random() * (pauseMax - pauseMin));
      }
    });

    const monitor = setInterval(() => {
      const failures = new Map<string, number>();
      for (const ws of stations) {
        for (const [k, n] of ws.failures) failures.set(k, (failures.get(k) ?? 0) + n);
        ws.failures.clear();
      }
      log(`queued ${stations.reduce((n, ws) => n + ws.outbox.length, 0)}, acked ${stations.reduce((n, ws) => n + ws.acknowledged.size, 0)}; failures ${JSON.stringify(Object.fromEntries(failures))}`);
    }, 2000);
    const kinds: FaultKind[] = ['server-kill', 'postgres-restart', 'postgres-kill', ...(typeof fs === 'string' ? [] : ['disk-full' as const])];
    const deadline = Date.now() + options.seconds * 1000;
    let next = 0;
    // Faults until the deadline, and past it (back to back) until every kind has happened once: on a slow or
    // busy machine a server restart can take long enough to crowd the last kinds out of the time given.
    const allKindsDone = () => kinds.every((k) => faults[k] > 0);
    while (Date.now() < deadline || !allKindsDone()) {
      if (Date.now() < deadline) await sleep(Math.min(options.faultEveryMs * (0.5 + Math.random()), Math.max(0, deadline - Date.now())));
      else await sleep(200);
      if (Date.now() >= deadline && allKindsDone()) break;
      const kind = kinds[next++ % kinds.length]!;
      faults[kind] += 1;
      log(`fault: ${kind}`);
      const faultStarted = Date.now();
      if (kind === 'server-kill') {
        await server.stop('kill');
        await sleep(300);
        await server.start();
      } else if (kind === 'postgres-restart' || kind === 'postgres-kill') {
        await cluster.stop(kind === 'postgres-kill' ? 'kill' : 'fast');
        await sleep(300);
        await cluster.start();
      } else if (kind === 'disk-full' && typeof fs !== 'string') {
        const free = fillDisk(fs.dir);
        await sleep(1500);
        free();
        // PostgreSQL may have stopped on ENOSPC (a PANIC writing WAL): start it again if it does not answer.
        try {
          await waitForPostgres(cluster.url, 10_000);
        } catch {
          log('PostgreSQL did not come back by itself after the disk filled: restarting it');
          await cluster.stop('kill');
          await sleep(1000);
          await cluster.start();
        }
      }
      log(`fault: ${kind} recovered in ${Date.now() - faultStarted} ms`);
      await restartIfCrashed();
    }
    running = false;
    await Promise.all(workers);
    clearInterval(monitor);
    await restartIfCrashed();
    log('faults over; flushing');
    faults['network-drop'] = chaos.drops;

    // Quiet period: no more drops; every workstation flushes its outbox and pulls to the end.
    chaos.enabled = false;
    const flushStarted = Date.now();
    const flushDeadline = flushStarted + 60_000;
    await Promise.all(stations.map(async (ws) => {
      ws.failures.clear();
      const before = ws.outbox.length;
      while (ws.outbox.length > 0 && Date.now() < flushDeadline) if (!(await ws.push())) await sleep(200);
      log(`flush ${ws.clientId.slice(0, 13)}: ${before} -> ${ws.outbox.length} queued; failures ${JSON.stringify(Object.fromEntries(ws.failures))}`);
    }));
    const serverLog = server.recentLog().trim();
    log(`flush took ${Date.now() - flushStarted} ms${serverLog ? `; server log tail: ${serverLog.slice(-1500)}` : ''}`);
    await Promise.all(stations.map(async (ws) => {
      while (!(await ws.pull()) && Date.now() < flushDeadline) await sleep(200);
    }));

    const check = await openPostgres({ connectionString: cluster.url });
    try {
      const acked = stations.flatMap((ws) => [...ws.acknowledged.values()].map((m) => ({ ...m, clientId: ws.clientId })));
      const { rows } = await check.query<{ mutation_id: string; n: number }>(
        'SELECT mutation_id::text, count(*)::int AS n FROM applied_mutations WHERE mutation_id = ANY($1::uuid[]) GROUP BY mutation_id', [acked.map((m) => m.mutationId)]);
      const onServer = new Map(rows.map((r) => [r.mutation_id, r.n]));
      const lost = acked.filter((m) => !onServer.has(m.mutationId)).length;
      const { rows: dupRows } = await check.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM (SELECT client_id, seq FROM applied_mutations WHERE client_id LIKE 'soak-%' GROUP BY client_id, seq HAVING count(*) > 1) d`);
      const duplicated = [...onServer.values()].filter((n) => n > 1).length + dupRows[0]!.n;
      const { rows: phones } = await check.query<{ id: string; phone: string | null }>('SELECT id::text, phone FROM patients');
      const truth = new Map(phones.map((p) => [p.id, p.phone]));
      let notConverged = 0;
      for (const ws of stations) for (const id of ws.patientIds) if (ws.view.get(id) !== truth.get(id)) notConverged += 1;
      return {
        operations, acknowledged: acked.length, pushes: chaos.pushes, faults, skipped, lost, duplicated, notConverged,
        unacknowledgedAtEnd: stations.reduce((n, ws) => n + ws.outbox.length, 0), serverCrashes,
      };
    } finally {
      await check.close();
    }
  } finally {
    // Both are thrown away: no clean shutdown to wait for (on a busy machine that took many seconds).
    await server.stop('kill');
    await cluster.stop('kill');
    await cluster.destroy();
    if (typeof fs !== 'string') fs.release();
  }
}
