// /api/visits (clinician: start a video visit with a one-time patient link, read it, end it) and /api/join
// (the patient join page: exchange the link for a visit-scoped session, read the visit's state).
import type { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { JoinSessionRequestSchema, PatientSessionTokenSchema, StartVisitRequestSchema, VisitIdParamsSchema } from '../../shared/api/visits';
import type { JoinSessionResponse, JoinVisit, StartVisitResponse, VisitDetail } from '../../shared/api/visits';
import type { StateLicense } from '../../shared/domain/user';
import type { UsState } from '../../shared/domain/states';
import { checkLicensure } from '../../shared/rules/licensure';
import type { AppDeps } from '../http/deps';
import { HttpError, conflict, unauthenticated } from '../http/errors';
import { actorOf, deviceIdOf, requirePrincipal } from '../http/request-context';
import type { Principal } from '../http/request-context';
import { route } from '../http/route';
import type { RouteSpec } from '../http/route';
import { audit } from '../audit/audit-log';
import type { Actor } from '../audit/audit-log';
import type { Queryable } from '../db/database';
import { endVisit, exchangeJoinToken, issueJoinLink, loadVisit, openVisitFor, patientIsPresent, patientSessionFor, publicVisit } from './visit-repository';
import type { PatientSession, VisitRecord } from './visit-repository';
import { publishVisitEvent } from './visit-events';
import { notifyPatientPage } from '../sync/change-log';
import { DEFAULT_RATE_LIMITS, perIp } from '../http/rate-limit';

/** The actor for audit rows written on behalf of a patient's visit session. */
export function patientActor(session: Pick<PatientSession, 'sessionId'>, request: { ip: string } & Parameters<typeof deviceIdOf>[0]): Actor {
  return { userId: null, role: 'patient', sessionId: session.sessionId, deviceId: deviceIdOf(request), ip: request.ip };
}

async function licensesOf(db: Queryable, userId: string): Promise<StateLicense[]> {
  const { rows } = await db.query<{ state: UsState; license_number: string; expires_on: string }>(
    'SELECT state, license_number, expires_on FROM staff_licenses WHERE user_id = $1', [userId]);
  return rows.map((r) => ({ state: r.state, licenseNumber: r.license_number, expiresOn: r.expires_on }));
}

/** The clinician's own visit, or a 404 (audited as denied) that says nothing about other clinicians' visits. */
async function ownVisit(deps: AppDeps, request: FastifyRequest, principal: Principal, visitId: string, action: string): Promise<VisitRecord> {
  const visit = await loadVisit(deps.db, visitId);
  if (!visit || visit.clinicianId !== principal.userId) {
    await audit(deps.db, actorOf(request), { action, outcome: 'denied', resource: 'visit', resourceId: visitId });
    throw new HttpError(404, 'not_found', 'No video visit with that id is available to you.');
  }
  return visit;
}

/** The live visit-scoped patient session named by the request's bearer token, or a 401 (unknown, expired, revoked, ended). */
export async function patientSessionOf(deps: Pick<AppDeps, 'db' | 'now'>, request: FastifyRequest): Promise<PatientSession> {
  const header = request.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice('Bearer '.length).trim() : '';
  if (!PatientSessionTokenSchema.safeParse(token).success) throw unauthenticated('Open your visit link again to continue.');
  const session = await patientSessionFor(deps.db, token, deps.now());
  if (!session) throw unauthenticated('This visit session has ended. If your visit is still going on, ask for a new link.');
  return session;
}

const REFUSED_LINK = {
  invalid: new HttpError(404, 'not_found', 'This visit link is not valid. Check the link you were sent.'),
  used: new HttpError(410, 'link_used', 'This visit link has already been used. Ask your care team for a new link.'),
  expired: new HttpError(410, 'link_expired', 'This visit link has expired. Ask your care team for a new link.'),
  ended: new HttpError(410, 'link_expired', 'This visit has ended.'),
} as const;

export function visitRoutes(deps: AppDeps): RouteSpec[] {
  return [
    route<z.infer<typeof StartVisitRequestSchema>>({
      method: 'POST', url: '/api/visits', access: ['clinician'], phi: true, body: StartVisitRequestSchema,
      handler: async ({ body, request, reply }) => {
        const principal = requirePrincipal(request);
        const now = deps.now();
        const { rows } = await deps.db.query<{ id: string; patient_id: string; clinician_id: string; kind: string; status: string; location_state: UsState }>(
          `SELECT a.id, a.patient_id, a.clinician_id, a.kind, a.status, p.location_state
             FROM appointments a JOIN patients p ON p.id = a.patient_id WHERE a.id = $1 AND a.clinician_id = $2`,
          [body.appointmentId, principal.userId],
        );
        const appointment = rows[0];
        if (!appointment) {
          await audit(deps.db, actorOf(request), { action: 'visit.start', outcome: 'denied', resource: 'appointment', resourceId: body.appointmentId });
          throw new HttpError(404, 'not_found', 'No appointment with that id is on your schedule.');
        }
        if (appointment.kind !== 'video') throw conflict('Only video appointments have a video visit.');
        if (['cancelled', 'completed', 'no_show'].includes(appointment.status)) throw conflict('This appointment is closed: a visit cannot start.');
        const eligibility = checkLicensure(await licensesOf(deps.db, principal.userId), appointment.location_state, now);
        if (!eligibility.eligible) {
          await audit(deps.db, actorOf(request), {
            action: 'visit.start', outcome: 'denied', patientId: appointment.patient_id, resource: 'appointment', resourceId: appointment.id, detail: { reason: eligibility.reason },
          });
          throw new HttpError(403, 'forbidden', eligibility.message);
        }
        const { visit, link, patientJoined } = await deps.db.transaction(async (tx) => {
          const visit = await openVisitFor(tx, { id: appointment.id, patientId: appointment.patient_id, clinicianId: principal.userId }, now);
          const link = await issueJoinLink(tx, visit.id, principal.userId, now, deps.video.joinLinkMinutes);
          await audit(tx, actorOf(request), { action: 'visit.start', outcome: 'allowed', patientId: appointment.patient_id, resource: 'visit', resourceId: visit.id });
          return { visit, link, patientJoined: await patientIsPresent(tx, visit.id, now) };
        });
        reply.code(201);
        const answer: StartVisitResponse = {
          visit: publicVisit(visit), joinLink: { path: `/join/${link.token}`, expiresAt: link.expiresAt.toISOString() }, iceServers: deps.video.iceServers, patientJoined,
        };
        return answer;
      },
    }),
    route<undefined, undefined, z.infer<typeof VisitIdParamsSchema>>({
      method: 'GET', url: '/api/visits/:id', access: ['clinician'], phi: true, params: VisitIdParamsSchema,
      handler: async ({ params, request }) => {
        const visit = await ownVisit(deps, request, requirePrincipal(request), params.id, 'visit.read');
        await audit(deps.db, actorOf(request), { action: 'visit.read', outcome: 'allowed', patientId: visit.patientId, resource: 'visit', resourceId: visit.id });
        const answer: VisitDetail = { visit: publicVisit(visit), iceServers: deps.video.iceServers };
        return answer;
      },
    }),
    route<undefined, undefined, z.infer<typeof VisitIdParamsSchema>>({
      method: 'POST', url: '/api/visits/:id/end', access: ['clinician'], phi: true, params: VisitIdParamsSchema,
      handler: async ({ params, request }) => {
        const visit = await ownVisit(deps, request, requirePrincipal(request), params.id, 'visit.end');
        const now = deps.now();
        await deps.db.transaction(async (tx) => {
          if (await endVisit(tx, visit.id, now)) {
            await publishVisitEvent(tx, visit.id, 'clinician', 'status', visit.callGeneration, { status: 'ended' });
            // The patient's page may be in chat only (not in the call): its socket is closed, so it learns the visit ended.
            await notifyPatientPage(tx, visit.patientId);
          }
          await audit(tx, actorOf(request), { action: 'visit.end', outcome: 'allowed', patientId: visit.patientId, resource: 'visit', resourceId: visit.id });
        });
        const answer: VisitDetail = { visit: publicVisit((await loadVisit(deps.db, visit.id))!), iceServers: deps.video.iceServers };
        return answer;
      },
    }),
    route<z.infer<typeof JoinSessionRequestSchema>>({
      method: 'POST', url: '/api/join/session', access: 'public', phi: true, body: JoinSessionRequestSchema,
      rateLimit: [perIp('join', (deps.rateLimits ?? DEFAULT_RATE_LIMITS).joinPerIp, 'attempts to open a visit link from this address')],
      handler: async ({ body, request }) => {
        const outcome = await deps.db.transaction((tx) => exchangeJoinToken(tx, body.token, deps.now()));
        if (!outcome.ok) {
          await audit(deps.db, { userId: null, role: 'patient', sessionId: null, deviceId: deviceIdOf(request), ip: request.ip },
            { action: 'visit.join_link', outcome: 'denied', resource: 'visit', detail: { reason: outcome.reason } });
          throw REFUSED_LINK[outcome.reason];
        }
        await audit(deps.db, patientActor(outcome, request), { action: 'visit.join_link', outcome: 'allowed', patientId: outcome.patientId, resource: 'visit', resourceId: outcome.visitId });
        const answer: JoinSessionResponse = { sessionToken: outcome.sessionToken, visitId: outcome.visitId, expiresAt: outcome.expiresAt.toISOString() };
        return answer;
      },
    }),
    route({
      // Public as far as staff sign-in goes: the caller proves a visit-scoped patient session instead.
      method: 'GET', url: '/api/join/visit', access: 'public', phi: true,
      handler: async ({ request }) => {
        const session = await patientSessionOf(deps, request);
        const { rows } = await deps.db.query<{ status: JoinVisit['status']; display_name: string }>(
          'SELECT v.status, u.display_name FROM visits v JOIN users u ON u.id = v.clinician_id WHERE v.id = $1', [session.visitId]);
        await audit(deps.db, patientActor(session, request), { action: 'visit.read', outcome: 'allowed', patientId: session.patientId, resource: 'visit', resourceId: session.visitId });
        const answer: JoinVisit = { visitId: session.visitId, status: rows[0]!.status, clinicianName: rows[0]!.display_name, iceServers: deps.video.iceServers };
        return answer;
      },
    }),
  ];
}
