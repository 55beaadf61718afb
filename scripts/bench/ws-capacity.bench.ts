// WebSocket capacity of one care-server instance (in its own process, on this machine): how many
// authenticated /ws clients it holds (target 2,000; BENCH_WS_CLIENTS to try more), and at that load the
// latency of chat fan-out: POST /api/sync/push of message.send -> the poke ("pull now") on EVERY socket of
// every member of the conversation (two windows per user, so four deliveries per message), p50/p99 over all
// deliveries. Messages go out open-loop at BENCH_WS_RATE per second for BENCH_WS_SECONDS (after a short
// warm-up), to random conversations with no message of theirs in flight, so every poke is attributable to one
// message. The clients run in this process, the server in another; both processes' CPU use is reported so a
// saturated client cannot pass for a slow server. BENCH_WS_CPU_PROF=<dir> writes the server's CPU profile of
// the measured window there; BENCH_WS_TRACE=1 prints slow pushes and slow statements. The machine's load average
// is printed too: on a shared machine, other processes' CPU use shows up in these latencies. BENCH_WS_POSTGRES=1 runs
// the server on a throwaway PostgreSQL cluster (production's database) instead of PGlite; BENCH_DATABASE_URL names
// one. Loopback only, bounded.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { report } from './bench-module';
import { PgCluster } from '../harness/pg-cluster';

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 2000);
const RATE = Number(process.env.BENCH_WS_RATE ?? 20);
const SECONDS = Number(process.env.BENCH_WS_SECONDS ?? 40);
const WARM_UP_SECONDS = 3;
const USERS = Math.max(2, Math.ceil(CLIENTS / 2)); // two windows per user, as a workstation with two windows
const CONNECT_BATCH = 100;
const DELIVERY_TIMEOUT_MS = 5_000;
const DEADLINE_MS = 10 * 60_000;

interface Setup {
  baseUrl: string;
  users: Array<{ userId: string; token: string }>;
  conversations: Array<{ id: string; a: number; b: number }>;
}

interface WindowReport {
  cpuPercent: number;
  wallMs: number;
  waitedMs: number;
  profile: string | null;
}

/** A message on its way: the sockets that still owe a poke, and when it was sent. */
interface InFlight {
  sentAt: number;
  owed: Set<WebSocket>;
  measured: boolean;
  /** When each poke arrived, to split the fan-out after the commit from the push itself. */
  arrivals: number[];
  done: () => void;
}

const percentile = (sorted: number[], p: number) => (sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!);
const round1 = (x: number) => Math.round(x * 10) / 10;

async function main(): Promise<void> {
  const cluster = process.env.BENCH_WS_POSTGRES && !process.env.BENCH_DATABASE_URL ? await PgCluster.create() : null;
  if (typeof cluster === 'string') throw new Error(`BENCH_WS_POSTGRES: ${cluster}`);
  const databaseUrl = cluster?.url ?? process.env.BENCH_DATABASE_URL;
  try {
    await measure(databaseUrl);
  } finally {
    await cluster?.destroy();
  }
}

async function measure(databaseUrl: string | undefined): Promise<void> {
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ws-capacity-server.ts'), String(USERS)], {
    stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, ...(databaseUrl ? { BENCH_DATABASE_URL: databaseUrl } : {}) },
  });
  const killTimer = setTimeout(() => server.kill('SIGKILL'), DEADLINE_MS);
  const lines: string[] = [];
  let lineWaiter: ((line: string) => void) | null = null;
  createInterface({ input: server.stdout! }).on('line', (line) => {
    if (lineWaiter) {
      const w = lineWaiter;
      lineWaiter = null;
      w(line);
    } else lines.push(line);
  });
  const nextLine = () => new Promise<string>((resolve, reject) => {
    const queued = lines.shift();
    if (queued !== undefined) return resolve(queued);
    lineWaiter = resolve;
    server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const setup = JSON.parse(await nextLine()) as Setup;
  const wsUrl = `${setup.baseUrl.replace('http', 'ws')}/ws`;

  // Each user's sockets, and the message (if any) each user is part of right now.
  const socketsOf = new Map<number, WebSocket[]>();
  const inFlightOf = new Map<number, InFlight>();
  const sockets: WebSocket[] = [];
  const deliveries: number[] = [];
  let connected = 0;
  let refused = 0;
  const connectOne = (userIndex: number) => new Promise<void>((resolve) => {
    const socket = new WebSocket(wsUrl, ['housecall.v1', `bearer.${setup.users[userIndex]!.token}`]);
    sockets.push(socket);
    socket.on('message', (raw) => {
      const at = performance.now();
      const message = JSON.parse(raw.toString()) as { type: string };
      if (message.type === 'hello') {
        connected += 1;
        let own = socketsOf.get(userIndex);
        if (!own) socketsOf.set(userIndex, (own = []));
        own.push(socket);
        resolve();
      } else if (message.type === 'poke') {
        const flight = inFlightOf.get(userIndex);
        if (!flight || !flight.owed.delete(socket)) return;
        if (flight.measured) {
          deliveries.push(at - flight.sentAt);
          flight.arrivals.push(at);
        }
        if (flight.owed.size === 0) flight.done();
      }
    });
    socket.on('error', () => { refused += 1; resolve(); });
    socket.on('unexpected-response', () => { refused += 1; resolve(); });
  });

  const connectStart = performance.now();
  for (let i = 0; i < CLIENTS; i += CONNECT_BATCH) {
    await Promise.all(Array.from({ length: Math.min(CONNECT_BATCH, CLIENTS - i) }, (_, k) => connectOne((i + k) % USERS)));
  }
  const connectMs = performance.now() - connectStart;
  await new Promise((r) => setTimeout(r, 500));
  const stillOpen = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;

  const clientId = `bench-${randomUUID().slice(0, 12)}`;
  const seqOf = new Map<number, number>();
  const pushTimes: number[] = [];
  const afterAnswer: number[] = [];
  let missing = 0;
  let skipped = 0;
  let failedPushes = 0;
  let sent = 0;

  /** Sends one message to a random conversation with nothing in flight; resolves once every member socket was poked (or timed out). */
  const sendOne = async (index: number, measured: boolean): Promise<void> => {
    let conversation: Setup['conversations'][number] | undefined;
    for (let tries = 0; tries < 20 && !conversation; tries++) {
      const c = setup.conversations[Math.floor(Math.random() * setup.conversations.length)]!;
      if (!inFlightOf.has(c.a) && !inFlightOf.has(c.b)) conversation = c;
    }
    if (!conversation) {
      skipped += 1;
      return;
    }
    const [from, to] = Math.random() < 0.5 ? [conversation.a, conversation.b] : [conversation.b, conversation.a];
    const owed = new Set([...(socketsOf.get(from) ?? []), ...(socketsOf.get(to) ?? [])].filter((s) => s.readyState === WebSocket.OPEN));
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => { finish = resolve; });
    const flight: InFlight = { sentAt: performance.now(), owed, measured, arrivals: [], done: () => finish() };
    inFlightOf.set(from, flight);
    inFlightOf.set(to, flight);
    const seq = (seqOf.get(from) ?? 0) + 1;
    seqOf.set(from, seq);
    if (measured) sent += 1;
    try {
      const res = await fetch(`${setup.baseUrl}/api/sync/push`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.users[from]!.token}` },
        body: JSON.stringify({ clientId: `${clientId}-${from}`, mutations: [{ mutationId: randomUUID(), seq, name: 'message.send', args: { messageId: randomUUID(), conversationId: conversation.id, body: `Bench message ${index}` } }] }),
      });
      await res.arrayBuffer();
      if (!res.ok) throw new Error(`push failed: ${res.status}`);
      const answeredAt = performance.now();
      if (measured) pushTimes.push(answeredAt - flight.sentAt);
      if (process.env.BENCH_WS_TRACE && performance.now() - flight.sentAt > 200) process.stderr.write(`slow push at ${Math.round(flight.sentAt)}: ${Math.round(performance.now() - flight.sentAt)} ms\n`);
      const timeout = setTimeout(() => finish(), DELIVERY_TIMEOUT_MS);
      await finished;
      clearTimeout(timeout);
      if (measured) {
        missing += owed.size;
        // A poke can come before the push's HTTP answer (the commit's notice is faster than the reply): 0 then.
        for (const at of flight.arrivals) afterAnswer.push(Math.max(0, at - answeredAt));
      }
    } catch {
      if (measured) failedPushes += 1;
    } finally {
      inFlightOf.delete(from);
      inFlightOf.delete(to);
    }
  };

  /** Open loop: one send every 1000/RATE ms whatever the answers do, for `seconds`. */
  const runFor = async (seconds: number, measured: boolean) => {
    const started = performance.now();
    const all: Array<Promise<void>> = [];
    for (let i = 0; i < seconds * RATE; i++) {
      const due = started + (i * 1000) / RATE;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      all.push(sendOne(i, measured));
    }
    await Promise.all(all);
  };

  await runFor(WARM_UP_SECONDS, false);
  server.stdin!.write('mark\n');
  const clientCpu = process.cpuUsage();
  const measureStart = performance.now();
  await runFor(SECONDS, true);
  const measureMs = performance.now() - measureStart;
  const clientUsed = process.cpuUsage(clientCpu);
  server.stdin!.write('report\n');
  const serverWindow = JSON.parse(await nextLine()) as WindowReport;
  const clientCpuPercent = ((clientUsed.user + clientUsed.system) / 1000 / measureMs) * 100;

  deliveries.sort((a, b) => a - b);
  pushTimes.sort((a, b) => a - b);
  afterAnswer.sort((a, b) => a - b);
  const at = `${stillOpen} clients, ${RATE} msg/s, ${databaseUrl ? 'PostgreSQL' : 'PGlite'}`;
  report({ name: 'ws: authenticated clients held by one instance', value: stillOpen, unit: 'clients', target: `>= ${CLIENTS}`, better: 'higher' });
  report({ name: `ws: connect ${CLIENTS} authenticated clients`, value: Math.round(connectMs), unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: `ws: chat send -> poke at every member socket p50 (${at})`, value: round1(percentile(deliveries, 50)), unit: 'ms', target: '< 100', better: 'lower' });
  report({ name: `ws: chat send -> poke at every member socket p99 (${at})`, value: round1(percentile(deliveries, 99)), unit: 'ms', target: '< 100', better: 'lower' });
  report({ name: `ws: chat send -> poke max (${at})`, value: round1(deliveries.at(-1) ?? Number.NaN), unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: 'ws: message.send push answered p50', value: round1(percentile(pushTimes, 50)), unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: 'ws: message.send push answered p99', value: round1(percentile(pushTimes, 99)), unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: `ws: push answered -> poke p99 (the fan-out after the commit, ${at})`, value: round1(percentile(afterAnswer, 99)), unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: 'ws: pokes measured', value: deliveries.length, unit: 'deliveries', target: 'n/a', better: 'higher' });
  report({ name: 'ws: pokes missing after 5 s (or failed pushes)', value: missing + failedPushes, unit: 'deliveries', target: '0', better: 'lower' });
  report({ name: 'ws: server process CPU during the measurement', value: Math.round(serverWindow.cpuPercent), unit: '% of one core', target: 'n/a', better: 'lower' });
  report({ name: 'ws: server threads waiting for a CPU (other processes) during the measurement', value: Math.round(serverWindow.waitedMs), unit: `ms in ${Math.round(measureMs / 1000)} s`, target: 'n/a', better: 'lower' });
  report({ name: 'ws: machine load average (1 min) after the measurement', value: Math.round(os.loadavg()[0]! * 10) / 10, unit: `runnable (${os.cpus().length} cores)`, target: 'n/a', better: 'lower' });
  report({ name: 'ws: client process CPU during the measurement', value: Math.round(clientCpuPercent), unit: '% of one core', target: '< 70 (not saturated)', better: 'lower' });
  process.stderr.write(`connected ${connected}, refused ${refused}, open ${stillOpen}; ${sent} messages in ${Math.round(measureMs)} ms (${skipped} skipped: no idle conversation), `
    + `${deliveries.length} pokes measured, ${missing} missing, ${failedPushes} failed pushes${serverWindow.profile ? `; server profile ${serverWindow.profile}` : ''}\n`);

  for (const s of sockets) s.terminate();
  clearTimeout(killTimer);
  server.stdin!.end();
  await new Promise((r) => server.once('exit', r));
}

await main();
