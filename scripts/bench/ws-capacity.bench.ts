// WebSocket capacity of one care-server instance (in its own process, on this machine): how many
// authenticated /ws clients it holds (target 2,000; BENCH_WS_CLIENTS to try more), and at that load the
// latency of a chat message fan-out: POST /api/sync/push of message.send -> the recipient's poke, p50/p99
// over BENCH_WS_MESSAGES sends (sent one after another, to random conversations). Loopback only, bounded.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createInterface } from 'node:readline';
import WebSocket from 'ws';
import { report } from './bench-module';

const CLIENTS = Number(process.env.BENCH_WS_CLIENTS ?? 2000);
const MESSAGES = Number(process.env.BENCH_WS_MESSAGES ?? 300);
const USERS = Math.max(2, Math.ceil(CLIENTS / 2)); // two windows per user, as a workstation with two windows
const CONNECT_BATCH = 100;
const DEADLINE_MS = 10 * 60_000;

interface Setup {
  baseUrl: string;
  users: Array<{ userId: string; token: string }>;
  conversations: Array<{ id: string; a: number; b: number }>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

async function main(): Promise<void> {
  const started = Date.now();
  const server = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'ws-capacity-server.ts'), String(USERS)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const killTimer = setTimeout(() => server.kill('SIGKILL'), DEADLINE_MS);
  const setup = await new Promise<Setup>((resolve, reject) => {
    createInterface({ input: server.stdout! }).once('line', (line) => resolve(JSON.parse(line) as Setup));
    server.once('exit', (code) => reject(new Error(`bench server exited (${code})`)));
  });
  const wsUrl = `${setup.baseUrl.replace('http', 'ws')}/ws`;

  // Pokes seen per user index (any of their sockets), with who is waiting for the next one.
  const waiting = new Map<number, (at: number) => void>();
  const sockets: WebSocket[] = [];
  let connected = 0;
  let refused = 0;
  const connectOne = (userIndex: number) => new Promise<void>((resolve) => {
    const socket = new WebSocket(wsUrl, ['housecall.v1', `bearer.${setup.users[userIndex]!.token}`]);
    sockets.push(socket);
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString()) as { type: string };
      if (message.type === 'hello') {
        connected += 1;
        resolve();
      } else if (message.type === 'poke') {
        const waiter = waiting.get(userIndex);
        if (waiter) {
          waiting.delete(userIndex);
          waiter(performance.now());
        }
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

  // Fan-out latency at that load: one message at a time, each to a random conversation's other member.
  const latencies: number[] = [];
  const pushTimes: number[] = [];
  /** From the push's answer (committed) to the recipient's poke: the Bus and hub part of the fan-out. */
  const afterAnswer: number[] = [];
  let clientSeq = 0;
  const clientId = `bench-${randomUUID().slice(0, 12)}`;
  for (let i = 0; i < MESSAGES && Date.now() - started < DEADLINE_MS - 30_000; i++) {
    const conversation = setup.conversations[Math.floor(Math.random() * setup.conversations.length)]!;
    const [from, to] = Math.random() < 0.5 ? [conversation.a, conversation.b] : [conversation.b, conversation.a];
    const poked = new Promise<number>((resolve) => waiting.set(to, resolve));
    clientSeq += 1;
    const t0 = performance.now();
    const res = await fetch(`${setup.baseUrl}/api/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${setup.users[from]!.token}` },
      body: JSON.stringify({ clientId: `${clientId}-${from}`, mutations: [{ mutationId: randomUUID(), seq: clientSeq, name: 'message.send', args: { messageId: randomUUID(), conversationId: conversation.id, body: `Bench message ${i}` } }] }),
    });
    if (!res.ok) throw new Error(`push failed: ${res.status}`);
    const answered = performance.now();
    pushTimes.push(answered - t0);
    const timeout = new Promise<number>((resolve) => setTimeout(() => resolve(Number.NaN), 5_000));
    const t1 = await Promise.race([poked, timeout]);
    waiting.delete(to);
    if (!Number.isNaN(t1)) {
      latencies.push(t1 - t0);
      afterAnswer.push(Math.max(0, t1 - answered));
    }
  }
  latencies.sort((a, b) => a - b);
  pushTimes.sort((a, b) => a - b);
  afterAnswer.sort((a, b) => a - b);

  report({ name: 'ws: authenticated clients held by one instance', value: stillOpen, unit: 'clients', target: '>= 2000', better: 'higher' });
  report({ name: `ws: connect ${CLIENTS} authenticated clients`, value: Math.round(connectMs), unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: `ws: chat fan-out send -> recipient poke p50 (${stillOpen} clients)`, value: Math.round(percentile(latencies, 50) * 10) / 10, unit: 'ms', target: '< 100', better: 'lower' });
  report({ name: `ws: chat fan-out send -> recipient poke p99 (${stillOpen} clients)`, value: Math.round(percentile(latencies, 99) * 10) / 10, unit: 'ms', target: '< 100', better: 'lower' });
  report({ name: 'ws: message.send push answered p50', value: Math.round(percentile(pushTimes, 50) * 10) / 10, unit: 'ms', target: 'n/a', better: 'lower' });
  report({ name: `ws: committed -> recipient poke p99 (Bus + hub only, ${stillOpen} clients)`, value: Math.round(percentile(afterAnswer, 99) * 10) / 10, unit: 'ms', target: '< 100', better: 'lower' });
  report({ name: 'ws: chat messages without a poke within 5 s', value: MESSAGES - latencies.length, unit: 'messages', target: '0', better: 'lower' });
  process.stderr.write(`connected ${connected}, refused ${refused}, open ${stillOpen}; ${latencies.length} latencies\n`);

  for (const s of sockets) s.terminate();
  clearTimeout(killTimer);
  server.stdin!.end();
  await new Promise((r) => server.once('exit', r));
}

await main();
