// The PostgreSQL driver survives a connection that PostgreSQL ends in the same packet that finishes its start-up
// (what a shutdown or restart does to a connection just being opened): node-postgres hands the new client out and
// then, before the caller's code runs, emits the FATAL error on it; without a listener that killed the server (the
// fault soak's crash after a PostgreSQL restart). A tiny fake server speaks just enough of the wire protocol.
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { openPostgres } from '../../server/db/postgres-driver';

/** A backend message: type byte, int32 length (itself included), body. */
function message(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(5);
  head.write(type, 0, 'latin1');
  head.writeInt32BE(body.length + 4, 1);
  return Buffer.concat([head, body]);
}
const authenticationOk = () => message('R', Buffer.from([0, 0, 0, 0]));
const readyForQuery = () => message('Z', Buffer.from('I'));
const commandComplete = (tag: string) => message('C', Buffer.from(`${tag}\0`));
const fatalAdminShutdown = () => message('E', Buffer.from('SFATAL\0C57P01\0Mterminating connection due to administrator command\0\0'));

/**
 * Connection 1 answers one simple query (with an empty result) and closes; every later connection gets its
 * start-up answer and the FATAL shutdown error in one write, then is closed.
 */
async function fakePostgres(): Promise<{ url: string; close(): Promise<void> }> {
  let connections = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    const n = ++connections;
    let started = false;
    let buffered = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (!started) {
        if (buffered.length < 4 || buffered.length < buffered.readInt32BE(0)) return;
        buffered = buffered.subarray(buffered.readInt32BE(0));
        started = true;
        if (n > 1) {
          socket.end(Buffer.concat([authenticationOk(), readyForQuery(), fatalAdminShutdown()]));
          return;
        }
        socket.write(Buffer.concat([authenticationOk(), readyForQuery()]));
      }
      while (buffered.length >= 5 && buffered.length >= 1 + buffered.readInt32BE(1)) {
        const type = String.fromCharCode(buffered[0]!);
        buffered = buffered.subarray(1 + buffered.readInt32BE(1));
        // The first query answered, the connection goes away: the pool drops it and opens new ones after.
        if (type === 'Q') socket.end(Buffer.concat([commandComplete('SELECT 0'), readyForQuery()]));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    async close() {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('PostgreSQL driver: a connection ended as it is handed out', () => {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function openOnFake() {
    const fake = await fakePostgres();
    cleanup.push(() => fake.close());
    const db = await openPostgres({ connectionString: fake.url });
    cleanup.push(() => db.close().catch(() => undefined));
    await new Promise((r) => setTimeout(r, 100)); // the pool notices the first connection closed
    return db;
  }

  it('a transaction on it fails with an error instead of crashing the process', async () => {
    const db = await openOnFake();
    await expect(db.transaction(async (tx) => tx.query('SELECT 1'))).rejects.toThrow();
    await expect(db.transaction(async (tx) => tx.query('SELECT 1'))).rejects.toThrow();
  });

  it('a LISTEN on it fails with an error instead of crashing the process', async () => {
    const db = await openOnFake();
    await expect(db.listen('some_channel', () => undefined)).rejects.toThrow();
  });
});
