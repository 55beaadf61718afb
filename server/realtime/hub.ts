// The WebSocket hub: one socket per signed-in workstation window (or patient join page, with a visit-scoped
// session), authenticated before the upgrade, with a message size cap, validated messages and a heartbeat.
// When a change commits on any instance (the Bus tells every instance), the users it concerns get a "poke"
// to pull; the poke carries no data (a patient's join page is poked when their care conversation changes, and
// closed instead when their visit session is no longer live).
// Video visit messages are handed to the visit signaling module. The hot path stays cheap at thousands of
// sockets: the poke frame is serialised once and the same buffer goes to every socket, compression is off, a
// patient-page flush checks all its sessions in one query, and the heartbeat pings a slice of the sockets each
// second instead of all of them at once.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ClientMessageSchema, REALTIME_HARD_FRAME_LIMIT_BYTES, REALTIME_MAX_MESSAGE_BYTES, REALTIME_PROTOCOL, REALTIME_TOKEN_PREFIX, REALTIME_VISIT_TOKEN_PREFIX } from '../../shared/realtime/messages';
import type { ServerMessage } from '../../shared/realtime/messages';
import { ClientIdSchema } from '../../shared/sync/protocol';
import type { Database } from '../db/database';
import type { Principal } from '../http/request-context';
import type { Bus } from './bus';
import { CHANGES_CHANNEL } from './bus';
import type { SignalingPeer, VisitSignaling } from '../visits/signaling';
import type { PatientSession } from '../visits/visit-repository';
import { deviceIdOf } from '../http/request-context';
import { unauthenticated } from '../http/errors';

declare module 'fastify' {
  interface FastifyRequest {
    visitSession?: PatientSession;
  }
}

/** Every socket is pinged once per this period (and closed if it did not answer the previous ping). */
const HEARTBEAT_MS = 30_000;
/** The heartbeat runs this often, each time over the next slice of the sockets (HEARTBEAT_MS / HEARTBEAT_TICK_MS slices). */
const HEARTBEAT_TICK_MS = 1_000;
/** Pokes for one user within this window go out as one (a transaction's notices arrive together anyway). */
const POKE_COALESCE_MS = 10;
/** Close code for a patient's page whose visit session ended or expired while connected. */
const REALTIME_SESSION_ENDED_CLOSE = 4401;

const ChangeNoticeSchema = z.object({
  patientId: z.uuid().nullable(), userId: z.uuid().nullable(), careTeam: z.array(z.uuid()).max(100).optional(), patientPage: z.literal(true).optional(),
  /** The workstation whose push this change is, in exactly the state its answer carried: that device already has it. */
  origin: ClientIdSchema.optional(),
});

interface Connection {
  socket: WebSocket;
  /** The signed-in staff member, or null for a patient's visit session. */
  principal: Principal | null;
  alive: boolean;
  /** When this socket was last pinged (or connected): it gets at least half a heartbeat period to answer. */
  pingedAt: number;
  signaling: SignalingPeer;
  /** The workstation's sync clientId (sync.device), once it said. */
  syncClientId: string | null;
}

/** Users to poke at the next flush: whether any change was from elsewhere, and which devices pushed the others. */
interface PendingPoke {
  fromElsewhere: boolean;
  origins: Set<string>;
}

export interface Hub {
  connectedCount(): number;
  close(): Promise<void>;
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** A message serialised once, for sending the same bytes to many sockets (a text frame, not binary). */
function frameOf(message: ServerMessage): Buffer {
  return Buffer.from(JSON.stringify(message));
}

function sendFrame(socket: WebSocket, frame: Buffer): void {
  if (socket.readyState === socket.OPEN) socket.send(frame, { binary: false });
}

const POKE_FRAME = frameOf({ type: 'poke' });

/** The access token from the Sec-WebSocket-Protocol list: "housecall.v1, bearer.<token>". */
export function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  const offered = header.split(',').map((p) => p.trim());
  if (!offered.includes(REALTIME_PROTOCOL)) return null;
  const bearer = offered.find((p) => p.startsWith(REALTIME_TOKEN_PREFIX));
  return bearer ? bearer.slice(REALTIME_TOKEN_PREFIX.length) : null;
}

/** The patient's visit session token from the subprotocol list: "housecall.v1, visit.<token>". */
export function visitTokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  const offered = header.split(',').map((p) => p.trim());
  if (!offered.includes(REALTIME_PROTOCOL)) return null;
  const visit = offered.find((p) => p.startsWith(REALTIME_VISIT_TOKEN_PREFIX));
  return visit ? visit.slice(REALTIME_VISIT_TOKEN_PREFIX.length) : null;
}

export interface HubOptions {
  db: Database;
  bus: Bus;
  authenticate: (token: string) => Promise<Principal>;
  signaling: VisitSignaling;
  /** The heartbeat's period and tick (tests shorten them); HEARTBEAT_MS and HEARTBEAT_TICK_MS by default. */
  heartbeat?: { periodMs: number; tickMs: number };
}

export async function installHub(app: FastifyInstance, options: HubOptions): Promise<Hub> {
  const heartbeatPeriod = options.heartbeat ?? { periodMs: HEARTBEAT_MS, tickMs: HEARTBEAT_TICK_MS };
  const byUser = new Map<string, Set<Connection>>();
  /** Every open connection (staff and patients), for the heartbeat and shutdown. */
  const all = new Set<Connection>();
  /** Patient join pages by patient id: poked when their care conversation changes. */
  const byPatient = new Map<string, Set<Connection>>();
  /** Connected dispatchers (kept as an index so a patient change does not scan every connection). */
  const dispatcherIds = new Set<string>();
  const pending = new Map<string, PendingPoke>();
  let flushTimer: NodeJS.Timeout | null = null;

  /** A device is not poked when every change since the last flush was its own push, already in its cache. */
  const onlyItsOwn = (poke: PendingPoke, c: Connection) =>
    !poke.fromElsewhere && c.syncClientId !== null && poke.origins.size === 1 && poke.origins.has(c.syncClientId);
  const flushPokes = () => {
    flushTimer = null;
    for (const [userId, poke] of pending) {
      for (const c of byUser.get(userId) ?? []) if (!onlyItsOwn(poke, c)) sendFrame(c.socket, POKE_FRAME);
    }
    pending.clear();
  };
  const pendingPatients = new Set<string>();
  let patientFlushTimer: NodeJS.Timeout | null = null;
  /** Pokes the patients' pages whose visit session is still live; a page whose session ended or expired is closed. */
  const flushPatientPokes = () => {
    patientFlushTimer = null;
    const targets = [...pendingPatients].flatMap((patientId) => [...(byPatient.get(patientId) ?? [])]);
    pendingPatients.clear();
    if (targets.length === 0) return;
    // One query for every session of this flush, not one per socket.
    options.signaling.livePatientSessions([...new Set(targets.map((c) => c.signaling.patient!.sessionId))])
      .then((live) => {
        for (const c of targets) {
          if (live.has(c.signaling.patient!.sessionId)) sendFrame(c.socket, POKE_FRAME);
          else c.socket.close(REALTIME_SESSION_ENDED_CLOSE, 'visit session ended');
        }
      })
      .catch((error: unknown) => app.log.warn({ err: { type: (error as Error)?.name } }, 'patient session check failed'));
  };
  /** A poke (no data) to the patient's join pages on this instance; their next fetch is checked against the session again. */
  const pokePatient = (patientId: string) => {
    if (!byPatient.has(patientId)) return;
    pendingPatients.add(patientId);
    patientFlushTimer ??= setTimeout(flushPatientPokes, POKE_COALESCE_MS);
  };
  const poke = (userIds: Iterable<string>, origin?: string) => {
    for (const id of userIds) {
      if (!byUser.has(id)) continue;
      let entry = pending.get(id);
      if (!entry) pending.set(id, (entry = { fromElsewhere: false, origins: new Set() }));
      if (origin) entry.origins.add(origin);
      else entry.fromElsewhere = true;
    }
    if (pending.size > 0 && !flushTimer) flushTimer = setTimeout(flushPokes, POKE_COALESCE_MS);
  };

  const unsubscribe = await options.bus.subscribe(CHANGES_CHANNEL, (payload) => {
    const notice = ChangeNoticeSchema.safeParse(payload);
    if (!notice.success) return;
    const { patientId, userId, careTeam, patientPage, origin } = notice.data;
    if (userId) poke([userId], origin);
    if (patientPage && patientId) pokePatient(patientId);
    if (!patientId || byUser.size === 0) return;
    if (careTeam) {
      // The writer named the care team (chat): no lookup per message on every instance.
      poke([...careTeam, ...dispatcherIds], origin);
      return;
    }
    // Care team members of the patient, and dispatchers (whose scope is the home visits of the day).
    void options.db
      .query<{ user_id: string }>('SELECT user_id FROM care_team WHERE patient_id = $1', [patientId])
      .then(({ rows }) => {
        poke([...rows.map((r) => r.user_id), ...dispatcherIds], origin);
      })
      .catch((error: unknown) => app.log.warn({ err: { type: (error as Error)?.name } }, 'poke lookup failed'));
  }, () => {
    // The bus was down (PostgreSQL restarted) and notices were lost: everyone connected pulls once to catch up.
    poke(byUser.keys());
    for (const patientId of byPatient.keys()) pokePatient(patientId);
  });

  await app.register(websocket, {
    options: {
      // Above the message cap (refused with an error, socket kept) but bounded: a huge frame closes it (1009).
      maxPayload: REALTIME_HARD_FRAME_LIMIT_BYTES,
      // No per-message compression: frames are small, and deflate costs CPU and memory per socket.
      perMessageDeflate: false,
      handleProtocols: (protocols: Set<string>) => (protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false),
    },
  });

  // The heartbeat walks a snapshot of the connections a slice per tick, one snapshot per period, so each socket
  // is pinged once per period and no tick does O(all sockets) work; a socket that did not answer its last ping
  // is closed. Sockets that connect during a period join the next snapshot; a socket whose place in the snapshot
  // moved (others came or went) is skipped for a round rather than pinged again less than half a period later.
  const ticksPerRound = Math.max(1, Math.floor(heartbeatPeriod.periodMs / heartbeatPeriod.tickMs));
  let round: Connection[] = [];
  let roundIndex = 0;
  let tickInRound = ticksPerRound;
  const heartbeat = setInterval(() => {
    if (tickInRound >= ticksPerRound) {
      round = [...all];
      roundIndex = 0;
      tickInRound = 0;
    }
    tickInRound += 1;
    const end = Math.min(round.length, Math.ceil((round.length * tickInRound) / ticksPerRound));
    const now = Date.now();
    for (; roundIndex < end; roundIndex++) {
      const c = round[roundIndex]!;
      if (!all.has(c) || now - c.pingedAt < heartbeatPeriod.periodMs / 2) continue;
      c.pingedAt = now;
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, heartbeatPeriod.tickMs);
  heartbeat.unref();

  app.register(async (scope) => {
    scope.get('/ws', {
      websocket: true,
      // Authenticated before the upgrade: a bad token gets an HTTP 401 and no socket.
      preValidation: async (request: FastifyRequest) => {
        const visitToken = visitTokenFromProtocols(request.headers['sec-websocket-protocol']);
        if (visitToken) {
          const session = await options.signaling.authenticatePatient(visitToken);
          if (!session) throw unauthenticated('This visit session has ended.');
          request.visitSession = session;
          return;
        }
        const token = tokenFromProtocols(request.headers['sec-websocket-protocol']);
        request.principal = token ? await options.authenticate(token) : await options.authenticate('');
      },
    }, (socket, request) => {
      const principal = request.principal;
      const patient = request.visitSession ?? null;
      const actor = principal
        ? { userId: principal.userId, role: principal.role, sessionId: principal.sessionId, deviceId: deviceIdOf(request), ip: request.ip }
        : { userId: null, role: 'patient', sessionId: patient!.sessionId, deviceId: deviceIdOf(request), ip: request.ip };
      const connection: Connection = {
        socket, principal, alive: true, pingedAt: Date.now(), syncClientId: null,
        signaling: { userId: principal?.userId ?? null, patient, actor, joined: new Map(), send: (message) => send(socket, message) },
      };
      // Listeners attached synchronously, before any await, so no early message is missed.
      socket.on('pong', () => { connection.alive = true; });
      socket.on('message', (raw, isBinary) => {
        if (isBinary) return send(socket, { type: 'error', code: 'bad_message', message: 'Messages must be JSON text.' });
        const size = Array.isArray(raw) ? raw.reduce((n, b) => n + b.length, 0) : (raw as Buffer | ArrayBuffer).byteLength;
        if (size > REALTIME_MAX_MESSAGE_BYTES) return send(socket, { type: 'error', code: 'too_large', message: `Messages may be at most ${REALTIME_MAX_MESSAGE_BYTES} bytes.` });
        let json: unknown;
        try {
          json = JSON.parse(raw.toString());
        } catch {
          return send(socket, { type: 'error', code: 'bad_message', message: 'Messages must be JSON text.' });
        }
        const parsed = ClientMessageSchema.safeParse(json);
        if (!parsed.success) {
          const known = typeof json === 'object' && json !== null && ClientMessageSchema.options.some((o) => o.shape.type.value === (json as { type?: unknown }).type);
          // Logged by who and what kind of refusal only, never the message's content.
          app.log.info({ user: principal?.userId ?? null, visit: connection.signaling.patient?.visitId ?? null, code: known ? 'bad_message' : 'unknown_type' }, 'realtime message refused');
          return send(socket, known ? { type: 'error', code: 'bad_message', message: 'The message has the wrong shape.' } : { type: 'error', code: 'unknown_type', message: 'Unknown message type.' });
        }
        const message = parsed.data;
        if (message.type === 'ping') return send(socket, { type: 'pong', ...(message.id !== undefined ? { id: message.id } : {}) });
        if (message.type === 'sync.device') {
          if (!principal) return send(socket, { type: 'error', code: 'bad_message', message: 'Only a signed-in workstation syncs.' });
          connection.syncClientId = message.clientId;
          return;
        }
        options.signaling.handle(connection.signaling, message).catch((error: unknown) => {
          app.log.warn({ err: { type: (error as Error)?.name } }, 'signaling failed');
          send(socket, { type: 'error', code: 'bad_message', message: 'The message could not be handled.' });
        });
      });
      socket.on('error', () => undefined); // e.g. a message over maxPayload: ws closes the socket with 1009
      socket.on('close', () => {
        all.delete(connection);
        options.signaling.disconnected(connection.signaling);
        if (!principal) {
          const own = byPatient.get(patient!.patientId);
          own?.delete(connection);
          if (own && own.size === 0) byPatient.delete(patient!.patientId);
          return;
        }
        const set = byUser.get(principal.userId);
        set?.delete(connection);
        if (set && set.size === 0) {
          byUser.delete(principal.userId);
          dispatcherIds.delete(principal.userId);
        }
      });
      all.add(connection);
      if (principal) {
        let set = byUser.get(principal.userId);
        if (!set) byUser.set(principal.userId, (set = new Set()));
        set.add(connection);
        if (principal.role === 'dispatcher') dispatcherIds.add(principal.userId);
      } else {
        let own = byPatient.get(patient!.patientId);
        if (!own) byPatient.set(patient!.patientId, (own = new Set()));
        own.add(connection);
      }
      send(socket, { type: 'hello', userId: principal?.userId ?? null });
    });
  });

  return {
    connectedCount: () => all.size,
    async close() {
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      if (patientFlushTimer) clearTimeout(patientFlushTimer);
      for (const c of all) c.socket.close(1001, 'server shutting down');
      await unsubscribe();
      await options.signaling.close();
    },
  };
}
