// The realtime WebSocket (/ws) client: authenticates with subprotocols ['housecall.v1', 'bearer.<token>'],
// reconnects with back-off, pings to notice a dead link, and reports pokes ("pull now") and (re)connections.
import { REALTIME_PROTOCOL, REALTIME_TOKEN_PREFIX, ServerMessageSchema } from '../../shared/realtime/messages';
import type { ClientMessage } from '../../shared/realtime/messages';
import type { BackoffPolicy } from './backoff';
import { DEFAULT_BACKOFF, backoffDelay } from './backoff';
import { serverBaseUrl } from './server-url';

/** The part of the WebSocket API used here (the browser's, or the `ws` package's in Node tests). */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((event: unknown) => void) | null;
  onmessage: ((event: { data: unknown }) => void) | null;
  onclose: ((event: unknown) => void) | null;
  onerror: ((event: unknown) => void) | null;
}
export type SocketFactory = new (url: string, protocols: string[]) => SocketLike;

export interface RealtimeOptions {
  /** The current access token (refreshed when needed); null when signed out. */
  token(): Promise<string | null>;
  /** Subprotocol prefix of the token: 'bearer.' (staff, default) or 'visit.' (a patient's visit session on the join page). */
  tokenPrefix?: string;
  /** The server says there are changes to pull. */
  onPoke(): void;
  /** Connected and authenticated (also after every reconnect): pull now, something may have been missed. */
  onConnected(): void;
  onDisconnected?(): void;
  /** The workstation's sync clientId, told to the server on each connection so it is not poked about its own pushes. */
  syncClientId?: string;
  /** Full ws:// or wss:// URL of /ws; default: derived from the server base URL. */
  url?: string;
  WebSocketImpl?: SocketFactory;
  backoff?: BackoffPolicy;
  /** How often to ping; a missing pong within pingTimeoutMs closes the socket (then it reconnects). */
  pingIntervalMs?: number;
  pingTimeoutMs?: number;
}

export interface RealtimeConnection {
  connected(): boolean;
  /** Reconnect now (e.g. the machine came back online) instead of waiting out the back-off. */
  reconnectNow(): void;
  close(): void;
}

const OPEN = 1;

async function defaultUrl(): Promise<string> {
  const base = await serverBaseUrl();
  if (base) return `${base.replace(/^http/, 'ws')}/ws`;
  const loc = (globalThis as { location?: { protocol: string; host: string } }).location;
  if (!loc) throw new Error('The server address is not configured.');
  return `${loc.protocol === 'https:' ? 'wss' : 'ws'}://${loc.host}/ws`;
}

export function connectRealtime(options: RealtimeOptions): RealtimeConnection {
  const Impl = options.WebSocketImpl ?? (globalThis as { WebSocket?: SocketFactory }).WebSocket;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const pingEvery = options.pingIntervalMs ?? 25_000;
  const pingTimeout = options.pingTimeoutMs ?? 10_000;
  let socket: SocketLike | null = null;
  let isConnected = false;
  let closed = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let pongDeadline: ReturnType<typeof setTimeout> | null = null;
  let pingId = 0;

  const clearTimers = () => {
    if (pingTimer) clearInterval(pingTimer);
    if (pongDeadline) clearTimeout(pongDeadline);
    pingTimer = null;
    pongDeadline = null;
  };

  const scheduleRetry = () => {
    if (closed || retryTimer) return;
    attempt += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void open();
    }, backoffDelay(attempt, policy));
  };

  const lost = () => {
    clearTimers();
    socket = null;
    if (isConnected) {
      isConnected = false;
      options.onDisconnected?.();
    }
    scheduleRetry();
  };

  const sendMessage = (message: ClientMessage) => {
    if (socket && socket.readyState === OPEN) socket.send(JSON.stringify(message));
  };

  async function open(): Promise<void> {
    if (closed || socket || !Impl) return;
    let url: string;
    let token: string | null;
    try {
      url = options.url ?? (await defaultUrl());
      token = await options.token();
    } catch {
      scheduleRetry();
      return;
    }
    if (closed || socket) return;
    if (!token) {
      scheduleRetry();
      return;
    }
    let ws: SocketLike;
    try {
      ws = new Impl(url, [REALTIME_PROTOCOL, `${options.tokenPrefix ?? REALTIME_TOKEN_PREFIX}${token}`]);
    } catch {
      scheduleRetry();
      return;
    }
    socket = ws;
    ws.onmessage = (event) => {
      let json: unknown;
      try {
        json = JSON.parse(typeof event.data === 'string' ? event.data : String(event.data));
      } catch {
        return;
      }
      const message = ServerMessageSchema.safeParse(json);
      if (!message.success) return;
      if (message.data.type === 'hello') {
        attempt = 0;
        isConnected = true;
        pingTimer = setInterval(() => {
          sendMessage({ type: 'ping', id: ++pingId });
          pongDeadline ??= setTimeout(() => ws.close(4000, 'no pong'), pingTimeout);
        }, pingEvery);
        if (options.syncClientId) sendMessage({ type: 'sync.device', clientId: options.syncClientId });
        options.onConnected();
      } else if (message.data.type === 'poke') {
        options.onPoke();
      } else if (message.data.type === 'pong') {
        if (pongDeadline) clearTimeout(pongDeadline);
        pongDeadline = null;
      }
    };
    ws.onclose = () => {
      if (socket === ws) lost();
    };
    ws.onerror = () => undefined; // a close event follows
  }

  void open();

  return {
    connected: () => isConnected,
    reconnectNow() {
      if (closed || socket) return;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      attempt = 0;
      void open();
    },
    close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      retryTimer = null;
      clearTimers();
      const ws = socket;
      socket = null;
      isConnected = false;
      ws?.close(1000, 'closing');
    },
  };
}
