// Relay rows for a visit (signals, presence, status): written to visit_signals and announced on the Bus by
// id only, so every server instance can deliver them to the members connected to it.
import type { Queryable } from '../db/database';
import type { VisitMember } from '../../shared/domain/visit';

export const VISIT_SIGNALS_CHANNEL = 'housecall_visit_signals';

export type VisitEventKind = 'signal' | 'presence' | 'status';

export interface VisitEventNotice {
  id: number;
  visitId: string;
}

export async function publishVisitEvent(tx: Queryable, visitId: string, sender: VisitMember, kind: VisitEventKind, generation: number, payload: unknown): Promise<number> {
  const { rows } = await tx.query<{ id: number }>(
    'INSERT INTO visit_signals (visit_id, sender, kind, generation, payload) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [visitId, sender, kind, generation, JSON.stringify(payload)],
  );
  const id = rows[0]!.id;
  const notice: VisitEventNotice = { id, visitId };
  await tx.query('SELECT pg_notify($1, $2)', [VISIT_SIGNALS_CHANNEL, JSON.stringify(notice)]);
  return id;
}

/**
 * Deletes relay rows older than `before`, except, while a visit is open, each member's latest presence row: it says
 * whether they are in the visit now (see patientIsPresent in visit-repository.ts).
 */
export async function pruneVisitSignals(db: Queryable, before: Date): Promise<void> {
  await db.query(
    `DELETE FROM visit_signals s WHERE s.created_at < $1
       AND NOT (s.kind = 'presence'
                AND s.id = (SELECT max(l.id) FROM visit_signals l WHERE l.visit_id = s.visit_id AND l.sender = s.sender AND l.kind = 'presence')
                AND EXISTS (SELECT 1 FROM visits v WHERE v.id = s.visit_id AND v.status <> 'ended'))`,
    [before]);
}
