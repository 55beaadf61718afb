// /api/queue-links (a care-team clinician sends a patient a "See a clinician now" link) and /api/queue-entry
// (the patient's page: use the link once to enter the on-demand queue where they are, then read their place in
// it, leave it, and once the visit opens get its patient session). Public routes prove a token instead of a staff sign-in.
import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { CreateQueueEntryLinkRequestSchema, QueueEntryRequestSchema, QueueSessionTokenSchema } from '../../shared/api/queue-entry';
import type { CreateQueueEntryLinkResponse, QueueEntryResponse, QueueEntryStatus } from '../../shared/api/queue-entry';
import type { AppDeps } from '../http/deps';
import { HttpError, conflict, unauthenticated } from '../http/errors';
import { actorOf, deviceIdOf, requirePrincipal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { DEFAULT_RATE_LIMITS, perIp } from '../http/rate-limit';
import { audit } from '../audit/audit-log';
import type { Actor } from '../audit/audit-log';
import { canSeePatient } from '../auth/patient-access';
import { enterQueue, issueQueueEntryLink, leaveQueue, queueEntrySessionFor, queueEntryStatus } from './queue-entry-links';
import type { QueueEntrySession } from './queue-entry-links';

const REFUSED_LINK = {
  invalid: new HttpError(404, 'not_found', 'This link is not valid. Check the link you were sent.'),
  used: new HttpError(410, 'link_used', 'This link has already been used. Ask your care team for a new link.'),
  expired: new HttpError(410, 'link_expired', 'This link has expired. Ask your care team for a new link.'),
} as const;

/** The actor for audit rows written for a patient on the queue page (the link's id stands for the session). */
function queuePatientActor(linkId: string | null, request: FastifyRequest): Actor {
  return { userId: null, role: 'patient', sessionId: linkId, deviceId: deviceIdOf(request), ip: request.ip };
}

async function queueSessionOf(deps: Pick<AppDeps, 'db' | 'now'>, request: FastifyRequest): Promise<QueueEntrySession> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!QueueSessionTokenSchema.safeParse(token).success) throw unauthenticated('Open your link again to continue.');
  const session = await queueEntrySessionFor(deps.db, token, deps.now());
  if (!session) throw unauthenticated('This waiting room session has ended. Ask your care team for a new link.');
  return session;
}

export function queueEntryRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<z.infer<typeof CreateQueueEntryLinkRequestSchema>>({
      method: 'POST', url: '/api/queue-links', access: ['clinician'], phi: true, body: CreateQueueEntryLinkRequestSchema,
      handler: async ({ body, request, reply }) => {
        const principal = requirePrincipal(request);
        if (!(await canSeePatient(deps.db, principal, body.patientId))) {
          await audit(deps.db, actorOf(request), { action: 'queue.link.create', outcome: 'denied', resource: 'patient', resourceId: body.patientId });
          throw new HttpError(404, 'not_found', 'No patient with that id is on your care team.');
        }
        const link = await deps.db.transaction(async (tx) => {
          const issued = await issueQueueEntryLink(tx, body.patientId, principal.userId, deps.now());
          await audit(tx, actorOf(request), { action: 'queue.link.create', outcome: 'allowed', patientId: body.patientId, resource: 'queue_entry_link', resourceId: issued.id });
          return issued;
        });
        reply.code(201);
        const answer: CreateQueueEntryLinkResponse = { link: { path: `/now/${link.token}`, expiresAt: link.expiresAt.toISOString() } };
        return answer;
      },
    }),
    route<z.infer<typeof QueueEntryRequestSchema>>({
      method: 'POST', url: '/api/queue-entry', access: 'public', phi: true, body: QueueEntryRequestSchema,
      rateLimit: [perIp('join', (deps.rateLimits ?? DEFAULT_RATE_LIMITS).joinPerIp, 'attempts to open a visit link from this address')],
      handler: async ({ body, request, reply }) => {
        const outcome = await deps.db.transaction(async (tx) => {
          const entered = await enterQueue(tx, body, deps.now());
          if (entered.ok) {
            await audit(tx, queuePatientActor(entered.linkId, request), {
              action: 'queue.request.create', outcome: 'allowed', patientId: entered.patientId, resource: 'queue_request', resourceId: entered.requestId,
              detail: { locationState: body.locationState, urgency: body.urgency },
            });
          }
          return entered;
        });
        if (!outcome.ok) {
          await audit(deps.db, queuePatientActor(null, request), { action: 'queue.request.create', outcome: 'denied', resource: 'queue_entry_link', detail: { reason: outcome.reason } });
          throw REFUSED_LINK[outcome.reason];
        }
        reply.code(201);
        const answer: QueueEntryResponse = { sessionToken: outcome.sessionToken, expiresAt: outcome.sessionExpiresAt.toISOString() };
        return answer;
      },
    }),
    route({
      // Public as far as staff sign-in goes: the caller proves the waiting page's session instead.
      method: 'GET', url: '/api/queue-entry', access: 'public', phi: true,
      handler: async ({ request }) => {
        const session = await queueSessionOf(deps, request);
        const answer: QueueEntryStatus = await deps.db.transaction(async (tx) => {
          const { status, visitSessionId } = await queueEntryStatus(tx, session, deps.now());
          await audit(tx, queuePatientActor(session.linkId, request), {
            action: 'queue.request.read', outcome: 'allowed', patientId: session.patientId, resource: 'queue_request', resourceId: session.requestId,
            detail: { status: status.status, ...(status.status === 'visit' && status.sessionToken ? { visitSessionIssued: visitSessionId } : {}) },
          });
          return status;
        });
        return answer;
      },
    }),
    route({
      method: 'POST', url: '/api/queue-entry/leave', access: 'public', phi: true,
      handler: async ({ request }) => {
        const session = await queueSessionOf(deps, request);
        const outcome = await deps.db.transaction(async (tx) => {
          const left = await leaveQueue(tx, session);
          await audit(tx, queuePatientActor(session.linkId, request), {
            action: 'queue.request.cancel', outcome: left === 'taken' ? 'denied' : 'allowed', patientId: session.patientId, resource: 'queue_request', resourceId: session.requestId,
            detail: { outcome: left },
          });
          return left;
        });
        if (outcome === 'taken') throw conflict('A clinician has already taken you: your video visit is about to start.');
        const answer: QueueEntryStatus = { status: 'closed' };
        return answer;
      },
    }),
  ];
}
