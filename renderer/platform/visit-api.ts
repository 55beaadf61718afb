// Calls for video visits: the clinician's /api/visits (start with a join link, read, end) and the patient
// join page's /api/join (exchange the one-time link for a visit session, read the visit's state).
import { JoinSessionResponseSchema, JoinVisitSchema, StartVisitResponseSchema, VisitDetailSchema } from '../../shared/api/visits';
import type { JoinSessionResponse, JoinVisit, StartVisitResponse, VisitDetail } from '../../shared/api/visits';
import { apiRequest } from './api-client';
import { send } from './http';
import type { Result } from './result';
import { serverBaseUrl } from './server-url';

export function startVisit(appointmentId: string): Promise<Result<StartVisitResponse>> {
  return apiRequest({ method: 'POST', path: '/api/visits', body: { appointmentId }, schema: StartVisitResponseSchema });
}

export function getVisit(visitId: string): Promise<Result<VisitDetail>> {
  return apiRequest({ path: `/api/visits/${encodeURIComponent(visitId)}`, schema: VisitDetailSchema });
}

export function endVisit(visitId: string): Promise<Result<VisitDetail>> {
  return apiRequest({ method: 'POST', path: `/api/visits/${encodeURIComponent(visitId)}/end`, schema: VisitDetailSchema });
}

export function exchangeJoinToken(token: string): Promise<Result<JoinSessionResponse>> {
  return send({ method: 'POST', path: '/api/join/session', body: { token }, schema: JoinSessionResponseSchema });
}

export function getJoinVisit(sessionToken: string): Promise<Result<JoinVisit>> {
  return send({ path: '/api/join/visit', schema: JoinVisitSchema, bearer: sessionToken });
}

/** The full address of a path on the care server (the page's origin in a browser). */
export async function careServerUrl(path: string): Promise<string> {
  const base = await serverBaseUrl();
  return `${base || globalThis.location.origin}${path}`;
}

/** Puts text on the clipboard; false when the browser refuses. */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
