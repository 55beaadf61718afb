// Starts a care server: opens the database (migrations), seeds the demo clinic into an empty one if
// configured, builds the app and listens. Used by main.ts and by tests that need a real server.
import type { FastifyInstance } from 'fastify';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { openDatabase } from './db/open';
import { ensureTokenSecret } from './auth/token-secret';
import { buildApp } from './http/app';
import { seedDemoIfEmpty } from './seed/seed';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  close(): Promise<void>;
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  const db = await openDatabase(config);
  try {
    const tokenSecret = config.tokenSecret ?? (await ensureTokenSecret(db));
    const app = await buildApp({ db, tokenSecret, logLevel: config.logLevel, webDir: config.webDir, clientConfig: config.client, video: config.video, rateLimits: config.rateLimits });
    if (config.seedDemo) {
      const outcome = await seedDemoIfEmpty(db, { now: new Date() });
      app.log.info({ outcome }, 'demo clinic');
    }
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    let closed = false;
    return {
      app,
      db,
      url: `http://localhost:${port}`,
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await db.close();
      },
    };
  } catch (error) {
    await db.close();
    throw error;
  }
}
