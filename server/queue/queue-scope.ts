// Which on-demand queue requests a clinician may pull: waiting ones located in a state where the clinician
// holds an active license (shared/rules/licensure, the one eligibility rule), plus the ones they took.
import type { Queryable } from '../db/database';
import type { Role } from '../../shared/domain/roles';
import type { StateLicense } from '../../shared/domain/user';
import type { UsState } from '../../shared/domain/states';
import { activeLicenseStates } from '../../shared/rules/licensure';

export async function loadLicenses(db: Queryable, userId: string): Promise<StateLicense[]> {
  const { rows } = await db.query<{ state: string; license_number: string; expires_on: string }>(
    'SELECT state, license_number, expires_on FROM staff_licenses WHERE user_id = $1', [userId]);
  return rows.map((r) => ({ state: r.state.trim() as UsState, licenseNumber: r.license_number, expiresOn: String(r.expires_on) }));
}

/** The states whose waiting queue requests the user may see now (none for roles that do not take patients). */
export async function queueStatesFor(db: Queryable, viewer: { userId: string; role: Role }, now: Date): Promise<UsState[]> {
  if (viewer.role !== 'clinician') return [];
  return activeLicenseStates(await loadLicenses(db, viewer.userId), now);
}

/** Whether a queue request's wire form is in the viewer's scope (the pulled change-log filter). */
export function queueRequestVisible(data: Record<string, unknown> | null, viewer: { userId: string; queueStates: readonly string[] }): boolean {
  if (!data) return false;
  if (data.status === 'waiting') return typeof data.locationState === 'string' && viewer.queueStates.includes(data.locationState);
  return data.status === 'taken' && data.takenBy === viewer.userId;
}
