// How each synced entity is read from its table into its wire form, one row by id (to record a change)
// or page by page within a viewer's scope (a first sync). The same mapping serves both, so a device that
// bootstraps and a device that pulls changes hold the same data.
import type { Queryable } from '../db/database';
import type { EntityName, EntityState } from '../../shared/sync/protocol';
import type { Role } from '../../shared/domain/roles';
import { patientScopeSql } from '../auth/patient-access';
import { toPatientSummary } from '../patients/patient-repository';

type Row = Record<string, unknown>;

export interface EntitySource {
  entity: Exclude<EntityName, 'access'>;
  table: string;
  /** SELECT list and FROM clause; the entity table is aliased `t`. */
  from: string;
  /** Column (on `t`) holding the patient id the entity belongs to. */
  patientColumn: string;
  /** Column (on `t`) naming the only user who may see it, for private entities (note drafts). */
  audienceColumn?: string;
  toData(row: Row): Record<string, unknown>;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));

export const ENTITY_SOURCES: readonly EntitySource[] = [
  {
    entity: 'patient', table: 'patients', patientColumn: 't.id',
    from: `SELECT t.id, t.version, t.id AS patient_id, t.mrn, t.given_name, t.family_name, t.birth_date, t.sex, t.phone, t.email,
             t.address_line, t.address_city, t.address_state, t.postal_code, t.location_state, t.city_id, e.name AS employer
           FROM patients t LEFT JOIN employers e ON e.id = t.employer_id`,
    toData: (r) => toPatientSummary(r as never) as unknown as Record<string, unknown>,
  },
  {
    entity: 'allergy', table: 'patient_allergies', patientColumn: 't.patient_id',
    from: `SELECT t.id, 1 AS version, t.patient_id, t.substance, t.code, t.reaction, t.severity, t.recorded_on FROM patient_allergies t`,
    toData: (r) => ({ id: r.id, patientId: r.patient_id, substance: r.substance, code: r.code, reaction: r.reaction, severity: r.severity, recordedOn: r.recorded_on }),
  },
  {
    entity: 'medication', table: 'patient_medications', patientColumn: 't.patient_id',
    from: `SELECT t.id, 1 AS version, t.patient_id, t.rxnorm_code, t.name, t.sig, t.status, t.started_on FROM patient_medications t`,
    toData: (r) => ({ id: r.id, patientId: r.patient_id, rxnormCode: r.rxnorm_code, name: r.name, sig: r.sig, status: r.status, startedOn: r.started_on }),
  },
  {
    entity: 'problem', table: 'patient_problems', patientColumn: 't.patient_id',
    from: `SELECT t.id, 1 AS version, t.patient_id, t.icd10_code, t.description, t.status, t.onset_on FROM patient_problems t`,
    toData: (r) => ({ id: r.id, patientId: r.patient_id, icd10Code: r.icd10_code, description: r.description, status: r.status, onsetOn: r.onset_on }),
  },
  {
    entity: 'appointment', table: 'appointments', patientColumn: 't.patient_id',
    from: `SELECT t.id, t.version, t.patient_id, t.clinician_id, t.kind, t.status, t.starts_at, t.ends_at, t.reason, t.city_id,
             p.given_name, p.family_name, p.location_state
           FROM appointments t JOIN patients p ON p.id = t.patient_id`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, clinicianId: r.clinician_id, kind: r.kind, status: r.status, startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at), reason: r.reason, cityId: r.city_id, version: r.version,
      patientName: `${String(r.given_name)} ${String(r.family_name)}`, patientLocationState: r.location_state,
    }),
  },
  {
    entity: 'note', table: 'encounter_notes', patientColumn: 't.patient_id', audienceColumn: 't.author_id',
    from: `SELECT t.id, t.version, t.patient_id, t.appointment_id, t.author_id, t.status, t.sections, t.updated_at FROM encounter_notes t`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, authorId: r.author_id, status: r.status,
      sections: r.sections, version: r.version, updatedAt: iso(r.updated_at),
    }),
  },
  {
    entity: 'fieldRequest', table: 'field_requests', patientColumn: 't.patient_id',
    from: `SELECT t.id, t.version, t.patient_id, t.kind, t.city_id, t.dispatch_date, t.appointment_id, t.delivery_id, t.reason, t.address_line,
             t.postal_code, t.latitude, t.longitude, t.window_start, t.window_end, t.skills, t.duration_minutes, t.priority, t.status,
             t.assignee_id, t.route_position, t.planned_arrival, t.status_at, p.given_name, p.family_name, p.location_state,
             au.display_name AS assignee_name, ab.display_name AS assigned_by_name
           FROM field_requests t JOIN patients p ON p.id = t.patient_id
           LEFT JOIN users au ON au.id = t.assignee_id LEFT JOIN users ab ON ab.id = t.assigned_by`,
    toData: (r) => toFieldRequest(r),
  },
];

/** The wire form of a field request row (see FieldRequestSchema). */
export function toFieldRequest(r: Row): Record<string, unknown> {
  const isoOrNull = (v: unknown) => (v === null || v === undefined ? null : iso(v));
  const day = r.dispatch_date instanceof Date ? r.dispatch_date.toISOString().slice(0, 10) : String(r.dispatch_date).slice(0, 10);
  return {
    id: r.id, kind: r.kind, patientId: r.patient_id, patientName: `${String(r.given_name)} ${String(r.family_name)}`,
    patientLocationState: r.location_state, cityId: r.city_id, appointmentId: r.appointment_id ?? null, deliveryId: r.delivery_id ?? null,
    reason: r.reason, addressLine: r.address_line, postalCode: r.postal_code, latitude: Number(r.latitude), longitude: Number(r.longitude),
    windowStart: iso(r.window_start), windowEnd: iso(r.window_end), skills: r.skills, durationMinutes: Number(r.duration_minutes),
    priority: r.priority, status: r.status, assigneeId: r.assignee_id ?? null, assigneeName: r.assignee_name ?? null,
    assignedByName: r.assigned_by_name ?? null, routePosition: r.route_position === null || r.route_position === undefined ? null : Number(r.route_position),
    plannedArrival: isoOrNull(r.planned_arrival), statusAt: isoOrNull(r.status_at), dispatchDate: day, version: Number(r.version),
  };
}

export function entitySource(entity: EntityName): EntitySource {
  const source = ENTITY_SOURCES.find((s) => s.entity === entity);
  if (!source) throw new Error(`no entity source for ${entity}`);
  return source;
}

export interface LoadedEntity {
  state: EntityState;
  patientId: string;
  audienceUserId: string | null;
}

/** The current state of one entity, or null when it does not exist. */
export async function loadEntity(db: Queryable, entity: EntityName, id: string): Promise<LoadedEntity | null> {
  const source = entitySource(entity);
  const { rows } = await db.query<Row>(`${source.from} WHERE t.id = $1`, [id]);
  const row = rows[0];
  if (!row) return null;
  return {
    state: { entity, id: String(row.id), version: Number(row.version), deleted: false, data: source.toData(row) },
    patientId: String(row.patient_id),
    audienceUserId: source.audienceColumn ? String(row.author_id) : null,
  };
}

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** One page (by id) of the entities a viewer may see, for a first sync; also usable for one patient. */
export async function loadScopePage(
  db: Queryable, source: EntitySource, viewer: { userId: string; role: Role }, afterId: string, limit: number, onlyPatientId?: string,
): Promise<Array<{ state: EntityState; patientId: string }>> {
  const audience = source.audienceColumn ? `AND ${source.audienceColumn} = $1` : '';
  const onePatient = onlyPatientId ? `AND ${source.patientColumn} = $4::uuid` : '';
  const params: unknown[] = [viewer.userId, afterId, limit];
  if (onlyPatientId) params.push(onlyPatientId);
  const { rows } = await db.query<Row>(
    `${source.from} WHERE ${patientScopeSql(viewer.role, source.patientColumn)} ${audience} ${onePatient}
       AND t.id > $2::uuid ORDER BY t.id LIMIT $3`,
    params,
  );
  return rows.map((row) => ({
    state: { entity: source.entity, id: String(row.id), version: Number(row.version), deleted: false, data: source.toData(row) },
    patientId: String(row.patient_id),
  }));
}

export async function countScope(db: Queryable, source: EntitySource, viewer: { userId: string; role: Role }): Promise<number> {
  const audience = source.audienceColumn ? `AND ${source.audienceColumn} = $1` : '';
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM ${source.table} t WHERE ${patientScopeSql(viewer.role, source.patientColumn)} ${audience}`,
    [viewer.userId],
  );
  return rows[0]?.n ?? 0;
}
