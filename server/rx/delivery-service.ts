// Deliveries on the server: the dispatcher assigns a courier (compare-and-set on the version; on the dispatch
// board for deliveries that are on it, see delivery-board.ts), the pharmacy
// step and the courier's steps follow the shared state machine, each move is logged, the prescriber's
// devices see it on the prescription, a failure lands in the prescriber's inbox, and pickup and delivery
// reach the patient's chat through the one hook.
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import type { Principal } from '../http/request-context';
import type { DeliveryStatus, FailureReason } from '../../shared/domain/prescription';
import type { AssignCourierBody, DeliveryStatusBody, DeliveryView } from '../../shared/api/deliveries';
import { checkDeliveryTransition } from '../../shared/rules/delivery-status';
import { conflict, forbidden, notFound, badRequest } from '../http/errors';
import { recordChange } from '../sync/change-log';
import { postDeliveryStatusToChat } from './delivery-chat-hook';
import { moveRunWithDelivery } from './delivery-board';
import { COURIER_ASSIGNABLE_STATUSES } from '../../shared/rules/dispatch/delivery-run';

interface DeliveryRow {
  id: string; prescription_id: string; patient_id: string; status: DeliveryStatus; courier_id: string | null; courier_name: string | null;
  eta: Date | null; failure_reason: FailureReason | null; recipient_name: string | null; delivered_at: Date | null; attempt: number; version: number;
  updated_at: Date; drug_name: string; given_name: string; family_name: string; address_line: string; address_city: string; address_state: string;
  postal_code: string; prescriber_id: string; board_request_id: string | null; board_city_id: string | null; board_date: string | null;
}

const SELECT = `SELECT d.id, d.prescription_id, d.patient_id, d.status, d.courier_id, c.display_name AS courier_name, d.eta, d.failure_reason,
    d.recipient_name, d.delivered_at, d.attempt, d.version, d.updated_at, r.drug_name, r.prescriber_id,
    p.given_name, p.family_name, p.address_line, p.address_city, p.address_state, p.postal_code,
    fr.id AS board_request_id, fr.city_id AS board_city_id, fr.dispatch_date::text AS board_date
  FROM deliveries d JOIN prescriptions r ON r.id = d.prescription_id JOIN patients p ON p.id = d.patient_id
  LEFT JOIN users c ON c.id = d.courier_id LEFT JOIN field_requests fr ON fr.delivery_id = d.id AND fr.status <> 'cancelled'`;

function toView(r: DeliveryRow): DeliveryView {
  return {
    id: r.id, prescriptionId: r.prescription_id, patientId: r.patient_id, patientName: `${r.given_name} ${r.family_name}`,
    address: { line: r.address_line, city: r.address_city, state: r.address_state, postalCode: r.postal_code },
    drugName: r.drug_name, status: r.status, courierId: r.courier_id, courierName: r.courier_name, eta: r.eta?.toISOString() ?? null,
    failureReason: r.failure_reason, recipientName: r.recipient_name, deliveredAt: r.delivered_at?.toISOString() ?? null,
    attempt: r.attempt, version: r.version, updatedAt: r.updated_at.toISOString(),
    board: r.board_request_id ? { requestId: r.board_request_id, cityId: r.board_city_id!, date: r.board_date! } : null,
  };
}

/** Dispatchers: every open delivery plus those closed in the last 2 days. Couriers: the ones assigned to them. */
export async function listDeliveries(db: Queryable, principal: Principal): Promise<DeliveryView[]> {
  const open = `(d.status NOT IN ('delivered', 'cancelled', 'returned') OR d.updated_at > now() - interval '2 days')`;
  const scope = principal.role === 'courier' ? `d.courier_id = $1` : `$1::uuid IS NOT NULL`;
  const { rows } = await db.query<DeliveryRow>(`${SELECT} WHERE ${scope} AND ${open} ORDER BY d.created_at, d.id LIMIT 500`, [principal.userId]);
  return rows.map(toView);
}

async function lockDelivery(tx: Queryable, id: string): Promise<DeliveryRow> {
  await tx.query('SELECT 1 FROM deliveries WHERE id = $1 FOR UPDATE', [id]);
  const { rows } = await tx.query<DeliveryRow>(`${SELECT} WHERE d.id = $1`, [id]);
  if (!rows[0]) throw notFound('This delivery was not found.');
  return rows[0];
}

/** Assigns (or reassigns) a courier; refused when someone changed the delivery since the dispatcher saw it. */
export async function assignCourier(tx: Queryable, principal: Principal, id: string, body: AssignCourierBody): Promise<DeliveryView> {
  const row = await lockDelivery(tx, id);
  if (row.version !== body.version) {
    throw conflict(row.courier_name ? `This delivery was changed meanwhile; it is now assigned to ${row.courier_name}.` : 'This delivery was changed meanwhile; reload and try again.');
  }
  if (!COURIER_ASSIGNABLE_STATUSES.includes(row.status)) throw badRequest('A courier can only be assigned before pickup or after a failed attempt.');
  if (row.board_request_id) throw conflict('This delivery is on the dispatch board; assign its courier there.');
  const courier = await tx.query<{ id: string }>(`SELECT id FROM users WHERE id = $1 AND role = 'courier' AND NOT disabled`, [body.courierId]);
  if (!courier.rows[0]) throw badRequest('Choose a courier who is on shift.', ['courierId']);
  await tx.query('UPDATE deliveries SET courier_id = $2, version = version + 1, updated_at = now() WHERE id = $1', [id, body.courierId]);
  await tx.query(`INSERT INTO delivery_events (delivery_id, from_status, to_status, actor_id, courier_id) VALUES ($1, $2, $2, $3, $4)`, [id, row.status, principal.userId, body.courierId]);
  await recordChange(tx, 'prescription', row.prescription_id);
  return toView(await lockDelivery(tx, id));
}

/** Moves a delivery one step along the state machine, for the assigned courier (or a dispatcher where allowed). */
export async function updateDeliveryStatus(tx: Queryable, principal: Principal, id: string, body: DeliveryStatusBody): Promise<DeliveryView> {
  const row = await lockDelivery(tx, id);
  if (principal.role === 'courier' && row.courier_id !== principal.userId) throw forbidden('This delivery is not assigned to you.');
  const check = checkDeliveryTransition(row.status, body.status, principal.role);
  if (!check.ok) throw badRequest(check.message, ['status']);
  if (row.version !== body.version) throw conflict('This delivery was changed meanwhile; reload and try again.');
  if (['picked_up', 'out_for_delivery'].includes(body.status) && !row.courier_id) throw badRequest('Assign a courier first.');
  const sets: string[] = ['status = $2', 'version = version + 1', 'updated_at = now()'];
  const params: unknown[] = [id, body.status];
  const set = (column: string, value: unknown) => { params.push(value); sets.push(`${column} = $${params.length}`); };
  if (body.status === 'out_for_delivery') {
    set('eta', body.eta);
    if (row.status === 'failed') { sets.push('attempt = attempt + 1'); set('failure_reason', null); }
  }
  if (body.status === 'delivered') {
    set('recipient_name', body.proof.recipientName); set('delivered_at', body.proof.deliveredAt);
    set('photo_ref', body.proof.photoRef); set('signature_ref', body.proof.signatureRef);
  }
  if (body.status === 'failed') set('failure_reason', body.reason);
  if (body.status === 'ready_for_pickup' && row.status === 'returned') sets.push('attempt = attempt + 1');
  await tx.query(`UPDATE deliveries SET ${sets.join(', ')} WHERE id = $1`, params);
  await tx.query(`INSERT INTO delivery_events (delivery_id, from_status, to_status, actor_id, courier_id) VALUES ($1, $2, $3, $4, $5)`,
    [id, row.status, body.status, principal.userId, row.courier_id]);
  if (body.status === 'failed') {
    const taskId = randomUUID();
    await tx.query(`INSERT INTO inbox_tasks (id, user_id, patient_id, kind, prescription_id, delivery_id, status) VALUES ($1, $2, $3, 'delivery_failed', $4, $5, 'open')`,
      [taskId, row.prescriber_id, row.patient_id, row.prescription_id, id]);
    await recordChange(tx, 'task', taskId);
  }
  await moveRunWithDelivery(tx, id, body.status, new Date());
  await postDeliveryStatusToChat(tx, { patientId: row.patient_id, deliveryId: id, status: body.status });
  await recordChange(tx, 'prescription', row.prescription_id);
  return toView(await lockDelivery(tx, id));
}

export async function listCouriers(db: Queryable): Promise<Array<{ id: string; displayName: string; activeDeliveries: number }>> {
  const { rows } = await db.query<{ id: string; display_name: string; n: number }>(
    `SELECT u.id, u.display_name, (SELECT count(*)::int FROM deliveries d WHERE d.courier_id = u.id AND d.status IN ('ready_for_pickup', 'picked_up', 'out_for_delivery')) AS n
       FROM users u WHERE u.role = 'courier' AND NOT u.disabled ORDER BY u.display_name`);
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, activeDeliveries: r.n }));
}
