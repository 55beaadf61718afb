// /api/sync/push and /api/sync/pull: the offline-first data layer's two endpoints.
import type { z } from 'zod';
import { MAX_PUSH_BODY_BYTES, PullQuerySchema, PushRequestSchema } from '../../shared/sync/protocol';
import type { AppDeps } from '../http/deps';
import { badRequest } from '../http/errors';
import { actorOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { push } from './push';
import { BadCursorError, pull } from './pull';
import { PullAuditMemo } from './pull-audit';
import { deliveredByPull, markDelivered } from '../chat/receipts';
import { staffPrincipal } from '../chat/chat-principal';

const SYNC_ROLES = ['clinician', 'dispatcher', 'courier'] as const;

export function syncRoutes(deps: AppDeps): RouteSpec[] {
  const pullAudit = new PullAuditMemo();
  return [
    route<z.infer<typeof PushRequestSchema>>({
      // A batch may carry full-length notes: a larger body limit than the API's default.
      method: 'POST', url: '/api/sync/push', access: SYNC_ROLES, phi: true, body: PushRequestSchema, bodyLimit: MAX_PUSH_BODY_BYTES,
      handler: async ({ body, request }) => {
        const results = await push(deps, requirePrincipal(request), actorOf(request), body, (error) =>
          request.log.error({ err: { type: (error as Error)?.name, code: (error as { code?: string })?.code ?? null } }, 'mutation failed'));
        return { results };
      },
    }),
    route<undefined, z.infer<typeof PullQuerySchema>>({
      method: 'GET', url: '/api/sync/pull', access: SYNC_ROLES, phi: true, query: PullQuerySchema,
      handler: async ({ query, request }) => {
        const principal = requirePrincipal(request);
        try {
          const page = await pull(deps.db, principal, query);
          await pullAudit.auditPage(deps.db, actorOf(request), query.cursor, page);
          // Messages from others reached this device: their senders see them delivered.
          const delivered = deliveredByPull(page.changes, principal.userId);
          if (delivered.size > 0) await deps.db.transaction((tx) => markDelivered(tx, staffPrincipal(principal), delivered));
          return page;
        } catch (error) {
          if (error instanceof BadCursorError) throw badRequest(error.message, ['cursor']);
          throw error;
        }
      },
    }),
  ];
}
