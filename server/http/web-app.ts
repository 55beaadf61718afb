// Serves the built web workstation (dist/renderer) at /, with index.html for the app's own routes, and the
// patient join page (join/index.html) at /join/<token> and at /now/<token> (a "See a clinician now" link).
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
  const hasJoinPage = existsSync(path.join(webDir, 'join', 'index.html'));
  return (request, reply) => {
    // The token in the address is never logged (request lines carry the method and route pattern only).
    if (hasJoinPage && /^\/(join|now)\/[^/]+\/?$/.test(request.url.split('?')[0] ?? '')) {
      return reply.header('Cache-Control', 'no-store').sendFile('join/index.html');
    }
    return reply.header('Cache-Control', 'no-cache').sendFile('index.html');
  };
}
