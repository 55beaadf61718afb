// Reads patients and their clinical lists from the database, always within the viewer's scope.
import type { Queryable } from '../db/database';
import type { Allergy, Medication, PatientChart, PatientSummary, Problem } from '../../shared/domain/patient';
import type { Viewer } from '../auth/patient-access';
import { patientScopeSql } from '../auth/patient-access';

interface PatientRow {
  id: string; mrn: string; given_name: string; family_name: string; birth_date: string; sex: PatientSummary['sex'];
  phone: string | null; email: string | null; address_line: string; address_city: string; address_state: string;
  postal_code: string; location_state: string; city_id: string | null; employer: string | null; version: number;
}

const PATIENT_SELECT = `SELECT p.id, p.mrn, p.given_name, p.family_name, p.birth_date, p.sex, p.phone, p.email,
  p.address_line, p.address_city, p.address_state, p.postal_code, p.location_state, p.city_id, e.name AS employer, p.version
  FROM patients p LEFT JOIN employers e ON e.id = p.employer_id`;

export function toPatientSummary(r: PatientRow): PatientSummary {
  return {
    id: r.id, mrn: r.mrn, givenName: r.given_name, familyName: r.family_name, birthDate: r.birth_date, sex: r.sex,
    phone: r.phone, email: r.email,
    address: { line: r.address_line, city: r.address_city, state: r.address_state as PatientSummary['address']['state'], postalCode: r.postal_code },
    locationState: r.location_state as PatientSummary['locationState'], cityId: r.city_id, employer: r.employer, version: r.version,
  };
}

/** Name, MRN, date of birth (YYYY-MM-DD) or phone digits, within the viewer's scope. */
export async function searchPatients(db: Queryable, viewer: Viewer, q: string, limit: number): Promise<PatientSummary[]> {
  const term = q.trim().toLowerCase();
  const digits = term.replace(/\D/g, '');
  const { rows } = await db.query<PatientRow>(
    `${PATIENT_SELECT}
      WHERE ${patientScopeSql(viewer.role, 'p.id')}
        AND (lower(p.family_name || ', ' || p.given_name) LIKE $2 || '%' OR lower(p.given_name || ' ' || p.family_name) LIKE $2 || '%'
             OR lower(p.family_name) LIKE $2 || '%' OR p.mrn = upper($3) OR p.birth_date::text = $3
             OR ($4 <> '' AND length($4) >= 4 AND regexp_replace(coalesce(p.phone, ''), '\\D', '', 'g') LIKE '%' || $4 || '%'))
      ORDER BY p.family_name, p.given_name LIMIT $5`,
    [viewer.userId, term.replace(/[%_\\]/g, ''), term, digits, limit],
  );
  return rows.map(toPatientSummary);
}

export async function getPatientChart(db: Queryable, viewer: Viewer, patientId: string): Promise<PatientChart | null> {
  const { rows } = await db.query<PatientRow>(`${PATIENT_SELECT} WHERE p.id = $2 AND ${patientScopeSql(viewer.role, 'p.id')}`, [viewer.userId, patientId]);
  const row = rows[0];
  if (!row) return null;
  const [allergies, medications, problems] = await Promise.all([
    db.query<{ id: string; substance: string; code: string | null; reaction: string | null; severity: Allergy['severity']; recorded_on: string | null }>(
      'SELECT id, substance, code, reaction, severity, recorded_on FROM patient_allergies WHERE patient_id = $1 ORDER BY substance', [patientId]),
    db.query<{ id: string; rxnorm_code: string; name: string; sig: string | null; status: Medication['status']; started_on: string | null }>(
      'SELECT id, rxnorm_code, name, sig, status, started_on FROM patient_medications WHERE patient_id = $1 ORDER BY status, name', [patientId]),
    db.query<{ id: string; icd10_code: string; description: string; status: Problem['status']; onset_on: string | null }>(
      'SELECT id, icd10_code, description, status, onset_on FROM patient_problems WHERE patient_id = $1 ORDER BY status, description', [patientId]),
  ]);
  return {
    patient: toPatientSummary(row),
    allergies: allergies.rows.map((a) => ({ id: a.id, substance: a.substance, code: a.code, reaction: a.reaction, severity: a.severity, recordedOn: a.recorded_on })),
    medications: medications.rows.map((m) => ({ id: m.id, rxnormCode: m.rxnorm_code, name: m.name, sig: m.sig, status: m.status, startedOn: m.started_on })),
    problems: problems.rows.map((p) => ({ id: p.id, icd10Code: p.icd10_code, description: p.description, status: p.status, onsetOn: p.onset_on })),
  };
}
