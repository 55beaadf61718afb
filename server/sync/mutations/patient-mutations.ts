// Demographic edits: last writer wins per field, in server order (never by client clocks).
import type { MutationHandler } from './types';
import { reject } from './types';
import { canSeePatient, patientScopeSql } from '../../auth/patient-access';
import { recordChange } from '../change-log';

const CONTACT_COLUMNS = { phone: 'phone', email: 'email', addressLine: 'address_line', addressCity: 'address_city', addressState: 'address_state', postalCode: 'postal_code' } as const;

export const updateContact: MutationHandler<'patient.updateContact'> = {
  name: 'patient.updateContact',
  roles: ['clinician'],
  async apply({ tx, principal }, { patientId, fields }) {
    const sets: string[] = [];
    const params: unknown[] = [principal.userId, patientId]; // $1 = the viewer, as patientScopeSql expects
    for (const [key, column] of Object.entries(CONTACT_COLUMNS)) {
      const value = fields[key as keyof typeof fields];
      if (value === undefined) continue;
      params.push(value);
      sets.push(`${column} = $${params.length}`);
    }
    // The access check is part of the update (one round trip); only when nothing changed is the reason looked up.
    const updated = await tx.query(
      `UPDATE patients SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $2 AND ${patientScopeSql(principal.role, 'patients.id')}`,
      params);
    if (updated.rowCount === 0) {
      if (!(await canSeePatient(tx, principal, patientId))) return reject('forbidden', 'You do not have access to this patient.');
      return reject('not_found', 'This patient no longer exists.');
    }
    return { status: 'applied', state: await recordChange(tx, 'patient', patientId), patientId };
  },
};

export const confirmLocation: MutationHandler<'patient.confirmLocation'> = {
  name: 'patient.confirmLocation',
  roles: ['clinician'],
  async apply({ tx, principal }, { patientId, locationState }) {
    if (!(await canSeePatient(tx, principal, patientId))) return reject('forbidden', 'You do not have access to this patient.');
    const updated = await tx.query('UPDATE patients SET location_state = $2, version = version + 1, updated_at = now() WHERE id = $1', [patientId, locationState]);
    if (updated.rowCount === 0) return reject('not_found', 'This patient no longer exists.');
    const state = await recordChange(tx, 'patient', patientId);
    // Appointments carry the patient's location state: devices must see it change there too.
    const { rows } = await tx.query<{ id: string }>('SELECT id FROM appointments WHERE patient_id = $1', [patientId]);
    for (const row of rows) await recordChange(tx, 'appointment', row.id);
    // So do waiting queue requests: a patient who moved is offered to clinicians licensed where they are now.
    const waiting = await tx.query<{ id: string }>(
      `UPDATE queue_requests SET location_state = $2, version = version + 1
        WHERE patient_id = $1 AND status = 'waiting' AND location_state <> $2 RETURNING id`, [patientId, locationState]);
    for (const row of waiting.rows) await recordChange(tx, 'queue', row.id);
    return { status: 'applied', state, patientId };
  },
};
