// Declarative routes: each names its access (public or the roles allowed) and the zod schemas of its input,
// so authentication, role checks and validation happen in one place and a test can enumerate every route.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { Role } from '../../shared/domain/roles';
import type { Principal } from './request-context';
import { forbidden, parseInput } from './errors';
import { RateLimiter, rateLimited } from './rate-limit';
import type { RateLimitRule } from './rate-limit';

export type RouteAccess = 'public' | 'signed-in' | readonly Role[];

export interface RouteInput<B, Q, P> {
  body: B;
  query: Q;
  params: P;
  request: FastifyRequest;
  reply: FastifyReply;
}

export interface RouteSpec<B = unknown, Q = unknown, P = unknown> {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  access: RouteAccess;
  /** True when the route reads or writes patient data (it must audit, and access is checked per patient). */
  phi?: boolean;
  body?: z.ZodType<B>;
  query?: z.ZodType<Q>;
  params?: z.ZodType<P>;
  /** Largest request body this route accepts, in bytes, when above the app's default (e.g. FHIR bundles). */
  bodyLimit?: number;
  /** Request rate limits (e.g. per caller address and per account on sign-in): over a limit is a 429 with Retry-After. */
  rateLimit?: readonly RateLimitRule[];
  handler(input: RouteInput<B, Q, P>): Promise<unknown>;
}

/** Typed constructor so each route's handler sees its parsed input types. */
export function route<B = undefined, Q = undefined, P = undefined>(spec: RouteSpec<B, Q, P>): RouteSpec {
  return spec as unknown as RouteSpec;
}

export function roleAllowed(access: RouteAccess, principal: Principal | null): boolean {
  if (access === 'public') return true;
  if (!principal) return false;
  if (access === 'signed-in') return true;
  return access.includes(principal.role);
}

export type Authenticator = (request: FastifyRequest) => Promise<Principal>;

export function registerRoutes(app: FastifyInstance, routes: readonly RouteSpec[], authenticate: Authenticator, now: () => Date = () => new Date()): void {
  const limiter = new RateLimiter(now);
  for (const spec of routes) {
    app.route({
      method: spec.method,
      url: spec.url,
      ...(spec.bodyLimit ? { bodyLimit: spec.bodyLimit } : {}),
      handler: async (request, reply) => {
        if (spec.access !== 'public') {
          request.principal = await authenticate(request);
          if (!roleAllowed(spec.access, request.principal)) throw forbidden();
        }
        const input: RouteInput<unknown, unknown, unknown> = {
          body: spec.body ? parseInput(spec.body, request.body, 'request body') : undefined,
          query: spec.query ? parseInput(spec.query, request.query, 'query') : undefined,
          params: spec.params ? parseInput(spec.params, request.params, 'address') : undefined,
          request,
          reply,
        };
        const refusal = spec.rateLimit ? limiter.check(spec.rateLimit, input) : null;
        if (refusal) {
          reply.header('retry-after', String(refusal.retryAfterSeconds));
          throw rateLimited(refusal.what, refusal.retryAfterSeconds);
        }
        const result = await spec.handler(input);
        // A handler that sent the reply itself (e.g. binary content) returns it; awaiting a reply yields undefined.
        if (reply.sent) return reply;
        if (result === undefined) return reply.code(204).send();
        return result;
      },
    });
  }
}
