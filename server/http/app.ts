// Builds the care server's Fastify app: logging without PHI, error envelopes, security headers, every route.
import Fastify, { LogController } from 'fastify';
import type { FastifyInstance } from 'fastify';
import type { Database } from '../db/database';
import type { ClientConfig } from '../../shared/api/client-config';
import { TokenSigner } from '../auth/tokens';
import { authRoutes } from '../auth/auth-routes';
import { adminRoutes } from '../admin/admin-routes';
import { patientRoutes } from '../patients/patient-routes';
import { appointmentRoutes } from '../appointments/appointment-routes';
import { syncRoutes } from '../sync/sync-routes';
import { fhirRoutes } from '../fhir/fhir-routes';
import { rxRoutes } from '../rx/rx-routes';
import { icd10Routes } from '../icd10/icd10-routes';
import { chatRoutes } from '../chat/chat-routes';
import { patientChatRoutes } from '../chat/patient-chat-routes';
import { dispatchRoutes } from '../dispatch/dispatch-routes';
import type { AppDeps } from './deps';
import type { RateLimits } from './rate-limit';
import { frameworkErrorReply, installErrorHandling } from './error-handler';
import { installSecurityHeaders } from './security-headers';
import { installCors } from './cors';
import { makeAuthenticator, makeTokenAuthenticator } from './authenticate';
import { SessionCache } from '../auth/session-cache';
import { installHub } from '../realtime/hub';
import type { Hub } from '../realtime/hub';
import { databaseBus } from '../realtime/bus';
import { route, registerRoutes } from './route';
import type { RouteSpec } from './route';
import { serveWebApp } from './web-app';
import { DEFAULT_VIDEO_CONFIG } from '../config';
import type { VideoConfig } from '../config';
import { visitRoutes } from '../visits/visit-routes';
import { createVisitSignaling } from '../visits/signaling';
import { queueEntryRoutes } from '../queue/queue-entry-routes';

export const DEFAULT_CLIENT_CONFIG: ClientConfig = { autoLockMinutes: 15, signOutAfterMinutes: 480, offlineCacheMaxAgeHours: 72 };

/** Request bodies above this are refused with 413 (attachments will get their own, larger route). */
export const BODY_LIMIT_BYTES = 64 * 1024;

declare module 'fastify' {
  interface FastifyInstance {
    hub: Hub;
  }
}

export interface AppOptions {
  db: Database;
  tokenSecret: string;
  logLevel?: string;
  webDir?: string;
  now?: () => Date;
  /** Settings every workstation receives from GET /api/config. */
  clientConfig?: ClientConfig;
  /** ICE servers and join link lifetime for video visits. */
  video?: VideoConfig;
  /** Request rate limits (sign-in per address and per account); DEFAULT_RATE_LIMITS when absent. */
  rateLimits?: RateLimits;
  /** Where log lines go (default stdout); tests capture them to prove they carry no PHI. */
  logStream?: { write(line: string): void };
}

/** Fastify's own per-request lines include the raw URL (query strings can name patients): we log our own. */
class PhiSafeLogController extends LogController {
  constructor() {
    super({ disableRequestLogging: true });
  }
  override routeNotFound(request: Parameters<LogController['routeNotFound']>[0]): void {
    request.log.info({ method: request.method }, 'route not found');
  }
}

export function allRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route({ method: 'GET', url: '/api/health', access: 'public', handler: async () => ({ status: 'ok', database: deps.db.kind }) }),
    route({ method: 'GET', url: '/api/config', access: 'public', handler: async () => deps.clientConfig }),
    ...authRoutes(deps),
    ...adminRoutes(deps),
    ...patientRoutes(deps),
    ...appointmentRoutes(deps),
    ...syncRoutes(deps),
    ...fhirRoutes(deps),
    ...rxRoutes(deps),
    ...visitRoutes(deps),
    ...queueEntryRoutes(deps),
    ...icd10Routes(),
    ...chatRoutes(deps),
    ...patientChatRoutes(deps),
    ...dispatchRoutes(deps),
  ];
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    bodyLimit: BODY_LIMIT_BYTES,
    // Shutdown must not wait on idle keep-alive connections a client left open.
    forceCloseConnections: true,
    logController: new PhiSafeLogController(),
    trustProxy: false,
    frameworkErrors: frameworkErrorReply,
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Only the method and route pattern are logged: URLs and bodies can carry patient data.
      serializers: { req: (req) => ({ method: req.method }), res: (res) => ({ statusCode: res.statusCode }) },
    },
  });
  app.decorateRequest('principal', null);
  app.removeContentTypeParser('text/plain'); // the API takes JSON only: anything else is a 415
  app.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, app.getDefaultJsonParser('error', 'error'));
  // Chat image uploads arrive as raw bytes; the route checks the declared type against the bytes themselves.
  app.addContentTypeParser(/^(image\/[a-z0-9.+-]+|application\/octet-stream)$/, { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  const deps: AppDeps = {
    db: options.db, signer: new TokenSigner(options.tokenSecret), now: options.now ?? (() => new Date()),
    clientConfig: options.clientConfig ?? DEFAULT_CLIENT_CONFIG, video: options.video ?? DEFAULT_VIDEO_CONFIG, sessions: new SessionCache(),
    ...(options.rateLimits ? { rateLimits: options.rateLimits } : {}),
  };

  app.addHook('onResponse', async (request, reply) => {
    request.log.info({ route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode, ms: Math.round(reply.elapsedTime), user: request.principal?.userId }, 'request');
  });
  installCors(app);
  installSecurityHeaders(app);
  const indexFallback = options.webDir ? await serveWebApp(app, options.webDir) : undefined;
  installErrorHandling(app, indexFallback);
  registerRoutes(app, allRoutes(deps), makeAuthenticator(deps), deps.now);
  const bus = databaseBus(options.db);
  const stopSessionNotices = await deps.sessions.listen(bus);
  app.addHook('onClose', stopSessionNotices);
  const signaling = await createVisitSignaling({ db: options.db, bus, log: app.log, now: deps.now });
  const hub = await installHub(app, { db: options.db, bus, authenticate: makeTokenAuthenticator(deps), signaling });
  app.decorate('hub', hub);
  app.addHook('onClose', async () => hub.close());
  return app;
}
