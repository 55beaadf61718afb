// Dispatch assignments, compare-and-set on the request's version (the losing coordinator is told who won), with
// the assignment rule re-checked on the server's state (a delivery's assignee becomes its courier in the same
// transaction); and the assignee's progress reports from the field (deliveries report through their own steps).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/database';
import type { MutationHandler, MutationOutcome } from './types';
import { reject } from './types';
import { loadEntity } from '../entity-sources';
import { recordAccessChange, recordChange } from '../change-log';
import { checkAssignment, openStops, scheduleRoute } from '../../../shared/rules/dispatch/assignment';
import type { FieldRequestStatus } from '../../../shared/domain/dispatch';
import { STARTED_STATUSES } from '../../../shared/domain/dispatch';
import type { StopRow } from '../../dispatch/dispatch-data';
import { STOP_SQL, loadRoute, lockPerson, toStop, writeRoute } from '../../dispatch/dispatch-data';
import { setCourierFromBoard } from '../../rx/delivery-board';

interface RequestRow extends StopRow {
  patient_id: string; delivery_id: string | null; version: number; dispatch_date: string; reason: string; city_id: string; time_zone: string;
  assignee_name: string | null; assigned_by_name: string | null;
}

async function lockRequest(tx: Queryable, requestId: string): Promise<RequestRow | null> {
  await tx.query('SELECT id FROM field_requests WHERE id = $1 FOR UPDATE', [requestId]);
  const { rows } = await tx.query<RequestRow>(
    `SELECT r.*, t.patient_id, t.delivery_id, t.version, t.dispatch_date::text AS dispatch_date, t.reason, t.city_id, c.time_zone,
            au.display_name AS assignee_name, ab.display_name AS assigned_by_name
       FROM (${STOP_SQL} WHERE t.id = $1) r JOIN field_requests t ON t.id = r.id JOIN cities c ON c.id = t.city_id
       LEFT JOIN users au ON au.id = t.assignee_id LEFT JOIN users ab ON ab.id = t.assigned_by`, [requestId]);
  return rows[0] ?? null;
}

const current = async (tx: Queryable, id: string) => (await loadEntity(tx, 'fieldRequest', id))?.state ?? null;

/** Re-plans a person's route without re-checking it (after a request left it) and records what moved. */
async function replanWithout(tx: Queryable, userId: string, date: string, changed: Set<string>, appointments: Set<string>): Promise<void> {
  const person = await lockPerson(tx, userId, date);
  if (!person) return;
  const rows = await loadRoute(tx, userId, date);
  const result = await writeRoute(tx, rows, scheduleRoute(person, openStops(rows.map(toStop))));
  result.requests.forEach((id) => changed.add(id));
  result.appointments.forEach((id) => appointments.add(id));
}

async function recordAll(tx: Queryable, requests: Set<string>, appointments: Set<string>): Promise<void> {
  for (const id of requests) await recordChange(tx, 'fieldRequest', id);
  for (const id of appointments) await recordChange(tx, 'appointment', id);
}

/** Puts a home visit on the assignee's schedule (moving it from a previous assignee) and the patient on their care team. */
async function scheduleVisit(tx: Queryable, row: RequestRow, assigneeId: string, start: number, end: number, appointments: Set<string>): Promise<void> {
  if (row.appointment_id) {
    await tx.query(
      `UPDATE appointments SET clinician_id = $2, starts_at = $3, ends_at = $4,
         status = CASE WHEN status = 'cancelled' THEN 'booked' ELSE status END, version = version + 1 WHERE id = $1`,
      [row.appointment_id, assigneeId, new Date(start), new Date(end)]);
    appointments.add(row.appointment_id);
  } else {
    const id = randomUUID();
    await tx.query(
      `INSERT INTO appointments (id, patient_id, clinician_id, kind, status, starts_at, ends_at, reason, city_id)
       VALUES ($1, $2, $3, 'home', 'booked', $4, $5, $6, $7)`,
      [id, row.patient_id, assigneeId, new Date(start), new Date(end), row.reason, row.city_id]);
    await tx.query('UPDATE field_requests SET appointment_id = $2 WHERE id = $1', [row.id, id]);
    appointments.add(id);
  }
  const joined = await tx.query(
    `INSERT INTO care_team (patient_id, user_id, relation) VALUES ($1, $2, 'scheduled') ON CONFLICT (patient_id, user_id) DO NOTHING`,
    [row.patient_id, assigneeId]);
  if ((joined.rowCount ?? 0) > 0) await recordAccessChange(tx, assigneeId, row.patient_id, true);
}

/** A delivery run's assignee is its delivery's courier: written in this transaction, or a refusal. */
async function courierOfDelivery(tx: Queryable, row: RequestRow, courierId: string | null, actorId: string): Promise<string | null> {
  if (row.kind !== 'delivery' || !row.delivery_id) return null;
  return setCourierFromBoard(tx, row.delivery_id, courierId, actorId);
}

function whoWon(row: RequestRow): string {
  const by = row.assigned_by_name ? ` by ${row.assigned_by_name}` : '';
  if (row.assignee_name) return `Someone else got there first: this request was assigned to ${row.assignee_name}${by}.`;
  return `Someone else changed this request first${by ? `: it was taken off its route${by}` : ''}.`;
}

export const assignFieldRequest: MutationHandler<'fieldRequest.assign'> = {
  name: 'fieldRequest.assign',
  roles: ['dispatcher'],
  async apply({ tx, principal, baseVersion, now }, { requestId, assigneeId, position, acceptWarnings }): Promise<MutationOutcome> {
    const row = await lockRequest(tx, requestId);
    if (!row) return reject('not_found', 'This field request does not exist.');
    if (baseVersion === undefined) return reject('invalid_args', 'An assignment must say which version of the request it was based on.', await current(tx, requestId), row.patient_id);
    if (row.version !== baseVersion) return reject('stale_version', whoWon(row), await current(tx, requestId), row.patient_id);
    const started = STARTED_STATUSES.includes(row.status);
    if (row.status === 'cancelled') return reject('rule_violation', 'This request was cancelled.', await current(tx, requestId), row.patient_id);
    const changed = new Set<string>([requestId]);
    const appointments = new Set<string>();
    const previous = row.assignee_id;

    if (assigneeId === null) {
      if (started) return reject('rule_violation', 'This visit has already started and cannot be moved.', await current(tx, requestId), row.patient_id);
      const courierRefused = await courierOfDelivery(tx, row, null, principal.userId);
      if (courierRefused) return reject('rule_violation', courierRefused, await current(tx, requestId), row.patient_id);
      await tx.query(
        `UPDATE field_requests SET status = 'unassigned', assignee_id = NULL, route_position = NULL, planned_arrival = NULL,
           assigned_by = $2, version = version + 1 WHERE id = $1`, [requestId, principal.userId]);
      if (row.appointment_id) {
        const cancelled = await tx.query(`UPDATE appointments SET status = 'cancelled', version = version + 1 WHERE id = $1 AND status = 'booked'`, [row.appointment_id]);
        if ((cancelled.rowCount ?? 0) > 0) appointments.add(row.appointment_id);
      }
      if (previous) await replanWithout(tx, previous, row.dispatch_date, changed, appointments);
      await recordAll(tx, changed, appointments);
      return { status: 'applied', state: (await current(tx, requestId))!, patientId: row.patient_id };
    }

    const person = await lockPerson(tx, assigneeId, row.dispatch_date);
    if (!person) return reject('rule_violation', 'That person is not on shift on this day.', await current(tx, requestId), row.patient_id);
    const route = await loadRoute(tx, assigneeId, row.dispatch_date);
    const check = checkAssignment({ request: toStop(row), person, route: route.map(toStop), position, now, timeZone: row.time_zone });
    if (check.verdict === 'violation') return reject('rule_violation', check.violations.map((v) => v.message).join(' '), await current(tx, requestId), row.patient_id);
    if (check.verdict === 'warning' && !acceptWarnings) {
      return reject('rule_violation', `Needs confirmation: ${check.warnings.map((w) => w.message).join(' ')}`, await current(tx, requestId), row.patient_id);
    }
    const courierRefused = await courierOfDelivery(tx, row, assigneeId, principal.userId);
    if (courierRefused) return reject('rule_violation', courierRefused, await current(tx, requestId), row.patient_id);
    const status: FieldRequestStatus = started ? row.status : 'assigned';
    await tx.query('UPDATE field_requests SET status = $2, assignee_id = $3, assigned_by = $4, version = version + 1 WHERE id = $1',
      [requestId, status, assigneeId, principal.userId]);
    const planned = check.route[check.position]!;
    if (row.kind === 'home_visit') await scheduleVisit(tx, row, assigneeId, planned.start, planned.end, appointments);
    const rows = (await loadRoute(tx, assigneeId, row.dispatch_date));
    const order = new Map(check.route.map((s, k) => [s.id, k]));
    rows.sort((a, b) => (order.get(a.id) ?? 1e9) - (order.get(b.id) ?? 1e9));
    const result = await writeRoute(tx, rows, check.route);
    result.requests.forEach((id) => changed.add(id));
    result.appointments.forEach((id) => appointments.add(id));
    if (previous && previous !== assigneeId) await replanWithout(tx, previous, row.dispatch_date, changed, appointments);
    await recordAll(tx, changed, appointments);
    return { status: 'applied', state: (await current(tx, requestId))!, patientId: row.patient_id };
  },
};

const PROGRESS_ORDER: readonly FieldRequestStatus[] = ['assigned', 'en_route', 'arrived', 'completed'];
const SHIFT_STATUS: Record<string, string> = { en_route: 'en_route', arrived: 'on_site', completed: 'available' };

export const setFieldRequestStatus: MutationHandler<'fieldRequest.setStatus'> = {
  name: 'fieldRequest.setStatus',
  roles: ['clinician', 'courier'],
  async apply({ tx, principal, now }, { requestId, status }): Promise<MutationOutcome> {
    const row = await lockRequest(tx, requestId);
    if (!row || row.assignee_id !== principal.userId) return reject('not_found', 'This visit is not on your route.');
    if (row.kind === 'delivery') {
      return reject('rule_violation', "A delivery's progress is reported from Deliveries (picked up, out for delivery, delivered).", await current(tx, requestId), row.patient_id);
    }
    const from = PROGRESS_ORDER.indexOf(row.status);
    const to = PROGRESS_ORDER.indexOf(status);
    if (from < 0 || to <= from) {
      return reject('rule_violation', `This visit is already ${row.status.replace('_', ' ')}; it cannot become ${status.replace('_', ' ')}.`, await current(tx, requestId), row.patient_id);
    }
    await tx.query('UPDATE field_requests SET status = $2, status_at = $3, version = version + 1 WHERE id = $1', [requestId, status, now]);
    await tx.query('UPDATE staff_shifts SET status = $3 WHERE user_id = $1 AND shift_date = $2::date', [principal.userId, row.dispatch_date, SHIFT_STATUS[status]]);
    return { status: 'applied', state: await recordChange(tx, 'fieldRequest', requestId), patientId: row.patient_id };
  },
};
