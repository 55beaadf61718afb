// Serves the built web workstation (dist/renderer) at /, with index.html for the app's own routes.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

/** Registers static serving if the folder holds a build; returns the index fallback, or undefined. */
export async function serveWebApp(app: FastifyInstance, webDir: string): Promise<((request: FastifyRequest, reply: FastifyReply) => unknown) | undefined> {
  if (!existsSync(path.join(webDir, 'index.html'))) {
    app.log.warn({ webDir }, 'web workstation is not built (run npm run build): only the API is served');
    return undefined;
  }
  await app.register(fastifyStatic, { root: webDir, prefix: '/', index: ['index.html'], wildcard: true, cacheControl: false });
  return (_request, reply) => reply.header('Cache-Control', 'no-cache').sendFile('index.html');
}
