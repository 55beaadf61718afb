// "See a clinician now" links: issue one for a patient (one-time, expiring; only the token's hash is kept), use
// it once to put the patient in the on-demand queue (a queue_requests row recorded in the change log, so the
// licensed clinicians' workstations pull it after a poke), and read where the request stands for the patient's
// waiting page, handing it the video visit's patient session once the taker opens the visit.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { QueueEntryRequest, QueueEntryStatus } from '../../shared/api/queue-entry';
import type { QueueStatus } from '../../shared/domain/queue';
import type { UsState } from '../../shared/domain/states';
import { recordChange } from '../sync/change-log';
import { hashToken, newJoinToken, newQueueSessionToken } from '../visits/visit-tokens';
import { issueVisitSessionDirectly } from '../visits/visit-repository';

/** How long a sent link can be used to enter the queue. */
export const QUEUE_ENTRY_LINK_MINUTES = 30;
/** How long the waiting page's session lasts (it ends sooner when the request closes). */
export const QUEUE_SESSION_HOURS = 12;

export async function issueQueueEntryLink(tx: Queryable, patientId: string, createdBy: string, now: Date): Promise<{ id: string; token: string; expiresAt: Date }> {
  const id = randomUUID();
  const token = newJoinToken();
  const expiresAt = new Date(now.getTime() + QUEUE_ENTRY_LINK_MINUTES * 60_000);
  await tx.query('INSERT INTO queue_entry_links (id, patient_id, token_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [id, patientId, hashToken(token), createdBy, now, expiresAt]);
  return { id, token, expiresAt };
}

export type QueueEntryOutcome =
  | { ok: true; linkId: string; requestId: string; patientId: string; sessionToken: string; sessionExpiresAt: Date }
  | { ok: false; reason: 'invalid' | 'used' | 'expired' };

/** Uses the link once: creates the waiting queue request where the patient says they are, and the waiting page's session. */
export async function enterQueue(tx: Queryable, entry: QueueEntryRequest, now: Date): Promise<QueueEntryOutcome> {
  const { rows } = await tx.query<{ id: string; patient_id: string; expires_at: Date; used_at: Date | null }>(
    'SELECT id, patient_id, expires_at, used_at FROM queue_entry_links WHERE token_hash = $1 FOR UPDATE', [hashToken(entry.token)]);
  const link = rows[0];
  if (!link) return { ok: false, reason: 'invalid' };
  if (link.used_at) return { ok: false, reason: 'used' };
  if (link.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const requestId = randomUUID();
  await tx.query(
    `INSERT INTO queue_requests (id, patient_id, reason, urgency, requested_at, location_state, status) VALUES ($1, $2, $3, $4, $5, $6, 'waiting')`,
    [requestId, link.patient_id, entry.reason, entry.urgency, now, entry.locationState]);
  const sessionToken = newQueueSessionToken();
  const sessionExpiresAt = new Date(now.getTime() + QUEUE_SESSION_HOURS * 3_600_000);
  const claimed = await tx.query(
    'UPDATE queue_entry_links SET used_at = $2, request_id = $3, session_hash = $4, session_expires_at = $5 WHERE id = $1 AND used_at IS NULL',
    [link.id, now, requestId, hashToken(sessionToken), sessionExpiresAt]);
  if (claimed.rowCount !== 1) throw new Error('queue entry link claimed twice under its row lock');
  await recordChange(tx, 'queue', requestId);
  return { ok: true, linkId: link.id, requestId, patientId: link.patient_id, sessionToken, sessionExpiresAt };
}

export interface QueueEntrySession {
  linkId: string;
  requestId: string;
  patientId: string;
}

/** The waiting page's live session for a token, or null (unknown or expired). */
export async function queueEntrySessionFor(db: Queryable, sessionToken: string, now: Date): Promise<QueueEntrySession | null> {
  const { rows } = await db.query<{ id: string; request_id: string; patient_id: string }>(
    'SELECT id, request_id, patient_id FROM queue_entry_links WHERE session_hash = $1 AND session_expires_at > $2', [hashToken(sessionToken), now]);
  const row = rows[0];
  return row ? { linkId: row.id, requestId: row.request_id, patientId: row.patient_id } : null;
}

/**
 * Where the request stands: its place among the requests waiting in the same state, who took it, or its open
 * video visit (whose patient session is issued to this page once; a reload of the page keeps it in the tab).
 */
export async function queueEntryStatus(tx: Queryable, session: QueueEntrySession, now: Date): Promise<{ status: QueueEntryStatus; visitSessionId: string | null }> {
  const { rows } = await tx.query<{ status: QueueStatus; requested_at: Date; location_state: string; taken_by: string | null; appointment_id: string | null; taker: string | null; visit_session_id: string | null }>(
    `SELECT q.status, q.requested_at, q.location_state, q.taken_by, q.appointment_id, u.display_name AS taker, l.visit_session_id
       FROM queue_entry_links l JOIN queue_requests q ON q.id = l.request_id LEFT JOIN users u ON u.id = q.taken_by
      WHERE l.id = $1 FOR UPDATE OF l`, [session.linkId]);
  const row = rows[0];
  if (!row || row.status === 'cancelled') return { status: { status: 'closed' }, visitSessionId: null };
  if (row.status === 'waiting') {
    const { rows: ahead } = await tx.query<{ n: number | string }>(
      `SELECT count(*) AS n FROM queue_requests WHERE status = 'waiting' AND location_state = $1 AND (requested_at, id) < ($2, $3)`,
      [row.location_state, row.requested_at, session.requestId]);
    return {
      status: { status: 'waiting', position: Number(ahead[0]?.n ?? 0) + 1, requestedAt: row.requested_at.toISOString(), locationState: row.location_state.trim() as UsState },
      visitSessionId: null,
    };
  }
  const { rows: visits } = await tx.query<{ id: string; status: string }>(
    `SELECT id, status FROM visits WHERE appointment_id = $1 ORDER BY created_at DESC LIMIT 1`, [row.appointment_id]);
  const visit = visits[0];
  if (!visit) return { status: { status: 'taken', clinicianName: row.taker ?? 'Your clinician' }, visitSessionId: null };
  if (visit.status === 'ended') return { status: { status: 'closed' }, visitSessionId: row.visit_session_id };
  if (row.visit_session_id) return { status: { status: 'visit', visitId: visit.id, sessionToken: null }, visitSessionId: row.visit_session_id };
  const issued = await issueVisitSessionDirectly(tx, visit.id, row.taken_by!, now);
  await tx.query('UPDATE queue_entry_links SET visit_session_id = $2 WHERE id = $1', [session.linkId, issued.sessionId]);
  return { status: { status: 'visit', visitId: visit.id, sessionToken: issued.sessionToken }, visitSessionId: issued.sessionId };
}

/** The patient leaves the queue: a waiting request is cancelled (devices drop it on their next pull). */
export async function leaveQueue(tx: Queryable, session: QueueEntrySession): Promise<'left' | 'taken' | 'closed'> {
  const { rows } = await tx.query<{ status: QueueStatus }>('SELECT status FROM queue_requests WHERE id = $1 FOR UPDATE', [session.requestId]);
  const status = rows[0]?.status;
  if (status === 'taken') return 'taken';
  if (status !== 'waiting') return 'closed';
  await tx.query(`UPDATE queue_requests SET status = 'cancelled', version = version + 1 WHERE id = $1 AND status = 'waiting'`, [session.requestId]);
  await recordChange(tx, 'queue', session.requestId);
  return 'left';
}
