// /api/admin/*: user administration and the audit log query (role admin only).
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import { AuditQuerySchema, CreateUserRequestSchema, UserIdParamsSchema } from '../../shared/api/admin';
import type { AppDeps } from '../http/deps';
import { conflict, notFound } from '../http/errors';
import { actorOf } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit, queryAudit } from '../audit/audit-log';
import { hashPassword } from '../auth/passwords';
import { getUser, listUsers } from '../auth/users';

const ADMIN = ['admin'] as const;

export function adminRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route({
      method: 'GET', url: '/api/admin/users', access: ADMIN,
      handler: async () => ({ users: await listUsers(deps.db) }),
    }),
    route<z.infer<typeof CreateUserRequestSchema>>({
      method: 'POST', url: '/api/admin/users', access: ADMIN, body: CreateUserRequestSchema,
      handler: async ({ body, request, reply }) => {
        const id = randomUUID();
        const passwordHash = await hashPassword(body.password);
        const created = await deps.db.transaction(async (tx) => {
          const inserted = await tx.query(
            `INSERT INTO users (id, email, display_name, role, credential, time_zone, password_hash)
             VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (email) DO NOTHING`,
            [id, body.email.toLowerCase(), body.displayName, body.role, body.credential, body.timeZone, passwordHash],
          );
          if (inserted.rowCount === 0) return false;
          await audit(tx, actorOf(request), { action: 'admin.user_create', outcome: 'allowed', resource: 'user', resourceId: id });
          return true;
        });
        if (!created) throw conflict('A user with that email already exists.');
        reply.code(201);
        return { user: await getUser(deps.db, id) };
      },
    }),
    route<undefined, undefined, z.infer<typeof UserIdParamsSchema>>({
      method: 'POST', url: '/api/admin/users/:id/unlock', access: ADMIN, params: UserIdParamsSchema,
      handler: async ({ params, request }) => {
        const found = await deps.db.transaction(async (tx) => {
          const updated = await tx.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE id = $1', [params.id]);
          if (updated.rowCount === 0) return false;
          await audit(tx, actorOf(request), { action: 'admin.user_unlock', outcome: 'allowed', resource: 'user', resourceId: params.id });
          return true;
        });
        if (!found) throw notFound('No such user.');
        return undefined;
      },
    }),
    route<undefined, z.infer<typeof AuditQuerySchema>>({
      method: 'GET', url: '/api/admin/audit', access: ADMIN, query: AuditQuerySchema,
      handler: ({ query }) => queryAudit(deps.db, query),
    }),
  ];
}
