// Visit rows: load, start (one open visit per appointment), end, and the patient's join link and session.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { Visit, VisitStatus } from '../../shared/domain/visit';
import { hashToken, newJoinToken, newPatientSessionToken } from './visit-tokens';

interface VisitRow {
  id: string; appointment_id: string; patient_id: string; clinician_id: string; status: VisitStatus; call_generation: number;
  created_at: Date; started_at: Date | null; ended_at: Date | null;
}

const VISIT_COLUMNS = 'v.id, v.appointment_id, v.patient_id, v.clinician_id, v.status, v.call_generation, v.created_at, v.started_at, v.ended_at';

export interface VisitRecord extends Visit {
  callGeneration: number;
}

function toVisit(r: VisitRow): VisitRecord {
  return {
    id: r.id, appointmentId: r.appointment_id, patientId: r.patient_id, clinicianId: r.clinician_id, status: r.status,
    createdAt: r.created_at.toISOString(), startedAt: r.started_at?.toISOString() ?? null, endedAt: r.ended_at?.toISOString() ?? null,
    callGeneration: r.call_generation,
  };
}

/** A visit without its internal call generation, as the API shows it. */
export function publicVisit({ callGeneration: _generation, ...visit }: VisitRecord): Visit {
  return visit;
}

export async function loadVisit(db: Queryable, visitId: string): Promise<VisitRecord | null> {
  const { rows } = await db.query<VisitRow>(`SELECT ${VISIT_COLUMNS} FROM visits v WHERE v.id = $1`, [visitId]);
  return rows[0] ? toVisit(rows[0]) : null;
}

/** The open visit of the appointment, or a new one in 'waiting'. */
export async function openVisitFor(tx: Queryable, appointment: { id: string; patientId: string; clinicianId: string }, now: Date): Promise<VisitRecord> {
  const { rows } = await tx.query<VisitRow>(`SELECT ${VISIT_COLUMNS} FROM visits v WHERE v.appointment_id = $1 AND v.status <> 'ended' FOR UPDATE`, [appointment.id]);
  if (rows[0]) return toVisit(rows[0]);
  const { rows: created } = await tx.query<VisitRow>(
    `INSERT INTO visits AS v (id, appointment_id, patient_id, clinician_id, status, created_at) VALUES ($1, $2, $3, $4, 'waiting', $5)
     RETURNING ${VISIT_COLUMNS}`,
    [randomUUID(), appointment.id, appointment.patientId, appointment.clinicianId, now],
  );
  return toVisit(created[0]!);
}

/** A new one-time link for the visit; earlier unused links of the visit stop working. Returns the token. */
export async function issueJoinLink(tx: Queryable, visitId: string, createdBy: string, now: Date, validMinutes: number): Promise<{ token: string; expiresAt: Date }> {
  await tx.query('UPDATE visit_join_links SET expires_at = $2 WHERE visit_id = $1 AND used_at IS NULL AND expires_at > $2', [visitId, now]);
  const token = newJoinToken();
  const expiresAt = new Date(now.getTime() + validMinutes * 60_000);
  await tx.query('INSERT INTO visit_join_links (id, visit_id, token_hash, created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [randomUUID(), visitId, hashToken(token), createdBy, now, expiresAt]);
  return { token, expiresAt };
}

export type ExchangeOutcome =
  | { ok: true; sessionToken: string; sessionId: string; visitId: string; patientId: string; expiresAt: Date }
  | { ok: false; reason: 'invalid' | 'used' | 'expired' | 'ended' };

/** Patient sessions last at most this long (and end with the visit). */
export const PATIENT_SESSION_HOURS = 12;

/** Exchanges a join link token, once, for a visit-scoped patient session. */
export async function exchangeJoinToken(tx: Queryable, token: string, now: Date): Promise<ExchangeOutcome> {
  const { rows } = await tx.query<{ id: string; visit_id: string; expires_at: Date; used_at: Date | null; status: VisitStatus; patient_id: string }>(
    `SELECT l.id, l.visit_id, l.expires_at, l.used_at, v.status, v.patient_id
       FROM visit_join_links l JOIN visits v ON v.id = l.visit_id WHERE l.token_hash = $1 FOR UPDATE OF l`,
    [hashToken(token)],
  );
  const link = rows[0];
  if (!link) return { ok: false, reason: 'invalid' };
  if (link.used_at) return { ok: false, reason: 'used' };
  if (link.status === 'ended') return { ok: false, reason: 'ended' };
  if (link.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  const claimed = await tx.query('UPDATE visit_join_links SET used_at = $2 WHERE id = $1 AND used_at IS NULL', [link.id, now]);
  if (claimed.rowCount !== 1) return { ok: false, reason: 'used' };
  const sessionToken = newPatientSessionToken();
  const sessionId = randomUUID();
  const expiresAt = new Date(now.getTime() + PATIENT_SESSION_HOURS * 3_600_000);
  await tx.query('INSERT INTO visit_patient_sessions (id, visit_id, link_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [sessionId, link.visit_id, link.id, hashToken(sessionToken), now, expiresAt]);
  return { ok: true, sessionToken, sessionId, visitId: link.visit_id, patientId: link.patient_id, expiresAt };
}

/**
 * A patient session for an open visit without a link to exchange: for a patient already proven by another
 * one-time link (the "See a clinician now" waiting page). Recorded as a link issued and used at once, so every
 * session still names the link it came from; the visit's other links keep working.
 */
export async function issueVisitSessionDirectly(tx: Queryable, visitId: string, createdBy: string, now: Date): Promise<{ sessionToken: string; sessionId: string; expiresAt: Date }> {
  const linkId = randomUUID();
  await tx.query('INSERT INTO visit_join_links (id, visit_id, token_hash, created_by, created_at, expires_at, used_at) VALUES ($1, $2, $3, $4, $5, $5, $5)',
    [linkId, visitId, hashToken(newJoinToken()), createdBy, now]);
  const sessionToken = newPatientSessionToken();
  const sessionId = randomUUID();
  const expiresAt = new Date(now.getTime() + PATIENT_SESSION_HOURS * 3_600_000);
  await tx.query('INSERT INTO visit_patient_sessions (id, visit_id, link_id, token_hash, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [sessionId, visitId, linkId, hashToken(sessionToken), now, expiresAt]);
  return { sessionToken, sessionId, expiresAt };
}

export interface PatientSession {
  sessionId: string;
  visitId: string;
  patientId: string;
}

/** The live patient session for a token, or null (unknown, expired, revoked, or the visit has ended). */
export async function patientSessionFor(db: Queryable, sessionToken: string, now: Date): Promise<PatientSession | null> {
  const { rows } = await db.query<{ id: string; visit_id: string; patient_id: string }>(
    `SELECT s.id, s.visit_id, v.patient_id FROM visit_patient_sessions s JOIN visits v ON v.id = s.visit_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > $2 AND v.status <> 'ended'`,
    [hashToken(sessionToken), now],
  );
  const row = rows[0];
  return row ? { sessionId: row.id, visitId: row.visit_id, patientId: row.patient_id } : null;
}

/**
 * Whether the visit's patient is in it now: their latest presence row (written by any instance when they join,
 * answer a presence, leave or disconnect) says present, and their visit session is live.
 */
export async function patientIsPresent(db: Queryable, visitId: string, now: Date): Promise<boolean> {
  const { rows } = await db.query(
    `SELECT 1 FROM visit_signals p
      WHERE p.id = (SELECT max(id) FROM visit_signals WHERE visit_id = $1 AND sender = 'patient' AND kind = 'presence')
        AND (p.payload->>'present')::boolean
        AND EXISTS (SELECT 1 FROM visit_patient_sessions s WHERE s.visit_id = $1 AND s.revoked_at IS NULL AND s.expires_at > $2)`,
    [visitId, now],
  );
  return rows.length > 0;
}

/** Which of these patient sessions are still live (not expired, not revoked, their visit not ended), in one query. */
export async function livePatientSessions(db: Queryable, sessionIds: readonly string[], now: Date): Promise<Set<string>> {
  if (sessionIds.length === 0) return new Set();
  const { rows } = await db.query<{ id: string }>(
    `SELECT s.id FROM visit_patient_sessions s JOIN visits v ON v.id = s.visit_id
      WHERE s.id = ANY($1::uuid[]) AND s.revoked_at IS NULL AND s.expires_at > $2 AND v.status <> 'ended'`,
    [sessionIds, now],
  );
  return new Set(rows.map((r) => r.id));
}

/** Ends the visit (idempotent) and revokes its patient sessions; true if it was open. */
export async function endVisit(tx: Queryable, visitId: string, now: Date): Promise<boolean> {
  const ended = await tx.query(`UPDATE visits SET status = 'ended', ended_at = $2 WHERE id = $1 AND status <> 'ended'`, [visitId, now]);
  if (ended.rowCount !== 1) return false;
  await tx.query('UPDATE visit_patient_sessions SET revoked_at = $2 WHERE visit_id = $1 AND revoked_at IS NULL', [visitId, now]);
  return true;
}

/** Records that a member joined the call; the visit becomes in_progress once both have. Returns the new status if it changed. */
export async function markJoined(tx: Queryable, visitId: string, member: 'clinician' | 'patient', now: Date): Promise<{ status: VisitStatus; generation: number; changed: boolean } | null> {
  const column = member === 'clinician' ? 'clinician_joined_at' : 'patient_joined_at';
  const { rows } = await tx.query<{ status: VisitStatus; call_generation: number; clinician_joined_at: Date | null; patient_joined_at: Date | null }>(
    `UPDATE visits SET ${column} = COALESCE(${column}, $2) WHERE id = $1 AND status <> 'ended'
     RETURNING status, call_generation, clinician_joined_at, patient_joined_at`,
    [visitId, now],
  );
  const row = rows[0];
  if (!row) return null;
  if (row.status === 'waiting' && row.clinician_joined_at && row.patient_joined_at) {
    await tx.query(`UPDATE visits SET status = 'in_progress', started_at = $2 WHERE id = $1 AND status = 'waiting'`, [visitId, now]);
    return { status: 'in_progress', generation: row.call_generation, changed: true };
  }
  return { status: row.status, generation: row.call_generation, changed: false };
}
