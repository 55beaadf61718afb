// The WebSocket hub: one socket per signed-in workstation window, authenticated before the upgrade, with
// a message size cap, validated messages and a heartbeat. When a change commits on any instance (the Bus
// tells every instance), the users it concerns get a "poke" to pull; the poke carries no data.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import websocket from '@fastify/websocket';
import type { WebSocket } from 'ws';
import { z } from 'zod';
import { ClientMessageSchema, REALTIME_MAX_MESSAGE_BYTES, REALTIME_PROTOCOL, REALTIME_TOKEN_PREFIX } from '../../shared/realtime/messages';
import type { ServerMessage } from '../../shared/realtime/messages';
import type { Database } from '../db/database';
import type { Principal } from '../http/request-context';
import type { Bus } from './bus';
import { CHANGES_CHANNEL } from './bus';

const HEARTBEAT_MS = 30_000;
/** Pokes for one user within this window go out as one (a transaction's notices arrive together anyway). */
const POKE_COALESCE_MS = 10;

const ChangeNoticeSchema = z.object({ patientId: z.uuid().nullable(), userId: z.uuid().nullable(), careTeam: z.array(z.uuid()).max(100).optional() });

interface Connection {
  socket: WebSocket;
  principal: Principal;
  alive: boolean;
}

export interface Hub {
  connectedCount(): number;
  close(): Promise<void>;
}

function send(socket: WebSocket, message: ServerMessage): void {
  if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(message));
}

/** The access token from the Sec-WebSocket-Protocol list: "housecall.v1, bearer.<token>". */
export function tokenFromProtocols(header: string | undefined): string | null {
  if (!header) return null;
  const offered = header.split(',').map((p) => p.trim());
  if (!offered.includes(REALTIME_PROTOCOL)) return null;
  const bearer = offered.find((p) => p.startsWith(REALTIME_TOKEN_PREFIX));
  return bearer ? bearer.slice(REALTIME_TOKEN_PREFIX.length) : null;
}

export async function installHub(app: FastifyInstance, options: { db: Database; bus: Bus; authenticate: (token: string) => Promise<Principal> }): Promise<Hub> {
  const byUser = new Map<string, Set<Connection>>();
  /** Connected dispatchers (kept as an index so a patient change does not scan every connection). */
  const dispatcherIds = new Set<string>();
  const pending = new Set<string>();
  let flushTimer: NodeJS.Timeout | null = null;

  const flushPokes = () => {
    flushTimer = null;
    for (const userId of pending) for (const c of byUser.get(userId) ?? []) send(c.socket, { type: 'poke' });
    pending.clear();
  };
  const poke = (userIds: Iterable<string>) => {
    for (const id of userIds) if (byUser.has(id)) pending.add(id);
    if (pending.size > 0 && !flushTimer) flushTimer = setTimeout(flushPokes, POKE_COALESCE_MS);
  };

  const unsubscribe = await options.bus.subscribe(CHANGES_CHANNEL, (payload) => {
    const notice = ChangeNoticeSchema.safeParse(payload);
    if (!notice.success) return;
    const { patientId, userId, careTeam } = notice.data;
    if (userId) poke([userId]);
    if (!patientId || byUser.size === 0) return;
    if (careTeam) {
      // The writer named the care team (chat): no lookup per message on every instance.
      poke([...careTeam, ...dispatcherIds]);
      return;
    }
    // Care team members of the patient, and dispatchers (whose scope is the home visits of the day).
    void options.db
      .query<{ user_id: string }>('SELECT user_id FROM care_team WHERE patient_id = $1', [patientId])
      .then(({ rows }) => {
        poke([...rows.map((r) => r.user_id), ...dispatcherIds]);
      })
      .catch((error: unknown) => app.log.warn({ err: { type: (error as Error)?.name } }, 'poke lookup failed'));
  });

  await app.register(websocket, {
    options: {
      maxPayload: REALTIME_MAX_MESSAGE_BYTES,
      handleProtocols: (protocols: Set<string>) => (protocols.has(REALTIME_PROTOCOL) ? REALTIME_PROTOCOL : false),
    },
  });

  const heartbeat = setInterval(() => {
    for (const set of byUser.values()) for (const c of set) {
      if (!c.alive) {
        c.socket.terminate();
        continue;
      }
      c.alive = false;
      c.socket.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  app.register(async (scope) => {
    scope.get('/ws', {
      websocket: true,
      // Authenticated before the upgrade: a bad token gets an HTTP 401 and no socket.
      preValidation: async (request: FastifyRequest) => {
        const token = tokenFromProtocols(request.headers['sec-websocket-protocol']);
        request.principal = token ? await options.authenticate(token) : await options.authenticate('');
      },
    }, (socket, request) => {
      const principal = request.principal!;
      const connection: Connection = { socket, principal, alive: true };
      // Listeners attached synchronously, before any await, so no early message is missed.
      socket.on('pong', () => { connection.alive = true; });
      socket.on('message', (raw, isBinary) => {
        if (isBinary) return send(socket, { type: 'error', code: 'bad_message', message: 'Messages must be JSON text.' });
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
          app.log.info({ user: principal.userId, code: known ? 'bad_message' : 'unknown_type' }, 'realtime message refused');
          return send(socket, known ? { type: 'error', code: 'bad_message', message: 'The message has the wrong shape.' } : { type: 'error', code: 'unknown_type', message: 'Unknown message type.' });
        }
        if (parsed.data.type === 'ping') send(socket, { type: 'pong', ...(parsed.data.id !== undefined ? { id: parsed.data.id } : {}) });
      });
      socket.on('error', () => undefined); // e.g. a message over maxPayload: ws closes the socket with 1009
      socket.on('close', () => {
        const set = byUser.get(principal.userId);
        set?.delete(connection);
        if (set && set.size === 0) {
          byUser.delete(principal.userId);
          dispatcherIds.delete(principal.userId);
        }
      });
      let set = byUser.get(principal.userId);
      if (!set) byUser.set(principal.userId, (set = new Set()));
      set.add(connection);
      if (principal.role === 'dispatcher') dispatcherIds.add(principal.userId);
      send(socket, { type: 'hello', userId: principal.userId });
    });
  });

  return {
    connectedCount: () => {
      let n = 0;
      for (const set of byUser.values()) n += set.size;
      return n;
    },
    async close() {
      clearInterval(heartbeat);
      if (flushTimer) clearTimeout(flushTimer);
      for (const set of byUser.values()) for (const c of set) c.socket.close(1001, 'server shutting down');
      await unsubscribe();
    },
  };
}
