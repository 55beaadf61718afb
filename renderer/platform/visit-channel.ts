// The signaling channel of one video visit: its own /ws connection (staff bearer token, or the patient's visit
// session), joined to the visit after every (re)connect, with back-off, pings, and validated messages in and out.
// The visit id may come later (a promise): the socket connects and authenticates meanwhile and joins once it is
// known (a null id closes the channel), so "Start visit" does not wait for the start answer to begin connecting.
import { REALTIME_PROTOCOL, REALTIME_TOKEN_PREFIX, REALTIME_VISIT_TOKEN_PREFIX, ServerMessageSchema } from '../../shared/realtime/messages';
import type { ClientMessage, PeerSignal, VisitServerMessage } from '../../shared/realtime/messages';
import type { BackoffPolicy } from './backoff';
import { backoffDelay } from './backoff';
import type { SocketFactory, SocketLike } from './realtime';
import { serverBaseUrl } from './server-url';

export interface VisitChannelOptions {
  visitId: string | Promise<string | null>;
  /** The credential: a staff access token getter, or the patient's visit session token. */
  auth: { kind: 'staff'; token(): Promise<string | null> } | { kind: 'patient'; sessionToken: string };
  onMessage(message: VisitServerMessage): void;
  /** Refusals from the server (not a member, stale generation...): codes only, never patient data. */
  onError?(code: string): void;
  onConnectionChange?(connected: boolean): void;
  WebSocketImpl?: SocketFactory;
  backoff?: BackoffPolicy;
  url?: string;
}

export interface VisitChannel {
  sendSignal(generation: number, signal: PeerSignal): void;
  connected(): boolean;
  reconnectNow(): void;
  close(): void;
}

const OPEN = 1;
// Short: a call waits on this to come back after a network drop.
const SIGNALING_BACKOFF: BackoffPolicy = { baseMs: 250, maxMs: 2_000 };
const PING_EVERY_MS = 5_000;
const PONG_TIMEOUT_MS = 4_000;

async function wsUrl(): Promise<string> {
  const base = await serverBaseUrl();
  if (base) return `${base.replace(/^http/, 'ws')}/ws`;
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

export function openVisitChannel(options: VisitChannelOptions): VisitChannel {
  const Impl = options.WebSocketImpl ?? (globalThis as { WebSocket?: SocketFactory }).WebSocket;
  let socket: SocketLike | null = null;
  let joined = false;
  /** The visit to join: known now, or once options.visitId resolves. */
  let visitId: string | null = typeof options.visitId === 'string' ? options.visitId : null;
  /** Greeted by the server on the current socket, so a visit id arriving later can join at once. */
  let greeted = false;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let pongDeadline: ReturnType<typeof setTimeout> | null = null;

  const raw = (message: ClientMessage) => {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  };
  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void open();
    }, backoffDelay(attempt, options.backoff ?? SIGNALING_BACKOFF));
  };

  async function open(): Promise<void> {
    if (closed || socket || !Impl) return;
    let protocols: string[];
    let url: string;
    try {
      url = options.url ?? (await wsUrl());
      if (options.auth.kind === 'patient') protocols = [REALTIME_PROTOCOL, `${REALTIME_VISIT_TOKEN_PREFIX}${options.auth.sessionToken}`];
      else {
        const token = await options.auth.token();
        if (!token) return scheduleRetry();
        protocols = [REALTIME_PROTOCOL, `${REALTIME_TOKEN_PREFIX}${token}`];
      }
    } catch {
      return scheduleRetry();
    }
    if (closed || socket) return;
    let ws: SocketLike;
    try {
      ws = new Impl(url, protocols);
    } catch {
      return scheduleRetry();
    }
    socket = ws;
    ws.onmessage = (event) => {
      let json: unknown;
      try {
        json = JSON.parse(typeof event.data === 'string' ? event.data : String(event.data));
      } catch {
        return;
      }
      const parsed = ServerMessageSchema.safeParse(json);
      if (!parsed.success) return;
      const message = parsed.data;
      if (message.type === 'hello') {
        attempt = 0;
        greeted = true;
        if (visitId) raw({ type: 'visit.join', visitId });
        pingTimer = setInterval(() => {
          raw({ type: 'ping' });
          // A link that silently stopped carrying data is closed, so the back-off reconnects it.
          pongDeadline ??= setTimeout(() => {
            drop(ws);
            ws.close(4000, 'no pong');
          }, PONG_TIMEOUT_MS);
        }, PING_EVERY_MS);
        return;
      }
      if (message.type === 'pong') {
        if (pongDeadline) clearTimeout(pongDeadline);
        pongDeadline = null;
        return;
      }
      if (message.type === 'error') return options.onError?.(message.code);
      if (message.type === 'poke') return;
      if (message.visitId !== visitId) return;
      if (message.type === 'visit.joined' && !joined) {
        joined = true;
        options.onConnectionChange?.(true);
      }
      options.onMessage(message);
    };
    ws.onclose = () => drop(ws);
    ws.onerror = () => undefined; // a close event follows
  }

  /** The socket is gone (closed, or silent past the pong deadline): forget it and reconnect. */
  function drop(ws: SocketLike): void {
    if (socket !== ws) return;
    socket = null;
    greeted = false;
    if (pingTimer) clearInterval(pingTimer);
    if (pongDeadline) clearTimeout(pongDeadline);
    pingTimer = null;
    pongDeadline = null;
    if (joined) {
      joined = false;
      options.onConnectionChange?.(false);
    }
    scheduleRetry();
  }

  if (typeof options.visitId !== 'string') {
    void options.visitId.then((id) => {
      if (closed) return;
      if (!id) return channel.close();
      visitId = id;
      if (greeted) raw({ type: 'visit.join', visitId: id });
    }, () => channel.close());
  }
  void open();
  const online = () => reconnectNow();
  globalThis.addEventListener?.('online', online);

  function reconnectNow(): void {
    if (closed || socket) return;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    attempt = 0;
    void open();
  }

  const channel: VisitChannel = {
    sendSignal(generation, signal) {
      if (joined && visitId) raw({ type: 'visit.signal', visitId, generation, signal });
    },
    connected: () => joined,
    reconnectNow,
    close() {
      closed = true;
      globalThis.removeEventListener?.('online', online);
      if (retryTimer) clearTimeout(retryTimer);
      if (pingTimer) clearInterval(pingTimer);
      if (pongDeadline) clearTimeout(pongDeadline);
      if (joined && visitId) raw({ type: 'visit.leave', visitId });
      const ws = socket;
      socket = null;
      ws?.close(1000, 'closing');
      joined = false;
    },
  };
  return channel;
}
