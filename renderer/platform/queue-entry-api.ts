// Calls for "See a clinician now": the clinician's /api/queue-links (a one-time link for a patient) and the
// patient page's /api/queue-entry (use the link once to enter the queue, then read where the request stands).
import { CreateQueueEntryLinkResponseSchema, QueueEntryResponseSchema, QueueEntryStatusSchema } from '../../shared/api/queue-entry';
import type { CreateQueueEntryLinkResponse, QueueEntryRequest, QueueEntryResponse, QueueEntryStatus } from '../../shared/api/queue-entry';
import { apiRequest } from './api-client';
import { send } from './http';
import type { Result } from './result';

export function createQueueEntryLink(patientId: string): Promise<Result<CreateQueueEntryLinkResponse>> {
  return apiRequest({ method: 'POST', path: '/api/queue-links', body: { patientId }, schema: CreateQueueEntryLinkResponseSchema });
}

export function enterQueue(request: QueueEntryRequest): Promise<Result<QueueEntryResponse>> {
  return send({ method: 'POST', path: '/api/queue-entry', body: request, schema: QueueEntryResponseSchema });
}

export function getQueueEntryStatus(sessionToken: string): Promise<Result<QueueEntryStatus>> {
  return send({ path: '/api/queue-entry', schema: QueueEntryStatusSchema, bearer: sessionToken });
}

export function leaveQueue(sessionToken: string): Promise<Result<QueueEntryStatus>> {
  return send({ method: 'POST', path: '/api/queue-entry/leave', schema: QueueEntryStatusSchema, bearer: sessionToken });
}
