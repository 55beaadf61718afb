// A care server for the WebSocket capacity benchmark, in its own process: PGlite in memory (PostgreSQL with
// BENCH_DATABASE_URL), N staff users each with a live session and an access token, and a staff conversation
// per pair of users. Prints one JSON line {baseUrl, users, conversations} on stdout, then serves until stdin closes.
import { randomUUID } from 'node:crypto';
import { openPglite } from '../../server/db/pglite-driver';
import { openPostgres } from '../../server/db/postgres-driver';
import { migrate } from '../../server/db/migrate';
import { buildApp } from '../../server/http/app';
import { TokenSigner } from '../../server/auth/tokens';
import { createSession } from '../../server/auth/sessions';
import { createStaffConversation } from '../../server/chat/conversations';

const USERS = Number(process.argv[2] ?? 1000);
const SECRET = 'ws-bench-secret-that-is-long-enough-0123456789';

const url = process.env.BENCH_DATABASE_URL;
const db = url ? await openPostgres({ connectionString: url }) : await openPglite(undefined);
await migrate(db);
const signer = new TokenSigner(SECRET);
const now = new Date();
const users: Array<{ userId: string; token: string }> = [];
const conversations: Array<{ id: string; a: number; b: number }> = [];
await db.transaction(async (tx) => {
  for (let i = 0; i < USERS; i++) {
    const userId = randomUUID();
    // No one signs in with a password here: sessions and tokens are issued directly.
    await tx.query(`INSERT INTO users (id, email, display_name, role, credential, password_hash) VALUES ($1, $2, $3, 'clinician', 'MD', 'not-a-password-hash')`,
      [userId, `bench${i}@bench.housecall.test`, `Bench Clinician ${i}`]);
    const { sessionId } = await createSession(tx, userId, 'bench-device-0001', '127.0.0.1', now);
    users.push({ userId, token: signer.issueAccess({ sub: userId, sid: sessionId, role: 'clinician' }, 3600, Math.floor(now.getTime() / 1000)) });
  }
  for (let i = 0; i + 1 < USERS; i += 2) {
    conversations.push({ id: await createStaffConversation(tx, { createdBy: users[i]!.userId, memberIds: [users[i + 1]!.userId] }), a: i, b: i + 1 });
  }
});
const app = await buildApp({ db, tokenSecret: SECRET, logLevel: 'silent' });
await app.listen({ port: 0, host: '127.0.0.1' });
const baseUrl = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
process.stdout.write(`${JSON.stringify({ baseUrl, users, conversations })}\n`);

const shutdown = async () => {
  await app.close();
  await db.close();
  process.exit(0);
};
process.stdin.on('end', () => void shutdown());
process.stdin.on('close', () => void shutdown());
process.stdin.resume();
