// Load: one care server process on PostgreSQL (a throwaway cluster, or BENCH_DATABASE_URL), then two on the
// same database, driven from this separate process by simulated workstations: real sign-in (argon2id) of every
// clinician, then for a bounded time many connected /ws clients (several windows per clinician; one leader per
// clinician pulls on each poke and every 30 s, as the renderer's sync engine does; each socket says which device
// it is, so the server pokes it only about changes it did not push itself), clinicians pushing mutations at a fixed
// total rate, and application pings over the sockets. Reports sustained requests/s, mutations/s, p50/p99
// latency, errors and connected clients, the servers' peak RSS and CPU, this client's CPU (to show it is not
// the bottleneck) and the load average (the machine may be shared). Knobs below (LOAD_*). Sign-in: every request comes from 127.0.0.1, so the per-address
// sign-in limit is raised for the run (HOUSECALL_SIGN_IN_PER_IP_PER_MINUTE); the per-account limit is not.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import os from 'node:os';
import WebSocket from 'ws';
import { Agent, request, setGlobalDispatcher } from 'undici';
import { ClientMessageSchema } from '../../shared/realtime/messages';
import { openPostgres } from '../../server/db/postgres-driver';
import type { Database } from '../../server/db/database';
import { PgCluster, freePort } from '../harness/pg-cluster';
import { HARNESS_PASSWORD, seedHarness } from '../harness/load-seed';
import { ServerProcess } from '../harness/server-process';

const CLINICIANS = Number(process.env.LOAD_CLINICIANS ?? 200);
const WINDOWS_PER_CLINICIAN = Number(process.env.LOAD_WINDOWS ?? 10); // 200 x 10 = 2,000 connected clients
const MUTATIONS_PER_SECOND = Number(process.env.LOAD_MUTATIONS_PER_SECOND ?? 500);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const WARMUP_SECONDS = 3;
const PINGS_PER_CLIENT_PER_MINUTE = 6;
/** The renderer's periodic sync (DEFAULT_ENGINE_OPTIONS.periodMs): each workstation pulls this often besides pokes. */
const SYNC_PERIOD_MS = 30_000;
/** LOAD_PULL_ON_POKE=0 turns off pulling on pokes (to see what pushes alone cost). */
const PULL_ON_POKE = process.env.LOAD_PULL_ON_POKE !== '0';
/** Which runs: LOAD_INSTANCES=1 or 2 (default both, one after the other). */
const INSTANCE_RUNS = (process.env.LOAD_INSTANCES ?? '1,2').split(',').map(Number).filter((n) => n >= 1);
/** Extra Node options for the server processes, e.g. '--cpu-prof --cpu-prof-dir=/tmp/prof' to profile them. */
/** LOAD_SERVER=built runs the built server (dist/server/main.js, after npm run build) as deployed; default: the sources through tsx. */
const SERVER_ENTRY = process.env.LOAD_SERVER === 'built' ? 'built' : 'source';
/** LOAD_PG_STATS=1 (own cluster only): PostgreSQL counts the statements (pg_stat_statements); prints calls and database time per mutation. */
const PG_STATS = process.env.LOAD_PG_STATS === '1' && !process.env.BENCH_DATABASE_URL;
const SERVER_NODE_ARGS = (process.env.LOAD_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);

/** HTTP connections per server the load client keeps (LOAD_CONNECTIONS): many workstations' requests share them. */
const CONNECTIONS = Number(process.env.LOAD_CONNECTIONS ?? 64);
setGlobalDispatcher(new Agent({ connections: CONNECTIONS, pipelining: 1, keepAliveTimeout: 30_000 }));

interface Sample { kind: 'push' | 'pull' | 'signin' | 'ping'; ms: number }

class Recorder {
  samples: Sample[] = [];
  errors = new Map<string, number>();
  measuring = false;
  mutations = 0;
  record(kind: Sample['kind'], ms: number): void {
    if (this.measuring) this.samples.push({ kind, ms });
  }
  error(what: string): void {
    this.errors.set(what, (this.errors.get(what) ?? 0) + 1);
  }
}

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** CPU time (user + system, ms) and resident set (MB) of a process, from /proc (Linux). */
function procUsage(pid: number): { cpuMs: number; rssMb: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]); // utime + stime, in clock ticks (100/s on Linux)
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return { cpuMs: ticks * 10, rssMb: rss ? Number(rss[1]) / 1024 : NaN };
}

/** PostgreSQL server processes on this machine (postmaster, backends, background workers), by their command line. */
function postgresPids(): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').startsWith('postgres')) pids.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return pids;
}

/** Samples the servers' RSS every 250 ms (peak kept) and their CPU time, this process's and PostgreSQL's CPU, over the measured window. */
class ResourceWatch {
  peakRssMb = 0;
  private timer: NodeJS.Timeout | null = null;
  private startCpu = new Map<number, number>();
  private startPostgres = new Map<number, number>();
  private startClient = process.cpuUsage();
  private startedAt = 0;
  constructor(private readonly pids: number[]) {}
  start(): void {
    this.startedAt = performance.now();
    this.startClient = process.cpuUsage();
    for (const pid of this.pids) this.startCpu.set(pid, procUsage(pid).cpuMs);
    for (const pid of postgresPids()) this.startPostgres.set(pid, procUsage(pid).cpuMs);
    this.timer = setInterval(() => this.sample(), 250);
  }
  /** PostgreSQL's CPU time over the window (processes started meanwhile count from 0; ones that exited are missed). */
  private postgresCpuMs(): number {
    let ms = 0;
    for (const pid of postgresPids()) {
      try {
        ms += procUsage(pid).cpuMs - (this.startPostgres.get(pid) ?? 0);
      } catch {
        // exited
      }
    }
    return ms;
  }
  private sample(): void {
    for (const pid of this.pids) {
      try {
        this.peakRssMb = Math.max(this.peakRssMb, procUsage(pid).rssMb);
      } catch {
        // exited
      }
    }
  }
  /** CPU use in % of one core over the window: the servers (summed), this client process and PostgreSQL. */
  stop(): { serverCpuPercent: number; clientCpuPercent: number; postgresCpuPercent: number } {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const wallMs = performance.now() - this.startedAt;
    let serverMs = 0;
    for (const pid of this.pids) serverMs += procUsage(pid).cpuMs - this.startCpu.get(pid)!;
    const client = process.cpuUsage(this.startClient);
    return {
      serverCpuPercent: (100 * serverMs) / wallMs, clientCpuPercent: (100 * (client.user + client.system) / 1000) / wallMs,
      postgresCpuPercent: (100 * this.postgresCpuMs()) / wallMs,
    };
  }
}

/** One HTTP request through undici's request() (a fraction of fetch()'s CPU: this client shares the 2 cores with the servers). */
async function json(url: string, init: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string }): Promise<{ status: number; body: unknown }> {
  const res = await request(url, { method: init.method ?? 'GET', headers: init.headers, body: init.body });
  const text = await res.body.text();
  return { status: res.statusCode, body: text ? JSON.parse(text) : null };
}

interface Workstation {
  email: string;
  patientIds: string[];
  token: string;
  server: string;
  clientId: string;
  seq: number;
  cursor: string;
  pulling: boolean;
  again: boolean;
  /** Mutations queued while a push was in flight: like the renderer's outbox, one push at a time, in order. */
  queued: number;
  pushing: boolean;
}

async function signInAll(users: Array<{ email: string; patientIds: string[] }>, servers: string[], rec: Recorder): Promise<{ stations: Workstation[]; perSecond: number }> {
  const started = performance.now();
  const stations: Workstation[] = [];
  const queue = [...users.entries()];
  await Promise.all(Array.from({ length: 8 }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) {
      const [i, user] = next;
      const server = servers[i % servers.length]!;
      const t0 = performance.now();
      const res = await json(`${server}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-housecall-device': `load-${i}` }, body: JSON.stringify({ email: user.email, password: HARNESS_PASSWORD }) });
      rec.samples.push({ kind: 'signin', ms: performance.now() - t0 });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${JSON.stringify(res.body)}`);
      stations.push({ ...user, token: (res.body as { accessToken: string }).accessToken, server, clientId: `load-${randomUUID()}`, seq: 0, cursor: '', pulling: false, again: false, queued: 0, pushing: false });
    }
  }));
  return { stations, perSecond: users.length / ((performance.now() - started) / 1000) };
}

async function pull(ws: Workstation, rec: Recorder): Promise<void> {
  if (ws.pulling) {
    ws.again = true;
    return;
  }
  ws.pulling = true;
  try {
    do {
      ws.again = false;
      for (;;) {
        const t0 = performance.now();
        const res = await json(`${ws.server}/api/sync/pull?cursor=${encodeURIComponent(ws.cursor)}&limit=1000`, { headers: { authorization: `Bearer ${ws.token}` } });
        rec.record('pull', performance.now() - t0);
        if (res.status !== 200) {
          rec.error(`pull ${res.status}`);
          break;
        }
        const page = res.body as { cursor: string; hasMore: boolean };
        ws.cursor = page.cursor;
        if (!page.hasMore) break;
      }
    } while (ws.again);
  } catch {
    rec.error('pull network');
  } finally {
    ws.pulling = false;
  }
}

/** Queues one mutation; if no push is in flight, sends the whole outbox (at most 100) as one batch, then any queued meanwhile. */
async function push(ws: Workstation, rec: Recorder): Promise<void> {
  ws.queued += 1;
  if (ws.pushing) return;
  ws.pushing = true;
  try {
    while (ws.queued > 0) {
      const count = Math.min(ws.queued, 100);
      ws.queued -= count;
      const mutations = Array.from({ length: count }, () => {
        ws.seq += 1;
        const patientId = ws.patientIds[ws.seq % ws.patientIds.length]!;
        return { mutationId: randomUUID(), seq: ws.seq, name: 'patient.updateContact', args: { patientId, fields: { phone: `206-555-${String(ws.seq % 10000).padStart(4, '0')}` } } };
      });
      const t0 = performance.now();
      try {
        const res = await json(`${ws.server}/api/sync/push`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${ws.token}` }, body: JSON.stringify({ clientId: ws.clientId, mutations }) });
        rec.record('push', performance.now() - t0);
        const results = (res.body as { results?: Array<{ status: string }> } | null)?.results ?? [];
        const applied = results.filter((r) => r.status === 'applied').length;
        if (res.status !== 200 || applied !== count) rec.error(`push ${res.status} ${count - applied} not applied`);
        if (rec.measuring) rec.mutations += applied;
      } catch {
        rec.error('push network');
      }
    }
  } finally {
    ws.pushing = false;
  }
}

function openSocket(ws: Workstation, server: string, leader: boolean, rec: Recorder, onClose: () => void): Promise<{ socket: WebSocket; ping(): void }> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${server.replace('http', 'ws')}/ws`, ['housecall.v1', `bearer.${ws.token}`]);
    const sent = new Map<number, number>();
    let nextId = 1;
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as { type: string; id?: number };
      // As the workstation does: say which device this is, so the server does not poke it about its own pushes.
      if (msg.type === 'hello') socket.send(JSON.stringify({ type: 'sync.device', clientId: ws.clientId }));
      if (msg.type === 'poke' && leader && PULL_ON_POKE) void pull(ws, rec);
      if (msg.type === 'pong' && msg.id !== undefined && sent.has(msg.id)) {
        rec.record('ping', performance.now() - sent.get(msg.id)!);
        sent.delete(msg.id);
      }
      if (msg.type === 'error') rec.error('ws error message');
    });
    socket.once('open', () => resolve({
      socket,
      ping() {
        const id = nextId++;
        sent.set(id, performance.now());
        socket.send(JSON.stringify({ type: 'ping', id }));
      },
    }));
    socket.once('error', (e) => reject(e));
    socket.on('close', onClose);
  });
}

/** Statement counts from pg_stat_statements over the measured window (LOAD_PG_STATS=1). */
class StatementStats {
  constructor(private readonly db: Database) {}
  async reset(): Promise<void> {
    await this.db.query('SELECT pg_stat_statements_reset()');
  }
  /** Calls and execution time per applied mutation, and the most frequent statements. */
  async report(label: string, mutations: number): Promise<Array<Record<string, unknown>>> {
    const { rows } = await this.db.query<{ calls: number; ms: number; query: string }>(
      `SELECT calls::int AS calls, total_exec_time AS ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 90) AS query
         FROM pg_stat_statements WHERE query NOT LIKE '%pg_stat_statements%' ORDER BY calls DESC`);
    const calls = rows.reduce((n, r) => n + r.calls, 0);
    const ms = rows.reduce((n, r) => n + r.ms, 0);
    for (const r of rows.slice(0, 12)) process.stderr.write(`  ${label}: ${String(r.calls).padStart(7)} calls ${(r.ms / r.calls).toFixed(3)} ms  ${r.query}\n`);
    return [
      { name: `load ${label}: database statements per mutation`, value: calls / Math.max(1, mutations), unit: 'statements', target: '', better: 'lower' },
      { name: `load ${label}: database execution time per mutation`, value: ms / Math.max(1, mutations), unit: 'ms', target: '', better: 'lower' },
    ];
  }
}

async function run(label: string, servers: ServerProcess[], users: Array<{ email: string; patientIds: string[] }>, stats: StatementStats | null): Promise<void> {
  const rec = new Recorder();
  const urls = servers.map((s) => s.baseUrl);
  const { stations, perSecond: signInsPerSecond } = await signInAll(users, urls, rec);
  const signInMs = rec.samples.filter((s) => s.kind === 'signin').map((s) => s.ms);
  rec.samples = [];
  // Windows: each clinician's windows spread over the instances, so pokes must cross the Bus with two.
  const sockets: Array<{ socket: WebSocket; ping(): void }> = [];
  let closedEarly = 0;
  let stopping = false;
  for (let w = 0; w < WINDOWS_PER_CLINICIAN; w++) {
    const batch = await Promise.all(stations.map((ws, i) => openSocket(ws, urls[(i + w) % urls.length]!, w === 0, rec, () => { if (!stopping) closedEarly += 1; })));
    sockets.push(...batch);
  }
  await Promise.all(stations.map((ws) => pull(ws, rec))); // first sync
  const connected = sockets.filter((s) => s.socket.readyState === WebSocket.OPEN).length;
  process.stderr.write(`${label}: ${stations.length} signed in (${signInsPerSecond.toFixed(1)}/s), ${connected} sockets connected\n`);

  // Each workstation also syncs every 30 s, as the renderer's engine does (spread over the period).
  const periodic = stations.map((ws, i) => setTimeout(function again() {
    void pull(ws, rec);
    periodic[i] = setTimeout(again, SYNC_PERIOD_MS);
  }, (SYNC_PERIOD_MS * i) / stations.length));
  // Open-loop schedules: pushes spread evenly over the clinicians, pings spread over the sockets.
  const watch = new ResourceWatch(servers.map((s) => s.pid!));
  const pushEveryMs = 1000 / MUTATIONS_PER_SECOND;
  const pingEveryMs = 60_000 / (PINGS_PER_CLIENT_PER_MINUTE * sockets.length);
  const inflight = new Set<Promise<void>>();
  let pushIndex = 0;
  let pingIndex = 0;
  const started = performance.now();
  const total = (WARMUP_SECONDS + SECONDS) * 1000;
  let measureStart = 0;
  await new Promise<void>((resolve) => {
    const tick = setInterval(() => {
      const elapsed = performance.now() - started;
      if (!rec.measuring && elapsed >= WARMUP_SECONDS * 1000) {
        rec.measuring = true;
        measureStart = performance.now();
        watch.start();
        void stats?.reset();
      }
      if (elapsed >= total) {
        clearInterval(tick);
        resolve();
        return;
      }
      while (pushIndex * pushEveryMs <= elapsed) {
        const p = push(stations[pushIndex % stations.length]!, rec);
        inflight.add(p);
        void p.finally(() => inflight.delete(p));
        pushIndex += 1;
      }
      while (pingIndex * pingEveryMs <= elapsed) {
        const s = sockets[pingIndex % sockets.length]!;
        if (s.socket.readyState === WebSocket.OPEN) s.ping();
        pingIndex += 1;
      }
    }, 5);
  });
  rec.measuring = false;
  for (const timer of periodic) clearTimeout(timer);
  const seconds = (performance.now() - measureStart) / 1000;
  const cpu = watch.stop();
  // Read at the end of the window, as the mutation count is (before the stragglers below finish).
  const statLines = stats ? await stats.report(label, rec.mutations) : [];
  // In-flight pushes get 10 s to finish; what is still queued after that counts as errors (not applied in time).
  await Promise.race([Promise.all([...inflight]), new Promise((r) => setTimeout(r, 10_000))]);
  const unsent = stations.reduce((n, ws) => n + ws.queued, 0);
  if (unsent) rec.error(`mutations still queued at the end: ${unsent}`);
  stopping = true;
  const stillConnected = sockets.filter((s) => s.socket.readyState === WebSocket.OPEN).length;
  for (const s of sockets) s.socket.close();

  const of = (kind: Sample['kind']) => rec.samples.filter((s) => s.kind === kind).map((s) => s.ms);
  const http = [...of('push'), ...of('pull')];
  const errors = [...rec.errors.entries()].reduce((a, [what, n]) => a + (what.startsWith('mutations still queued') ? unsent : n), 0) + closedEarly;
  const lines = [
    { name: `load ${label}: connected /ws clients held`, value: stillConnected, unit: 'clients', target: '>= 2,000', better: 'higher' },
    { name: `load ${label}: mutations applied`, value: rec.mutations / seconds, unit: 'mutations/s', target: '>= 500', better: 'higher' },
    { name: `load ${label}: HTTP requests (push + pull)`, value: http.length / seconds, unit: 'requests/s', target: '', better: 'higher' },
    { name: `load ${label}: push batches`, value: of('push').length / seconds, unit: 'pushes/s', target: '', better: 'higher' },
    { name: `load ${label}: pulls (pokes about others' changes, periodic sync)`, value: of('pull').length / seconds, unit: 'pulls/s', target: '', better: 'lower' },
    { name: `load ${label}: push latency p50`, value: pct(of('push'), 50), unit: 'ms', target: '', better: 'lower' },
    { name: `load ${label}: push latency p99`, value: pct(of('push'), 99), unit: 'ms', target: '< 100', better: 'lower' },
    { name: `load ${label}: pull latency p99`, value: pct(of('pull'), 99), unit: 'ms', target: '< 100', better: 'lower' },
    { name: `load ${label}: all HTTP latency p99`, value: pct(http, 99), unit: 'ms', target: '< 100', better: 'lower' },
    { name: `load ${label}: /ws ping round trip p99`, value: pct(of('ping'), 99), unit: 'ms', target: '< 100', better: 'lower' },
    { name: `load ${label}: sign-in (argon2id) rate`, value: signInsPerSecond, unit: 'sign-ins/s', target: '', better: 'higher' },
    { name: `load ${label}: sign-in latency p99`, value: pct(signInMs, 99), unit: 'ms', target: '', better: 'lower' },
    { name: `load ${label}: server RSS peak (measured window)`, value: watch.peakRssMb, unit: 'MB', target: '< 300', better: 'lower' },
    { name: `load ${label}: server CPU (all instances)`, value: cpu.serverCpuPercent, unit: '% of a core', target: '', better: 'lower' },
    { name: `load ${label}: load-client CPU (this process)`, value: cpu.clientCpuPercent, unit: '% of a core', target: '', better: 'lower' },
    { name: `load ${label}: PostgreSQL CPU (all its processes on this machine)`, value: cpu.postgresCpuPercent, unit: '% of a core', target: '', better: 'lower' },
    { name: `load ${label}: machine load average (1 min, at end)`, value: os.loadavg()[0]!, unit: 'load', target: '', better: 'lower' },
    { name: `load ${label}: errors`, value: errors, unit: 'errors', target: '0', better: 'lower' },
  ];
  lines.push(...(statLines as typeof lines));
  for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
  if (errors) process.stderr.write(`${label} errors: ${JSON.stringify(Object.fromEntries(rec.errors))}, sockets closed early ${closedEarly}\n`);
}

async function main(): Promise<void> {
  const others = ClientMessageSchema.options.map((o) => String(o.shape.type.value)).filter((t) => t !== 'ping');
  process.stderr.write(others.length
    ? `note: client message types ${others.join(', ')} exist but are not driven here (they need visit/chat state); only ping is sent\n`
    : 'note: no chat, presence or signaling message types in shared/realtime yet: only pokes and pings are exercised\n');
  const given = process.env.BENCH_DATABASE_URL;
  const cluster = given ? null : await PgCluster.create(PG_STATS ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'top' } : {});
  if (typeof cluster === 'string') {
    process.stderr.write(`load benchmark skipped: ${cluster} (set BENCH_DATABASE_URL)\n`);
    return;
  }
  const url = given ?? cluster!.url;
  try {
    const db = await openPostgres({ connectionString: url });
    const { users } = await seedHarness(db, CLINICIANS, 5);
    if (PG_STATS) await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const stats = PG_STATS ? new StatementStats(db) : null;
    const env: Record<string, string> = {
      DATABASE_URL: url, HOUSECALL_TOKEN_SECRET: 'load-benchmark-secret-that-is-long-enough-0123',
      HOUSECALL_SIGN_IN_PER_IP_PER_MINUTE: String(CLINICIANS * 4), DATA_DIR: '/nonexistent-unused',
    };
    for (const instances of INSTANCE_RUNS) {
      const servers = await Promise.all(Array.from({ length: instances }, async () => new ServerProcess(await freePort(), env, SERVER_NODE_ARGS, SERVER_ENTRY)));
      await Promise.all(servers.map((s) => s.start()));
      try {
        await run(instances === 1 ? 'one instance' : 'two instances', servers, users, stats);
      } finally {
        await Promise.all(servers.map((s) => s.stop('term')));
      }
    }
    await db.close();
  } finally {
    await cluster?.destroy();
  }
}

await main();
