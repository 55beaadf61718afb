// Server memory budget: the resident set (RSS, from /proc/<pid>/status) of the built care server (`node
// dist/server/main.js`, npm run build first) on its default embedded PGlite database in a data folder (the database
// runs inside the same process; PostgreSQL when BENCH_DATABASE_URL is set) — idle, holding 2,000 authenticated idle
// WebSocket clients, and at its peak during a burst of sync traffic (BENCH_RSS_WORKERS concurrent loops for
// BENCH_RSS_BURST_MS: half push a chat message and pull, half pull a clinician's first sync of 10,000 patients and
// 50,000 chart rows page by page). Target < 300 MB. Linux only (/proc).
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { createSession } from '../../server/auth/sessions';
import { TokenSigner } from '../../server/auth/tokens';
import { createStaffConversation } from '../../server/chat/conversations';
import { openDatabase } from '../../server/db/open';
import { report } from './bench-module';
import { setupBenchScope } from './server-sync.bench';

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 2000);
const USERS = Math.max(2, Math.ceil(CLIENTS / 2));
const WORKERS = Number(process.env.BENCH_RSS_WORKERS ?? 16);
const BURST_MS = Number(process.env.BENCH_RSS_BURST_MS ?? 20_000);
const CONNECT_BATCH = 100;
/** The page size the workstation's sync engine asks for (renderer/sync/engine.ts). */
const PULL_LIMIT = 5000;
const PORT = Number(process.env.BENCH_RSS_PORT ?? 8813);
const SECRET = 'rss-bench-secret-that-is-long-enough-0123456789';
const root = path.resolve(import.meta.dirname, '../..');

interface Setup {
  users: Array<{ userId: string; token: string }>;
  conversations: Array<{ id: string; a: number; b: number }>;
  /** The clinician with 10,000 patients in scope (server-sync.bench.ts). */
  bigScopeToken: string;
}

/** Writes the bench data into a data folder: the 10,000-patient scope, USERS staff with sessions, a conversation per pair. */
async function prepare(dataDir: string): Promise<Setup> {
  const url = process.env.BENCH_DATABASE_URL;
  const db = await openDatabase(url ? { dataDir, databaseUrl: url } : { dataDir });
  const { clinicianId } = await setupBenchScope(db);
  const signer = new TokenSigner(SECRET);
  const now = new Date();
  const nowS = Math.floor(now.getTime() / 1000);
  const users: Setup['users'] = [];
  const conversations: Setup['conversations'] = [];
  let bigScopeToken = '';
  await db.transaction(async (tx) => {
    const big = await createSession(tx, clinicianId, 'rss-bench-device-big', '127.0.0.1', now);
    bigScopeToken = signer.issueAccess({ sub: clinicianId, sid: big.sessionId, role: 'clinician' }, 3600, nowS);
    for (let i = 0; i < USERS; i++) {
      const userId = randomUUID();
      // No one signs in with a password here: sessions and tokens are issued directly.
      await tx.query(`INSERT INTO users (id, email, display_name, role, credential, password_hash) VALUES ($1, $2, $3, 'clinician', 'MD', 'not-a-password-hash')`,
        [userId, `rss${i}@bench.housecall.test`, `RSS Clinician ${i}`]);
      const { sessionId } = await createSession(tx, userId, 'rss-bench-device-01', '127.0.0.1', now);
      users.push({ userId, token: signer.issueAccess({ sub: userId, sid: sessionId, role: 'clinician' }, 3600, nowS) });
    }
    for (let i = 0; i + 1 < USERS; i += 2) {
      conversations.push({ id: await createStaffConversation(tx, { createdBy: users[i]!.userId, memberIds: [users[i + 1]!.userId] }), a: i, b: i + 1 });
    }
  });
  await db.close();
  return { users, conversations, bigScopeToken };
}

/** A value from /proc/<pid>/status in MB (VmRSS: the resident set now). */
function procMb(pid: number, field: 'VmRSS'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`no ${field} for ${pid}`);
  return Math.round((Number(match[1]) / 1024) * 10) / 10;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'housecall-rss-'));
  const setup = await prepare(dataDir);
  const baseUrl = `http://127.0.0.1:${PORT}`;
  const server = spawn(process.execPath, [path.join(root, 'dist/server/main.js')], {
    cwd: root, stdio: 'ignore',
    env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: process.env.BENCH_DATABASE_URL ?? '', HOUSECALL_DEMO_SEED: 'false', HOUSECALL_TOKEN_SECRET: SECRET, LOG_LEVEL: 'warn' },
  });
  const killTimer = setTimeout(() => server.kill('SIGKILL'), 10 * 60_000);
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${baseUrl}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (i > 200) throw new Error('server did not start');
    await sleep(250);
  }
  const pid = server.pid!;
  await sleep(1_000);
  const idle = procMb(pid, 'VmRSS');

  const sockets: WebSocket[] = [];
  const connectOne = (userIndex: number) => new Promise<void>((resolve) => {
    const socket = new WebSocket(`${baseUrl.replace('http', 'ws')}/ws`, ['housecall.v1', `bearer.${setup.users[userIndex]!.token}`]);
    sockets.push(socket);
    socket.on('message', (raw) => {
      if ((JSON.parse(raw.toString()) as { type: string }).type === 'hello') resolve();
    });
    socket.on('error', () => resolve());
    socket.on('unexpected-response', () => resolve());
  });
  for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - i) }, (_, k) => connectOne((i + k) % USERS)));
  }
  await sleep(2_000);
  const open = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  const withClients = procMb(pid, 'VmRSS');

  // The burst: even loops push a chat message into one of their conversations, then pull their changes;
  // odd loops pull the big scope from the start, PULL_LIMIT changes a page, over and over (first syncs).
  let requests = 0;
  let errors = 0;
  let peak = withClients;
  const sampler = setInterval(() => {
    peak = Math.max(peak, procMb(pid, 'VmRSS'));
  }, 200);
  const until = Date.now() + BURST_MS;
  await Promise.all(Array.from({ length: WORKERS }, async (_, w) => {
    if (w % 2 === 1) {
      const headers = { authorization: `Bearer ${setup.bigScopeToken}` };
      let cursor = '';
      while (Date.now() < until) {
        const pull = await fetch(`${baseUrl}/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=${PULL_LIMIT}`, { headers });
        requests += 1;
        if (!pull.ok) {
          errors += 1;
          continue;
        }
        const page = (await pull.json()) as { cursor: string; hasMore: boolean };
        cursor = page.hasMore ? page.cursor : '';
      }
      return;
    }
    const conversation = setup.conversations[w % setup.conversations.length]!;
    const token = setup.users[conversation.a]!.token;
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${token}` };
    const clientId = `rss-${w}-${randomUUID().slice(0, 8)}`;
    let seq = 0;
    let cursor = '';
    while (Date.now() < until) {
      seq += 1;
      const push = await fetch(`${baseUrl}/api/sync/push`, {
        method: 'POST', headers,
        body: JSON.stringify({ clientId, mutations: [{ mutationId: randomUUID(), seq, name: 'message.send', args: { messageId: randomUUID(), conversationId: conversation.id, body: `RSS bench ${w}/${seq}` } }] }),
      });
      requests += 1;
      if (!push.ok) errors += 1;
      await push.arrayBuffer();
      const pull = await fetch(`${baseUrl}/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=500`, { headers });
      requests += 1;
      if (!pull.ok) errors += 1;
      else cursor = ((await pull.json()) as { cursor: string }).cursor;
    }
  }));
  clearInterval(sampler);
  await sleep(2_000);
  const after = procMb(pid, 'VmRSS');
  const database = process.env.BENCH_DATABASE_URL ? 'PostgreSQL' : 'embedded PGlite';

  report({ name: `server RSS idle (${database})`, value: idle, unit: 'MB', target: '< 300 MB', better: 'lower' });
  report({ name: `server RSS with ${open} idle WebSocket clients (${database})`, value: withClients, unit: 'MB', target: '< 300 MB', better: 'lower' });
  report({ name: `server RSS peak during a ${BURST_MS / 1000} s pull/push burst, ${WORKERS} loops + ${open} WebSocket clients (${database})`, value: peak, unit: 'MB', target: '< 300 MB', better: 'lower' });
  report({ name: `server RSS after the burst (${database})`, value: after, unit: 'MB', target: '< 300 MB', better: 'lower' });
  report({ name: 'server burst requests/s (pull + push)', value: Math.round(requests / (BURST_MS / 1000)), unit: 'req/s', target: 'n/a', better: 'higher' });
  report({ name: 'server burst errors', value: errors, unit: 'requests', target: '0', better: 'lower' });

  for (const s of sockets) s.terminate();
  clearTimeout(killTimer);
  server.kill('SIGTERM');
  await new Promise((r) => server.once('exit', r));
  rmSync(dataDir, { recursive: true, force: true });
}

await main();
