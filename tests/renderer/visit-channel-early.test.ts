// The signaling channel opened before the visit id is known ("Start video visit" connects while the server checks
// the start): it connects and is greeted at once, joins only when the id arrives, closes when the id is null; and
// the early channel hands what arrived before the call existed to the call controller, in order.
import { describe, expect, it } from 'vitest';
import { openVisitChannel } from '../../renderer/platform/visit-channel';
import type { VisitChannelOptions } from '../../renderer/platform/visit-channel';
import type { SocketLike } from '../../renderer/platform/realtime';
import { openEarlyChannel } from '../../renderer/features/video/early-channel';
import type { VisitServerMessage } from '../../shared/realtime/messages';

const visitId = '33333333-3333-4333-8333-333333333333';

class FakeSocket implements SocketLike {
  static made: FakeSocket[] = [];
  readyState = 1;
  sent: unknown[] = [];
  closed = false;
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: unknown }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string, readonly protocols: string[]) {
    FakeSocket.made.push(this);
  }
  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closed = true;
    this.readyState = 3;
  }
  server(message: unknown) {
    this.onmessage?.({ data: JSON.stringify(message) });
  }
}

const tick = () => new Promise((r) => setTimeout(r, 0));
const deferred = <T>() => {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => { resolve = r; });
  return { promise, resolve };
};
const open = (options: Omit<VisitChannelOptions, 'auth'>) => openVisitChannel({ ...options, url: 'ws://care.test/ws', WebSocketImpl: FakeSocket, auth: { kind: 'patient', sessionToken: 'hcv_test' } });

describe('a visit channel whose visit id comes later', () => {
  it('connects at once, joins when the id arrives, and delivers that visit\'s messages', async () => {
    FakeSocket.made = [];
    const id = deferred<string | null>();
    const messages: VisitServerMessage[] = [];
    const connections: boolean[] = [];
    const channel = open({ visitId: id.promise, onMessage: (m) => messages.push(m), onConnectionChange: (c) => connections.push(c) });
    await tick();
    const socket = FakeSocket.made[0]!;
    socket.server({ type: 'hello', userId: null });
    expect(socket.sent).toEqual([]); // greeted, but no visit to join yet
    id.resolve(visitId);
    await tick();
    expect(socket.sent).toEqual([{ type: 'visit.join', visitId }]);
    socket.server({ type: 'visit.joined', visitId, as: 'clinician', status: 'waiting', generation: 0 });
    socket.server({ type: 'visit.presence', visitId: '44444444-4444-4444-8444-444444444444', member: 'patient', present: true }); // another visit
    expect(connections).toEqual([true]);
    expect(messages.map((m) => m.type)).toEqual(['visit.joined']);
    channel.sendSignal(1, { type: 'offer', sdp: 'v=0' });
    expect(socket.sent.at(-1)).toEqual({ type: 'visit.signal', visitId, generation: 1, signal: { type: 'offer', sdp: 'v=0' } });
    channel.close();
  });

  it('closes without joining when the id is null (the call is not to start now)', async () => {
    FakeSocket.made = [];
    const id = deferred<string | null>();
    open({ visitId: id.promise, onMessage: () => undefined });
    await tick();
    FakeSocket.made[0]!.server({ type: 'hello', userId: null });
    id.resolve(null);
    await tick();
    expect(FakeSocket.made[0]!.sent).toEqual([]);
    expect(FakeSocket.made[0]!.closed).toBe(true);
  });
});

describe('the early channel', () => {
  it('keeps what arrived before the call took it over and hands it over in order', async () => {
    FakeSocket.made = [];
    const id = deferred<string | null>();
    const early = openEarlyChannel(id.promise, open);
    await tick();
    const socket = FakeSocket.made[0]!;
    socket.server({ type: 'hello', userId: null });
    id.resolve(visitId);
    await tick();
    socket.server({ type: 'visit.joined', visitId, as: 'clinician', status: 'waiting', generation: 2 });
    socket.server({ type: 'visit.presence', visitId, member: 'patient', present: true });
    const seen: string[] = [];
    const channel = early.adopt({ onMessage: (m) => seen.push(m.type), onConnectionChange: (c) => seen.push(`connected:${c}`) });
    expect(seen).toEqual(['connected:true', 'visit.joined', 'visit.presence']);
    socket.server({ type: 'visit.status', visitId, status: 'in_progress' });
    expect(seen.at(-1)).toBe('visit.status');
    channel.close();
    expect(socket.sent.at(-1)).toEqual({ type: 'visit.leave', visitId });
  });
});
