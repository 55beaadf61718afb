// The hub's cheap hot path at many sockets: pokes arrive as text frames (one serialised buffer for all), no
// per-message compression is negotiated, the heartbeat pings each socket once per period in slices (never all
// sockets in one tick) and closes a socket that stopped answering, and a patient-page flush checks all its
// sessions in one call. A bare Fastify app with the hub and in-memory stand-ins for the database, Bus and signaling.
import { afterEach, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import WebSocket from 'ws';
import { randomUUID } from 'node:crypto';
import { installHub } from '../../server/realtime/hub';
import type { Hub } from '../../server/realtime/hub';
import type { Bus } from '../../server/realtime/bus';
import { CHANGES_CHANNEL } from '../../server/realtime/bus';
import type { Database } from '../../server/db/database';
import type { VisitSignaling } from '../../server/visits/signaling';
import type { PatientSession } from '../../server/visits/visit-repository';
import { unauthenticated } from '../../server/http/errors';

interface Harness {
  app: FastifyInstance;
  hub: Hub;
  url: string;
  publish(payload: unknown): void;
  liveChecks: string[][];
  liveSessions: Set<string>;
}

const users = new Map<string, string>(); // token -> userId

async function startHub(heartbeat?: { periodMs: number; tickMs: number }): Promise<Harness> {
  const app = Fastify({ logger: false });
  const listeners: Array<(payload: unknown) => void> = [];
  const bus: Bus = {
    async subscribe(channel, listener) {
      if (channel === CHANGES_CHANNEL) listeners.push(listener);
      return async () => undefined;
    },
  };
  const liveChecks: string[][] = [];
  const liveSessions = new Set<string>();
  const sessions = new Map<string, PatientSession>();
  const signaling: VisitSignaling = {
    async authenticatePatient(token) {
      return sessions.get(token) ?? null;
    },
    async livePatientSessions(ids) {
      liveChecks.push([...ids]);
      return new Set(ids.filter((id) => liveSessions.has(id)));
    },
    async handle() {},
    disconnected() {},
    async close() {},
  };
  // Patient sessions are made by token "patient.<patientId>.<sessionId>".
  signaling.authenticatePatient = async (token) => {
    const [, patientId, sessionId] = token.split('.');
    return patientId && sessionId ? ({ sessionId, patientId, visitId: randomUUID() } as unknown as PatientSession) : null;
  };
  const db = { query: async () => ({ rows: [], rowCount: 0 }) } as unknown as Database;
  const hub = await installHub(app, {
    db, bus, signaling, ...(heartbeat ? { heartbeat } : {}),
    authenticate: async (token) => {
      const userId = users.get(token);
      if (!userId) throw unauthenticated();
      return { userId, role: 'clinician', sessionId: randomUUID() };
    },
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `ws://127.0.0.1:${(app.server.address() as { port: number }).port}/ws`;
  return { app, hub, url, publish: (payload) => { for (const l of listeners) l(payload); }, liveChecks, liveSessions };
}

interface Client {
  socket: WebSocket;
  frames: Array<{ text: string; binary: boolean }>;
  pings: number[];
  closed: Promise<number>;
}

function connect(url: string, protocol: string, options: { autoPong?: boolean } = {}): Promise<Client> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, ['housecall.v1', protocol], { autoPong: options.autoPong ?? true, perMessageDeflate: true });
    const client: Client = {
      socket, frames: [], pings: [],
      closed: new Promise((r) => socket.on('close', (code) => r(code))),
    };
    socket.on('ping', () => client.pings.push(performance.now()));
    socket.on('message', (raw, isBinary) => {
      client.frames.push({ text: raw.toString(), binary: isBinary });
      if (!isBinary && JSON.parse(raw.toString()).type === 'hello') resolve(client);
    });
    socket.on('error', reject);
  });
}

const staffToken = () => {
  const token = `t-${randomUUID()}`;
  users.set(token, randomUUID());
  return token;
};

const until = async (check: () => boolean, timeoutMs = 3_000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
};

describe('WebSocket hub under many sockets', () => {
  let h: Harness | null = null;
  const clients: Client[] = [];
  afterEach(async () => {
    for (const c of clients.splice(0)) c.socket.terminate();
    await h?.hub.close();
    await h?.app.close();
    h = null;
  });

  it('sends every poke as the same text frame, to each socket of each user poked, without compression', async () => {
    h = await startHub();
    const tokens = [staffToken(), staffToken(), staffToken()];
    for (const token of tokens) for (let w = 0; w < 2; w++) clients.push(await connect(h.url, `bearer.${token}`));
    for (const c of clients) expect(c.socket.extensions).toBe(''); // permessage-deflate offered by the client, refused
    const poked = [users.get(tokens[0]!)!, users.get(tokens[1]!)!];
    h.publish({ patientId: randomUUID(), userId: null, careTeam: poked });
    await until(() => clients.slice(0, 4).every((c) => c.frames.length === 2));
    await new Promise((r) => setTimeout(r, 50));
    for (const c of clients.slice(0, 4)) expect(c.frames[1]).toEqual({ text: '{"type":"poke"}', binary: false });
    for (const c of clients.slice(4)) expect(c.frames).toHaveLength(1); // hello only: not in the care team
  });

  it('pings each socket once per period, a slice per tick, and closes a socket that stopped answering', async () => {
    h = await startHub({ periodMs: 400, tickMs: 40 });
    for (let i = 0; i < 30; i++) clients.push(await connect(h.url, `bearer.${staffToken()}`));
    const silent = await connect(h.url, `bearer.${staffToken()}`, { autoPong: false });
    clients.push(silent);
    const started = performance.now();
    await new Promise((r) => setTimeout(r, 1_800));
    const answering = clients.slice(0, 30);
    // Spread out: 31 sockets over 10 ticks is at most 4 per tick; all at once would put every first ping in one tick.
    const firstPings = answering.map((c) => c.pings[0]! - started).sort((a, b) => a - b);
    expect(firstPings.every((t) => Number.isFinite(t))).toBe(true);
    expect(firstPings.at(-1)! - firstPings[0]!).toBeGreaterThan(150);
    // About one ping per period each (a socket waits at most two periods): 1,800 ms / 400 ms is two to five, never a
    // burst of many.
    for (const c of answering) expect(c.pings.length).toBeGreaterThanOrEqual(2);
    for (const c of answering) expect(c.pings.length).toBeLessThanOrEqual(5);
    // Consecutive pings of one socket are at least half a period apart (each gets that long to answer).
    for (const c of answering) for (let i = 1; i < c.pings.length; i++) expect(c.pings[i]! - c.pings[i - 1]!).toBeGreaterThan(190);
    // The silent socket was pinged, did not answer, and was closed at its next turn; the others stay open.
    expect(await silent.closed).toBe(1006);
    for (const c of answering) expect(c.socket.readyState).toBe(WebSocket.OPEN);
    expect(h.hub.connectedCount()).toBe(30);
  });

  it('checks every poked patient page in one call, pokes the live ones and closes the ended ones', async () => {
    h = await startHub();
    const patientId = randomUUID();
    const live = randomUUID();
    const ended = randomUUID();
    h.liveSessions.add(live);
    const livePage = await connect(h.url, `visit.patient.${patientId}.${live}`);
    const endedPage = await connect(h.url, `visit.patient.${patientId}.${ended}`);
    clients.push(livePage, endedPage);
    h.publish({ patientId, userId: null, careTeam: [], patientPage: true });
    expect(await endedPage.closed).toBe(4401);
    await until(() => livePage.frames.length === 2);
    expect(livePage.frames[1]).toEqual({ text: '{"type":"poke"}', binary: false });
    expect(h.liveChecks).toHaveLength(1);
    expect(new Set(h.liveChecks[0])).toEqual(new Set([live, ended]));
  });
});
