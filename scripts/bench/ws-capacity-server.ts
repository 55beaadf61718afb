// A care server for the WebSocket capacity benchmark, in its own process: PGlite in memory (PostgreSQL with
// BENCH_DATABASE_URL), N staff users each with a live session and an access token, and a staff conversation
// per pair of users. Prints one JSON line {baseUrl, users, conversations} on stdout, then serves until stdin closes.
// Lines on stdin: "mark" starts a measurement window (CPU use, and a CPU profile when BENCH_WS_CPU_PROF names a
// directory); "report" ends it and prints one JSON line {cpuPercent, wallMs, waitedMs, profile} on stdout (waitedMs: time
// its threads were ready to run but waited for a CPU). BENCH_WS_TRACE=1 logs
// slow statements to stderr.
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Database, Queryable } from '../../server/db/database';
import { openPglite } from '../../server/db/pglite-driver';
import { openPostgres } from '../../server/db/postgres-driver';
import { migrate } from '../../server/db/migrate';
import { buildApp } from '../../server/http/app';
import { TokenSigner } from '../../server/auth/tokens';
import { createSession } from '../../server/auth/sessions';
import { createStaffConversation } from '../../server/chat/conversations';

const USERS = Number(process.argv[2] ?? 1000);
const SECRET = 'ws-bench-secret-that-is-long-enough-0123456789';

const profileDir = process.env.BENCH_WS_CPU_PROF;
const TRACE = process.env.BENCH_WS_TRACE;
let window: { cpu: NodeJS.CpuUsage; at: number; session: Session | null; waitedMs: number } | null = null;

/** Linux: ms this process's threads spent runnable but waiting for a CPU (other processes' load), from schedstat; 0 elsewhere. */
function runQueueWaitMs(): number {
  try {
    return readdirSync('/proc/self/task').reduce((sum, task) => sum + Number(readFileSync(`/proc/self/task/${task}/schedstat`, 'utf8').split(' ')[1]) / 1e6, 0);
  } catch {
    return 0;
  }
}

/** Diagnostics: statements slower than 100 ms (and with BENCH_WS_TRACE=all every statement in the measured window). Bench data only, no PHI. */
function traceStatements(database: Database): void {
  const timed = <Q extends Queryable>(q: Q): Q => {
    const original = q.query.bind(q);
    const query = async (sql: string, params?: readonly unknown[]) => {
      const started = performance.now();
      try {
        return await original(sql, params);
      } finally {
        const ms = performance.now() - started;
        const text = sql.replace(/\s+/g, ' ').slice(0, 160);
        if (TRACE === 'all' && window) process.stderr.write(`stmt ${text}\n`);
        if (ms > 100) process.stderr.write(`slow statement ${Math.round(ms)} ms: ${text}\n`);
      }
    };
    return { ...q, query } as Q;
  };
  const rawTransaction = database.transaction.bind(database);
  Object.assign(database, timed(database), { transaction: (fn: Parameters<Database['transaction']>[0]) => rawTransaction((tx) => fn(timed(tx))) });
}

const url = process.env.BENCH_DATABASE_URL;
const db = url ? await openPostgres({ connectionString: url }) : await openPglite(undefined);
await migrate(db);
if (process.env.BENCH_WS_TRACE) traceStatements(db);
const signer = new TokenSigner(SECRET);
const now = new Date();
const users: Array<{ userId: string; token: string }> = [];
const conversations: Array<{ id: string; a: number; b: number }> = [];
await db.transaction(async (tx) => {
  for (let i = 0; i < USERS; i++) {
    const userId = randomUUID();
    // No one signs in with a password here: sessions and tokens are issued directly.
    await tx.query(`INSERT INTO users (id, email, display_name, role, credential, password_hash) VALUES ($1, $2, $3, 'clinician', 'MD', 'not-a-password-hash')`,
      [userId, `bench${i}@bench.housecall.test`, `Bench Clinician ${i}`]);
    const { sessionId } = await createSession(tx, userId, 'bench-device-0001', '127.0.0.1', now);
    users.push({ userId, token: signer.issueAccess({ sub: userId, sid: sessionId, role: 'clinician' }, 3600, Math.floor(now.getTime() / 1000)) });
  }
  for (let i = 0; i + 1 < USERS; i += 2) {
    conversations.push({ id: await createStaffConversation(tx, { createdBy: users[i]!.userId, memberIds: [users[i + 1]!.userId] }), a: i, b: i + 1 });
  }
});
const app = await buildApp({ db, tokenSecret: SECRET, logLevel: 'silent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
process.stdout.write(`${JSON.stringify({ baseUrl, users, conversations })}\n`);

createInterface({ input: process.stdin }).on('line', (line) => {
  void (async () => {
    if (line === 'mark') {
      const session = profileDir ? new Session() : null;
      if (session) {
        session.connect();
        await session.post('Profiler.enable');
        await session.post('Profiler.start');
      }
      window = { cpu: process.cpuUsage(), at: performance.now(), session, waitedMs: runQueueWaitMs() };
    } else if (line === 'report' && window) {
      const used = process.cpuUsage(window.cpu);
      const wallMs = performance.now() - window.at;
      const waitedMs = runQueueWaitMs() - window.waitedMs;
      let profile: string | null = null;
      if (window.session) {
        const { profile: taken } = await window.session.post('Profiler.stop');
        profile = path.join(profileDir!, `ws-capacity-server-${Date.now()}.cpuprofile`);
        writeFileSync(profile, JSON.stringify(taken));
        window.session.disconnect();
      }
      window = null;
      process.stdout.write(`${JSON.stringify({ cpuPercent: ((used.user + used.system) / 1000 / wallMs) * 100, wallMs, waitedMs, profile })}\n`);
    }
  })();
});

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
