// A test WebSocket client for /ws: connects with staff or visit-session subprotocols and awaits messages by type.
import WebSocket from 'ws';
import type { TestApp } from './app';

export interface ProbeMessage { type: string; [k: string]: unknown }

export interface Probe {
  socket: WebSocket;
  messages: ProbeMessage[];
  next(type: string, timeoutMs?: number, match?: (m: ProbeMessage) => boolean): Promise<ProbeMessage>;
  send(message: unknown): void;
}

export async function listenForWs(api: TestApp): Promise<string> {
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.server.address() as { port: number };
  return `ws://127.0.0.1:${address.port}/ws`;
}

/** auth: {bearer} for staff, {visit} for a patient's visit session token. */
export function connectProbe(url: string, auth: { bearer?: string; visit?: string }): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const protocols = ['housecall.v1', ...(auth.bearer ? [`bearer.${auth.bearer}`] : []), ...(auth.visit ? [`visit.${auth.visit}`] : [])];
    const socket = new WebSocket(url, protocols);
    const messages: ProbeMessage[] = [];
    const waiters: Array<{ type: string; match: (m: ProbeMessage) => boolean; resolve: (m: ProbeMessage) => void }> = [];
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw.toString()) as ProbeMessage;
      const i = waiters.findIndex((w) => w.type === msg.type && w.match(msg));
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
      else messages.push(msg);
    });
    socket.on('unexpected-response', (_req, res) => reject(Object.assign(new Error('refused'), { status: res.statusCode })));
    socket.on('error', reject);
    socket.on('open', () => resolve({
      socket, messages,
      send: (message) => socket.send(typeof message === 'string' ? message : JSON.stringify(message)),
      next(type, timeoutMs = 4000, match = () => true) {
        const seen = messages.findIndex((m) => m.type === type && match(m));
        if (seen >= 0) return Promise.resolve(messages.splice(seen, 1)[0]!);
        return new Promise((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
          waiters.push({ type, match, resolve: (m) => { clearTimeout(timer); res(m); } });
        });
      },
    }));
  });
}
