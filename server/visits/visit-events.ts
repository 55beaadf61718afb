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
