// Writes and queries the append-only audit log. Rows carry ids and action names only, never PHI values.
import type { Queryable } from '../db/database';
import { sqlLiteral } from '../db/database';
import type { AuditEntry, AuditQuery } from '../../shared/api/admin';

/** Who is acting, from which device: taken from the authenticated request. */
export interface Actor {
  userId: string | null;
  role: string | null;
  sessionId: string | null;
  deviceId: string | null;
  ip: string | null;
}

export interface AuditEvent {
  action: string;
  outcome: 'allowed' | 'denied' | 'failed';
  patientId?: string | null;
  resource?: string | null;
  resourceId?: string | null;
  /** Non-PHI detail only (counts, reasons codes). */
  detail?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Queryable, actor: Actor, event: AuditEvent): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (user_id, role, session_id, device_id, ip, action, patient_id, resource, resource_id, outcome, detail)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [actor.userId, actor.role, actor.sessionId, actor.deviceId, actor.ip, event.action, event.patientId ?? null,
     event.resource ?? null, event.resourceId ?? null, event.outcome, event.detail ? JSON.stringify(event.detail) : null],
  );
}

/** Several events of one actor in one statement (rows in the order given), e.g. the mutations of one push. */
export async function auditMany(db: Queryable, actor: Actor, events: readonly AuditEvent[]): Promise<void> {
  const statement = auditManyStatement(actor, events);
  if (statement) await db.exec(statement);
}

const literalOrNull = (value: string | null) => (value === null ? 'NULL' : sqlLiteral(value));

/**
 * auditMany's statement with its values inlined, to send in one script with other statements (push writes its
 * answers, audit rows and change-log rows in one round trip); null when there is nothing to record.
 */
export function auditManyStatement(actor: Actor, events: readonly AuditEvent[]): string | null {
  if (events.length === 0) return null;
  const rows = JSON.stringify(events.map((e, i) => ({
    i, action: e.action, patient_id: e.patientId ?? null, resource: e.resource ?? null, resource_id: e.resourceId ?? null, outcome: e.outcome, detail: e.detail ?? null,
  })));
  return `INSERT INTO audit_log (user_id, role, session_id, device_id, ip, action, patient_id, resource, resource_id, outcome, detail)
     SELECT ${[actor.userId, actor.role, actor.sessionId, actor.deviceId, actor.ip].map(literalOrNull).join(', ')}, e.action, e.patient_id, e.resource, e.resource_id, e.outcome, e.detail
       FROM jsonb_to_recordset(${sqlLiteral(rows)}::jsonb) AS e(i int, action text, patient_id uuid, resource text, resource_id text, outcome text, detail jsonb)
      ORDER BY e.i`;
}

/** One audit row per patient for a read that returned several patients (a schedule, a search). */
export async function auditPatientReads(db: Queryable, actor: Actor, action: string, patientIds: readonly string[], resource: string): Promise<void> {
  const unique = [...new Set(patientIds)];
  if (unique.length === 0) return;
  await db.query(
    `INSERT INTO audit_log (user_id, role, session_id, device_id, ip, action, patient_id, resource, outcome)
     SELECT $1, $2, $3, $4, $5, $6, p, $7, 'allowed' FROM unnest($8::uuid[]) AS p`,
    [actor.userId, actor.role, actor.sessionId, actor.deviceId, actor.ip, action, resource, unique],
  );
}

interface AuditRow {
  id: number;
  at: Date;
  user_id: string | null;
  email: string | null;
  role: string | null;
  device_id: string | null;
  ip: string | null;
  action: string;
  patient_id: string | null;
  resource: string | null;
  resource_id: string | null;
  outcome: AuditEntry['outcome'];
}

export async function queryAudit(db: Queryable, q: AuditQuery): Promise<{ entries: AuditEntry[]; nextBefore: number | null }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (clause: string, value: unknown) => {
    params.push(value);
    where.push(clause.replace('?', `$${params.length}`));
  };
  if (q.patientId) add('a.patient_id = ?', q.patientId);
  if (q.userId) add('a.user_id = ?', q.userId);
  if (q.action) add('a.action = ?', q.action);
  if (q.from) add('a.at >= ?', q.from);
  if (q.to) add('a.at < ?', q.to);
  if (q.before) add('a.id < ?', q.before);
  params.push(q.limit + 1);
  const { rows } = await db.query<AuditRow>(
    `SELECT a.id, a.at, a.user_id, u.email, a.role, a.device_id, a.ip, a.action, a.patient_id, a.resource, a.resource_id, a.outcome
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY a.id DESC LIMIT $${params.length}`,
    params,
  );
  const page = rows.slice(0, q.limit);
  return {
    entries: page.map((r) => ({
      id: r.id,
      at: r.at.toISOString(),
      userId: r.user_id,
      userEmail: r.email,
      role: r.role,
      deviceId: r.device_id,
      ip: r.ip,
      action: r.action,
      patientId: r.patient_id,
      resource: r.resource,
      resourceId: r.resource_id,
      outcome: r.outcome,
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1]!.id : null,
  };
}
