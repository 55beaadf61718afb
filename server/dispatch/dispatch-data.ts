// Reads and writes behind the dispatch board: field staff on shift, a person's route as rule inputs, and
// re-planning a route (positions, planned arrivals, and the times of the visits on the assignee's schedule).
import type { Queryable } from '../db/database';
import type { FieldRequestKind, FieldRequestStatus, FieldStaff } from '../../shared/domain/dispatch';
import { staffToPerson } from '../../shared/rules/dispatch/board';
import type { UsState } from '../../shared/domain/states';
import type { PersonInput, PlannedStop, StopInput } from '../../shared/rules/dispatch/assignment';

interface StaffRow {
  user_id: string; display_name: string; role: 'clinician' | 'courier'; credential: FieldStaff['credential'];
  starts_at: Date; ends_at: Date; start_latitude: number; start_longitude: number; status: FieldStaff['status'];
  skills: string[] | null; licenses: Array<{ state: UsState; licenseNumber: string; expiresOn: string }> | null;
}

const STAFF_SQL = `SELECT s.user_id, u.display_name, u.role, u.credential, s.starts_at, s.ends_at, s.start_latitude, s.start_longitude, s.status,
    (SELECT array_agg(k.skill ORDER BY k.skill) FROM staff_skills k WHERE k.user_id = s.user_id) AS skills,
    (SELECT json_agg(json_build_object('state', l.state, 'licenseNumber', l.license_number, 'expiresOn', l.expires_on::text) ORDER BY l.state)
       FROM staff_licenses l WHERE l.user_id = s.user_id) AS licenses
  FROM staff_shifts s JOIN users u ON u.id = s.user_id`;

function toStaff(r: StaffRow): FieldStaff {
  const licenses = typeof r.licenses === 'string' ? (JSON.parse(r.licenses) as StaffRow['licenses']) : r.licenses;
  return {
    userId: r.user_id, displayName: r.display_name, role: r.role, credential: r.credential, skills: r.skills ?? [],
    licenses: (licenses ?? []).map((l) => ({ state: l.state, licenseNumber: l.licenseNumber, expiresOn: l.expiresOn })),
    shiftStart: r.starts_at.toISOString(), shiftEnd: r.ends_at.toISOString(),
    startLatitude: Number(r.start_latitude), startLongitude: Number(r.start_longitude), status: r.status,
  };
}

/** The field staff (clinicians and couriers) on shift in a city on a day, by name. */
export async function loadFieldStaff(db: Queryable, cityId: string, date: string): Promise<FieldStaff[]> {
  const { rows } = await db.query<StaffRow>(
    `${STAFF_SQL} WHERE s.city_id = $1 AND s.shift_date = $2::date AND u.disabled = false AND u.role IN ('clinician', 'courier')
      ORDER BY u.display_name`, [cityId, date]);
  return rows.map(toStaff);
}


/** A person's shift on a day as a rule input, locking the shift row so two assignments to one person serialize. */
export async function lockPerson(tx: Queryable, userId: string, date: string): Promise<PersonInput | null> {
  const locked = await tx.query('SELECT id FROM staff_shifts WHERE user_id = $1 AND shift_date = $2::date FOR UPDATE', [userId, date]);
  if (locked.rows.length === 0) return null;
  const { rows } = await tx.query<StaffRow>(`${STAFF_SQL} WHERE s.user_id = $1 AND s.shift_date = $2::date AND u.disabled = false`, [userId, date]);
  return rows[0] ? staffToPerson(toStaff(rows[0])) : null;
}

export interface StopRow {
  id: string; kind: FieldRequestKind; skills: string[]; duration_minutes: number; window_start: Date; window_end: Date;
  latitude: number; longitude: number; location_state: UsState; status: FieldRequestStatus; assignee_id: string | null;
  appointment_id: string | null; route_position: number | null; planned_arrival: Date | null;
}

export const STOP_SQL = `SELECT t.id, t.kind, t.skills, t.duration_minutes, t.window_start, t.window_end, t.latitude, t.longitude,
    p.location_state, t.status, t.assignee_id, t.appointment_id, t.route_position, t.planned_arrival
  FROM field_requests t JOIN patients p ON p.id = t.patient_id`;

export function toStop(r: StopRow): StopInput {
  return {
    id: r.id, kind: r.kind, skills: r.skills, durationMinutes: Number(r.duration_minutes), windowStart: r.window_start.getTime(),
    windowEnd: r.window_end.getTime(), latitude: Number(r.latitude), longitude: Number(r.longitude), patientState: r.location_state,
    status: r.status, assigneeId: r.assignee_id,
  };
}

/** A person's route on a day, in order (cancelled requests are not on a route). */
export async function loadRoute(db: Queryable, userId: string, date: string): Promise<StopRow[]> {
  const { rows } = await db.query<StopRow>(
    `${STOP_SQL} WHERE t.assignee_id = $1 AND t.dispatch_date = $2::date AND t.status <> 'cancelled'
      ORDER BY t.route_position NULLS LAST, t.window_start, t.id`, [userId, date]);
  return rows;
}

/**
 * Writes a planned route: each request's position and planned arrival (its version bumps when either changed),
 * and the start and end of its visit on the schedule. Returns the ids of the requests and appointments changed.
 */
export async function writeRoute(tx: Queryable, rows: readonly StopRow[], planned: readonly PlannedStop[]): Promise<{ requests: string[]; appointments: string[] }> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const changed = { requests: [] as string[], appointments: [] as string[] };
  // Completed visits keep the first positions; the planned (open) stops follow them.
  const done = rows.filter((r) => r.status === 'completed').length;
  for (const [k, stop] of planned.entries()) {
    const position = done + k;
    const row = byId.get(stop.id);
    if (!row) continue;
    if (row.route_position !== position || row.planned_arrival?.getTime() !== stop.arrival) {
      await tx.query('UPDATE field_requests SET route_position = $2, planned_arrival = $3, version = version + 1 WHERE id = $1',
        [stop.id, position, new Date(stop.arrival)]);
      changed.requests.push(stop.id);
    }
    if (row.appointment_id) {
      const moved = await tx.query(
        `UPDATE appointments SET starts_at = $2, ends_at = $3, version = version + 1
          WHERE id = $1 AND status = 'booked' AND (starts_at <> $2 OR ends_at <> $3)`,
        [row.appointment_id, new Date(stop.start), new Date(stop.end)]);
      if ((moved.rowCount ?? 0) > 0) changed.appointments.push(row.appointment_id);
    }
  }
  return changed;
}
