// The on-demand queue's rules: which requests a clinician may see and take (the one licensure rule), the
// order they are shown in (urgency, then longest wait), and how long each has waited.
import type { QueueRequest, QueueUrgency } from '../domain/queue';
import type { StateLicense } from '../domain/user';
import type { Eligibility } from './licensure';
import { checkLicensure } from './licensure';

const URGENCY_RANK: Record<QueueUrgency, number> = { emergent: 0, urgent: 1, routine: 2 };

type Orderable = Pick<QueueRequest, 'urgency' | 'requestedAt' | 'id'>;

/** Most urgent first; within one urgency, whoever has waited longest; ties by id (stable everywhere). */
export function compareQueueRequests(a: Orderable, b: Orderable): number {
  return URGENCY_RANK[a.urgency] - URGENCY_RANK[b.urgency]
    || Date.parse(a.requestedAt) - Date.parse(b.requestedAt)
    || a.id.localeCompare(b.id);
}

export function orderQueue<T extends Orderable>(requests: readonly T[]): T[] {
  return [...requests].sort(compareQueueRequests);
}

/** May this clinician see and take the request now? Only waiting requests, only where licensed and active. */
export function checkQueueEligibility(
  licenses: readonly StateLicense[], request: Pick<QueueRequest, 'locationState' | 'status'>, at: Date,
): Eligibility | { eligible: false; reason: 'not_waiting'; message: string } {
  if (request.status !== 'waiting') return { eligible: false, reason: 'not_waiting', message: 'This request is no longer waiting.' };
  return checkLicensure(licenses, request.locationState, at);
}

/** Whole minutes waited since the request (never negative, whatever the device clock says). */
export function waitedMinutes(requestedAt: string, nowMs: number): number {
  return Math.max(0, Math.floor((nowMs - Date.parse(requestedAt)) / 60_000));
}

/** "Waiting 5 min", "Waiting 1 h 20 min": how long a request has waited, for display. */
export function waitedText(requestedAt: string, nowMs: number): string {
  const minutes = waitedMinutes(requestedAt, nowMs);
  if (minutes < 1) return 'Waiting less than a minute';
  if (minutes < 60) return `Waiting ${minutes} min`;
  const rest = minutes % 60;
  return `Waiting ${Math.floor(minutes / 60)} h${rest ? ` ${rest} min` : ''}`;
}
