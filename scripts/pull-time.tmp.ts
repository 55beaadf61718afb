import { openPglite } from '../server/db/pglite-driver';
import { migrate } from '../server/db/migrate';
import { seedDemoIfEmpty } from '../server/seed/seed';
import { buildApp } from '../server/http/app';
const db = await openPglite(undefined);
await migrate(db);
await seedDemoIfEmpty(db, { now: new Date(), log: () => undefined });
const app = await buildApp({ db, tokenSecret: 'bench-secret-bench-secret-bench-secret', logLevel: 'silent' });
const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'clinician@demo.housecall.test', password: 'housecall-demo' } });
const headers = { authorization: `Bearer ${login.json().accessToken}` };
let cursor = ''; 
for (let i = 0; i < 20; i++) {
  const t = performance.now();
  const res = await app.inject({ method: 'GET', url: `/api/sync/pull?cursor=${encodeURIComponent(cursor)}&limit=5000`, headers });
  const page = res.json();
  console.log(i, res.statusCode, Math.round(performance.now() - t), 'ms', page.changes?.length, JSON.stringify(page.progress), page.hasMore);
  cursor = page.cursor; if (!page.hasMore) break;
}
await app.close(); await db.close();
