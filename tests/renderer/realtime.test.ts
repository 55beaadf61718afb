// The realtime socket client: authenticates with the token subprotocol, reports pokes, reconnects after a
// drop (asking for a pull on every connect), and stops for good when closed.
import { describe, expect, it } from 'vitest';
import { connectRealtime } from '../../renderer/platform/realtime';
import type { SocketLike } from '../../renderer/platform/realtime';

class FakeSocket implements SocketLike {
  static made: FakeSocket[] = [];
  readyState = 0;
  sent: string[] = [];
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
    this.onclose?.({});
  }
  serverSays(message: object) {
    this.readyState = 1;
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const until = async (condition: () => boolean) => {
  const deadline = Date.now() + 3_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
};

describe('realtime client', () => {
  it('connects with the token, pulls on every (re)connect, passes pokes on, and stops when closed', async () => {
    FakeSocket.made = [];
    const events: string[] = [];
    let token = 'tok-1';
    const connection = connectRealtime({
      url: 'ws://server.test/ws', token: async () => token, WebSocketImpl: FakeSocket,
      onPoke: () => events.push('poke'), onConnected: () => events.push('connected'), onDisconnected: () => events.push('disconnected'),
      backoff: { baseMs: 10, maxMs: 20 },
    });
    await until(() => FakeSocket.made.length === 1);
    const first = FakeSocket.made[0]!;
    expect(first.protocols).toEqual(['housecall.v1', 'bearer.tok-1']);
    first.serverSays({ type: 'hello', userId: '11111111-1111-4111-8111-111111111111' });
    first.serverSays({ type: 'poke' });
    first.serverSays({ type: 'nonsense' });
    expect(connection.connected()).toBe(true);

    token = 'tok-2'; // refreshed meanwhile: the reconnect uses the current token
    first.close();
    await until(() => FakeSocket.made.length === 2);
    const second = FakeSocket.made[1]!;
    expect(second.protocols).toEqual(['housecall.v1', 'bearer.tok-2']);
    second.serverSays({ type: 'hello', userId: '11111111-1111-4111-8111-111111111111' });
    expect(events).toEqual(['connected', 'poke', 'disconnected', 'connected']);

    connection.close();
    await new Promise((r) => setTimeout(r, 60));
    expect(FakeSocket.made).toHaveLength(2);
    expect(connection.connected()).toBe(false);
  });
});
