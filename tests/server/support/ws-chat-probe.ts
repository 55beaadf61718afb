// WebSocket test helpers: listen on a free loopback port and a probe client that awaits messages by type.
import WebSocket from 'ws';
import type { TestApp } from './app';

export async function listen(api: TestApp): Promise<string> {
  await api.app.listen({ port: 0, host: '127.0.0.1' });
  const address = api.app.server.address() as { port: number };
  return `ws://127.0.0.1:${address.port}/ws`;
}

export interface Probe {
  socket: WebSocket;
  messages: Array<{ type: string; [k: string]: unknown }>;
  next(type: string, timeoutMs?: number): Promise<{ type: string; [k: string]: unknown }>;
}

export function connect(url: string, token: string | null): Promise<Probe> {
  return new Promise((resolve, reject) => {
    const protocols = token ? ['housecall.v1', `bearer.${token}`] : ['housecall.v1'];
    const socket = new WebSocket(url, protocols);
    const messages: Probe['messages'] = [];
    const waiters: Array<{ type: string; resolve: (m: Probe['messages'][number]) => void }> = [];
    socket.on('message', (raw) => {
      const msg = JSON.parse(raw.toString());
      messages.push(msg);
      const i = waiters.findIndex((w) => w.type === msg.type);
      if (i >= 0) waiters.splice(i, 1)[0]!.resolve(msg);
    });
    socket.on('unexpected-response', (_req, res) => reject(Object.assign(new Error('refused'), { status: res.statusCode })));
    socket.on('error', reject);
    socket.on('open', () => resolve({
      socket, messages,
      next(type, timeoutMs = 3000) {
        const seen = messages.findIndex((m) => m.type === type);
        if (seen >= 0) return Promise.resolve(messages.splice(seen, 1)[0]!);
        return new Promise((res, rej) => {
          const timer = setTimeout(() => rej(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs);
          waiters.push({ type, resolve: (m) => { clearTimeout(timer); messages.splice(messages.indexOf(m), 1); res(m); } });
        });
      },
    }));
  });
}

