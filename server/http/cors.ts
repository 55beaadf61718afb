// Cross-origin access for the Electron workstation, whose pages come from app://housecall and call the
// care server over HTTP(S). Only that origin (and any configured extra ones) may; browsers use same-origin.
import type { FastifyInstance } from 'fastify';

export const ELECTRON_APP_ORIGIN = 'app://housecall';

const ALLOWED_HEADERS = 'authorization, content-type, x-housecall-device';
const ALLOWED_METHODS = 'GET, POST, PUT, PATCH, DELETE';

export function installCors(app: FastifyInstance, allowedOrigins: readonly string[] = [ELECTRON_APP_ORIGIN]): void {
  const allowed = new Set(allowedOrigins);
  app.addHook('onRequest', async (request, reply) => {
    const origin = request.headers.origin;
    if (!origin || !allowed.has(origin)) return;
    reply.header('Access-Control-Allow-Origin', origin);
    reply.header('Vary', 'Origin');
    if (request.method === 'OPTIONS') {
      reply.header('Access-Control-Allow-Methods', ALLOWED_METHODS);
      reply.header('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      reply.header('Access-Control-Max-Age', '600');
      return reply.code(204).send();
    }
  });
}
