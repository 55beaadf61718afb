// Bad-input fuzzing of the WebSocket hub: every client message type in shared/realtime's union (so types added
// later are covered) with generated messages from and around its schema, plus garbage frames (not JSON, binary,
// unknown types, pollution keys). An invalid message is answered with an error, never acted on, and the
// connection stays usable (a ping right after is answered); an over-size frame closes only that socket.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ClientMessageSchema, REALTIME_HARD_FRAME_LIMIT_BYTES, REALTIME_MAX_MESSAGE_BYTES, ServerMessageSchema } from '../../shared/realtime/messages';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { DriverName, TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import { buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { around, garbage, pollutedJson } from '../support/schema-arbitrary';

const RUNS: Record<DriverName, number> = { pglite: 150, postgres: 40 };
type Message = { type: string; [k: string]: unknown };

/**
 * Refusals of well-formed visit messages by the signaling relay (this clinician is in no visit). They are answered
 * after a database look-up, so one may arrive after the fence of its own frame: the shape checks below look only
 * at the hub's own, synchronous refusals.
 */
const RELAY_REFUSALS = new Set(['not_member', 'not_joined', 'stale_generation', 'visit_ended']);
const shapeReplies = (replies: Message[]) => replies.filter((r) => !(r.type === 'error' && RELAY_REFUSALS.has(String(r.code))));

/** One socket that answers "what did the server say in reply to this frame?" by fencing it with a numbered ping. */
class Fenced {
  private readonly received: Message[] = [];
  private fence = 1_000_000;
  private waiting: { id: number; resolve: (replies: Message[]) => void } | null = null;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (raw) => {
      const msg = ServerMessageSchema.parse(JSON.parse(raw.toString())) as Message;
      if (msg.type === 'pong' && this.waiting && msg.id === this.waiting.id) {
        const replies = this.received.splice(0);
        const w = this.waiting;
        this.waiting = null;
        w.resolve(replies);
      } else if (msg.type !== 'hello' && msg.type !== 'poke') this.received.push(msg);
    });
  }

  static open(url: string, token: string): Promise<Fenced> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(url, ['housecall.v1', `bearer.${token}`]);
      socket.once('open', () => resolve(new Fenced(socket)));
      socket.once('error', reject);
    });
  }

  /** Sends a frame, then a ping; resolves with the server's messages before the pong. */
  exchange(frame: string | Buffer): Promise<Message[]> {
    const id = ++this.fence;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no pong: the connection stopped answering')), 5000);
      this.waiting = { id, resolve: (replies) => { clearTimeout(timer); resolve(replies); } };
      this.socket.send(frame);
      this.socket.send(JSON.stringify({ type: 'ping', id }));
    });
  }
}

describeEachDriver('fuzzing the WebSocket hub', (driver) => {
  let t: TestDatabase;
  let api: TestApp;
  let url: string;
  let token: string;
  let socket: Fenced;
  const counts: Record<string, number> = {};
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    const clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    await api.app.listen({ port: 0, host: '127.0.0.1' });
    url = `ws://127.0.0.1:${(api.app.server.address() as { port: number }).port}/ws`;
    token = (await signIn(api, clinic.emails.clinician)).accessToken;
    socket = await Fenced.open(url, token);
  });
  afterAll(async () => {
    console.log(`WebSocket fuzzing [${driver}]: ${Object.values(counts).reduce((a, b) => a + b, 0)} generated frames: ${JSON.stringify(counts)}`);
    socket.socket.close();
    await api.app.close();
    await t.dispose();
  });

  const types = ClientMessageSchema.options.map((o) => [String(o.shape.type.value), o] as const);

  it.each(types)('%s: messages outside its schema are refused with an error and the connection stays usable', async (type, schema) => {
    await fc.assert(fc.asyncProperty(around(schema), async (message) => {
      counts[type] = (counts[type] ?? 0) + 1;
      const frame = JSON.stringify(message) ?? 'null';
      const replies = shapeReplies(await socket.exchange(frame));
      const valid = ClientMessageSchema.safeParse(message).success;
      if (!valid) {
        expect(replies).toHaveLength(1);
        expect(replies[0]!.type).toBe('error');
        expect(['bad_message', 'unknown_type']).toContain(replies[0]!.code);
      } else {
        expect(replies.filter((r) => r.type === 'error')).toEqual([]);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: RUNS[driver] });
  });

  it('garbage frames (not JSON, binary, unknown types, pollution keys) are refused and the connection stays usable', async () => {
    const frames = fc.oneof(
      fc.string({ maxLength: 80 }),
      garbage().map((g) => JSON.stringify(g) ?? 'null'),
      fc.record({ type: fc.string({ maxLength: 20 }) }).map((m) => JSON.stringify(m)),
      fc.constant(pollutedJson({ type: 'ping' })),
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
    );
    await fc.assert(fc.asyncProperty(frames, async (frame) => {
      counts.garbage = (counts.garbage ?? 0) + 1;
      let parsed: unknown;
      try {
        parsed = typeof frame === 'string' ? JSON.parse(frame) : undefined;
      } catch {
        parsed = undefined;
      }
      const replies = shapeReplies(await socket.exchange(frame));
      if (!ClientMessageSchema.safeParse(parsed).success) {
        expect(replies.map((r) => r.type)).toEqual(['error']);
      }
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: RUNS[driver] * 2 });
  });

  it('an over-size message is refused and the socket kept; a frame over the hard limit closes only that socket (1009)', async () => {
    const tooLarge = shapeReplies(await socket.exchange(JSON.stringify({ type: 'ping', pad: 'x'.repeat(REALTIME_MAX_MESSAGE_BYTES) })));
    expect(tooLarge.map((r) => r.code)).toEqual(['too_large']);
    const victim = await Fenced.open(url, token);
    const closed = new Promise<number>((resolve) => victim.socket.once('close', (code) => resolve(code)));
    victim.socket.send(JSON.stringify({ type: 'ping', pad: 'x'.repeat(REALTIME_HARD_FRAME_LIMIT_BYTES) }));
    expect(await closed).toBe(1009);
    // The relay answers a socket's visit messages in the order sent, so refusals of the frames fuzzed above may still be arriving.
    expect(shapeReplies(await socket.exchange(JSON.stringify({ type: 'ping' })))).toEqual([{ type: 'pong' }]);
    const fresh = await Fenced.open(url, token);
    expect(await fresh.exchange('not json')).toEqual([{ type: 'error', code: 'bad_message', message: 'Messages must be JSON text.' }]);
    fresh.socket.close();
  });
});
