// Deliveries on the dispatch board: a signed prescription's delivery becomes a courier run (a field request of
// kind 'delivery') in the same transaction; the board's assignee is the delivery's courier (written together,
// in the board's transaction); the courier's steps move the run's live status; a cancelled delivery leaves the board.
import type { Queryable } from '../db/database';
import type { DeliveryStatus } from '../../shared/domain/prescription';
import { COURIER_ASSIGNABLE_STATUSES, DELIVERY_RUN, deliveryWindow, runStatusForDelivery } from '../../shared/rules/dispatch/delivery-run';
import { DELIVERY_STATUS_LABEL } from '../../shared/rules/delivery-status';
import { FieldRequestError, cancelFieldRequest, createFieldRequest } from '../dispatch/field-requests';
import { recordChange } from '../sync/change-log';

/**
 * Puts a new delivery on its city's board; returns the request id, or null when the patient's home is outside
 * the service cities or cannot be placed on the map (the delivery is then assigned from the Deliveries list).
 */
export async function putDeliveryOnBoard(tx: Queryable, deliveryId: string, patientId: string, signedAt: Date): Promise<string | null> {
  const { rows } = await tx.query<{ time_zone: string }>(
    'SELECT c.time_zone FROM patients p JOIN cities c ON c.id = p.city_id WHERE p.id = $1', [patientId]);
  const timeZone = rows[0]?.time_zone;
  if (!timeZone) return null;
  try {
    return await createFieldRequest(tx, {
      kind: 'delivery', patientId, deliveryId, reason: DELIVERY_RUN.reason, ...deliveryWindow(signedAt, timeZone),
      skills: ['delivery'], durationMinutes: DELIVERY_RUN.durationMinutes, priority: DELIVERY_RUN.priority,
    });
  } catch (error) {
    if (error instanceof FieldRequestError) return null;
    throw error;
  }
}

/** Takes a cancelled delivery's run off the board if it has not started. */
export async function takeDeliveryOffBoard(tx: Queryable, deliveryId: string): Promise<void> {
  const { rows } = await tx.query<{ id: string }>('SELECT id FROM field_requests WHERE delivery_id = $1', [deliveryId]);
  for (const r of rows) await cancelFieldRequest(tx, r.id);
}

/** The board request carrying a delivery (not cancelled), if any. */
export async function boardRequestOf(tx: Queryable, deliveryId: string): Promise<string | null> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM field_requests WHERE delivery_id = $1 AND status <> 'cancelled'`, [deliveryId]);
  return rows[0]?.id ?? null;
}

/**
 * Makes the board's assignee the delivery's courier (null: none), inside the board assignment's transaction.
 * Returns a PHI-free refusal when the delivery can no longer change hands, or null once written.
 */
export async function setCourierFromBoard(tx: Queryable, deliveryId: string, courierId: string | null, actorId: string): Promise<string | null> {
  const { rows } = await tx.query<{ status: DeliveryStatus; courier_id: string | null; prescription_id: string }>(
    'SELECT status, courier_id, prescription_id FROM deliveries WHERE id = $1 FOR UPDATE', [deliveryId]);
  const d = rows[0];
  if (!d) return 'The delivery of this request was not found.';
  if (d.courier_id === courierId) return null;
  if (!COURIER_ASSIGNABLE_STATUSES.includes(d.status)) {
    return `This delivery is ${DELIVERY_STATUS_LABEL[d.status].toLowerCase()}; its courier can no longer change.`;
  }
  await tx.query('UPDATE deliveries SET courier_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [deliveryId, courierId]);
  await tx.query(`INSERT INTO delivery_events (delivery_id, from_status, to_status, actor_id, courier_id) VALUES ($1, $2, $2, $3, $4)`,
    [deliveryId, d.status, actorId, courierId]);
  await recordChange(tx, 'prescription', d.prescription_id);
  return null;
}

const SHIFT_STATUS: Record<string, string> = { en_route: 'en_route', completed: 'available', assigned: 'available' };

/** Moves the delivery's board request to the live status of the courier's step (en route, completed, back to assigned). */
export async function moveRunWithDelivery(tx: Queryable, deliveryId: string, status: DeliveryStatus, now: Date): Promise<void> {
  const to = runStatusForDelivery(status);
  if (!to) return;
  const { rows } = await tx.query<{ id: string; status: string; assignee_id: string | null; dispatch_date: string }>(
    `SELECT id, status, assignee_id, dispatch_date::text AS dispatch_date FROM field_requests
      WHERE delivery_id = $1 AND status NOT IN ('cancelled', 'unassigned') FOR UPDATE`, [deliveryId]);
  const run = rows[0];
  if (!run || run.status === to) return;
  await tx.query('UPDATE field_requests SET status = $2, status_at = $3, version = version + 1 WHERE id = $1', [run.id, to, now]);
  if (run.assignee_id) {
    await tx.query('UPDATE staff_shifts SET status = $3 WHERE user_id = $1 AND shift_date = $2::date', [run.assignee_id, run.dispatch_date, SHIFT_STATUS[to]]);
  }
  await recordChange(tx, 'fieldRequest', run.id);
}
