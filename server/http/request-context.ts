// What the server knows about the caller of a request: device, address, and (once authenticated) who they are.
import type { FastifyRequest } from 'fastify';
import { DEVICE_HEADER, DeviceIdSchema } from '../../shared/api/auth';
import type { Role } from '../../shared/domain/roles';
import type { Actor } from '../audit/audit-log';

export interface Principal {
  userId: string;
  role: Role;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
  }
}

/** The device id header if well-formed, else 'unknown' (the audit log still records the request). */
export function deviceIdOf(request: FastifyRequest): string {
  const raw = request.headers[DEVICE_HEADER];
  const parsed = DeviceIdSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success ? parsed.data : 'unknown';
}

export function actorOf(request: FastifyRequest): Actor {
  const p = request.principal;
  return { userId: p?.userId ?? null, role: p?.role ?? null, sessionId: p?.sessionId ?? null, deviceId: deviceIdOf(request), ip: request.ip };
}

export function requirePrincipal(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('route declared public but used the principal');
  return request.principal;
}
