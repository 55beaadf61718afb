// Who may see which patient. Clinicians: patients on their care team. Dispatchers: patients with a home
// visit or a field request (home visit, delivery) in the dispatch window. Couriers and admins: no charts (couriers
// pull only their own delivery runs, see entity-sources.ts and pull.ts).
import type { Queryable } from '../db/database';
import type { Role } from '../../shared/domain/roles';

/** Dispatchers see patients whose home visits fall from this many days ago to this many days ahead. */
export const DISPATCH_WINDOW_DAYS = { before: 1, after: 7 } as const;

export interface Viewer {
  userId: string;
  role: Role;
}

/** SQL condition (on patient id column `col`) restricting rows to what the viewer may see; $1 = viewer id. */
export function patientScopeSql(role: Role, col: string): string {
  switch (role) {
    case 'clinician':
      return `EXISTS (SELECT 1 FROM care_team ct WHERE ct.patient_id = ${col} AND ct.user_id = $1)`;
    case 'dispatcher':
      return `(EXISTS (SELECT 1 FROM appointments ap WHERE ap.patient_id = ${col} AND ap.kind = 'home'
                AND ap.starts_at >= now() - interval '${DISPATCH_WINDOW_DAYS.before} days'
                AND ap.starts_at < now() + interval '${DISPATCH_WINDOW_DAYS.after} days' AND $1::uuid IS NOT NULL)
              OR EXISTS (SELECT 1 FROM field_requests fr WHERE fr.patient_id = ${col}
                AND fr.window_end >= now() - interval '${DISPATCH_WINDOW_DAYS.before} days'
                AND fr.window_start < now() + interval '${DISPATCH_WINDOW_DAYS.after} days'))`;
    case 'courier':
    case 'admin':
      return `(false AND $1::uuid IS NOT NULL)`;
  }
}

export async function canSeePatient(db: Queryable, viewer: Viewer, patientId: string): Promise<boolean> {
  const { rows } = await db.query<{ ok: boolean }>(
    `SELECT ${patientScopeSql(viewer.role, '$2::uuid')} AS ok`,
    [viewer.userId, patientId],
  );
  return rows[0]?.ok === true;
}
