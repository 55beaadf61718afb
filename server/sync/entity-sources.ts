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
  /**
   * Who may see it when it belongs to no patient (staff conversations): a condition on `t` with $1 = viewer,
   * used instead of the patient scope, and a query for the user ids ($1 = entity id) a change goes to.
   */
  memberScope?: { scopeSql(role: Role): string; membersSql: string };
  /** Who may see it: the patient's care team (default) or, for queue requests, licensure (see queue-scope.ts). */
  scope?: 'patient' | 'queue';
  toData(row: Row): Record<string, unknown>;
}

const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : String(v));
const json = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v);

/** A conversation (given its id column and patient column) the viewer ($1) may see: their patients' care conversations, their staff ones. */
function conversationScopeSql(role: Role, idColumn: string, patientColumn: string): string {
  return `((${patientColumn} IS NOT NULL AND ${patientScopeSql(role, patientColumn)})
    OR (${patientColumn} IS NULL AND EXISTS (SELECT 1 FROM conversation_members cm WHERE cm.conversation_id = ${idColumn} AND cm.user_id = $1)))`;
}

const CONVERSATION_FROM = `SELECT t.id, t.version, t.patient_id, t.kind, t.title, t.last_message_seq, p.given_name, p.family_name,
    (SELECT coalesce(json_agg(json_build_object('userId', u.id, 'name', u.display_name) ORDER BY u.display_name), '[]'::json)
       FROM conversation_members m JOIN users u ON u.id = m.user_id WHERE m.conversation_id = t.id) AS members,
    (SELECT coalesce(json_object_agg(r.reader, json_build_object('deliveredSeq', r.delivered_seq, 'readSeq', r.read_seq)), '{}'::json)
       FROM conversation_receipts r WHERE r.conversation_id = t.id) AS receipts
  FROM conversations t LEFT JOIN patients p ON p.id = t.patient_id`;

function conversationData(r: Row): Record<string, unknown> {
  const members = json(r.members) as Array<{ userId: string; name: string }>;
  const title = r.patient_id ? `${String(r.given_name)} ${String(r.family_name)}` : (r.title ? String(r.title) : members.map((m) => m.name).join(', '));
  return {
    id: r.id, kind: r.kind, patientId: r.patient_id ?? null, title, members, receipts: json(r.receipts),
    lastMessageSeq: Number(r.last_message_seq), version: Number(r.version),
  };
}

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
    from: `SELECT t.id, t.version, t.patient_id, t.clinician_id, t.kind, t.status, t.starts_at, t.ends_at, t.reason, t.city_id, t.checked_in_at,
             p.given_name, p.family_name, p.location_state
           FROM appointments t JOIN patients p ON p.id = t.patient_id`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, clinicianId: r.clinician_id, kind: r.kind, status: r.status, startsAt: iso(r.starts_at),
      endsAt: iso(r.ends_at), reason: r.reason, cityId: r.city_id, version: r.version,
      patientName: `${String(r.given_name)} ${String(r.family_name)}`, patientLocationState: r.location_state,
      checkedInAt: r.checked_in_at ? iso(r.checked_in_at) : null,
    }),
  },
  {
    entity: 'note', table: 'encounter_notes', patientColumn: 't.patient_id', audienceColumn: 't.author_id',
    from: `SELECT t.id, t.version, t.patient_id, t.appointment_id, t.author_id, t.status, t.sections, t.updated_at,
             t.signed_by, t.signed_at, t.content_hash,
             (SELECT coalesce(json_agg(json_build_object('id', a.id, 'text', a.text, 'authorId', a.author_id, 'signedAt', a.signed_at,
                                                        'contentHash', a.content_hash) ORDER BY a.signed_at, a.id), '[]'::json)
                FROM note_addenda a WHERE a.note_id = t.id) AS addenda
           FROM encounter_notes t`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, authorId: r.author_id, status: r.status,
      sections: r.sections, version: r.version, updatedAt: iso(r.updated_at),
      signedBy: r.signed_by ?? null, signedAt: r.signed_at ? iso(r.signed_at) : null, contentHash: r.content_hash ?? null,
      addenda: (parseJson(r.addenda) as Array<Record<string, unknown>>).map((a) => ({ ...a, signedAt: iso(new Date(String(a.signedAt))) })),
    }),
  },
  {
    entity: 'encounter', table: 'encounters', patientColumn: 't.patient_id',
    from: `SELECT t.id, t.version, t.patient_id, t.appointment_id, t.clinician_id, t.practitioner_id, t.class_code, t.status,
             t.type_system, t.type_code, t.type_display, t.reason_system, t.reason_code, t.reason_display, t.starts_at, t.ends_at, t.source,
             nullif(concat_ws(' ', pr.prefix, pr.given_name, pr.family_name), '') AS practitioner_name
           FROM encounters t LEFT JOIN practitioners pr ON pr.id = t.practitioner_id`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, clinicianId: r.clinician_id, practitionerId: r.practitioner_id,
      practitionerName: r.practitioner_name ?? null, classCode: r.class_code, status: r.status,
      type: r.type_code || r.type_display ? { system: r.type_system ?? null, code: r.type_code ?? null, display: r.type_display ?? null } : null,
      reason: r.reason_code || r.reason_display ? { system: r.reason_system ?? null, code: r.reason_code ?? null, display: r.reason_display ?? null } : null,
      startsAt: r.starts_at ? iso(r.starts_at) : null, endsAt: r.ends_at ? iso(r.ends_at) : null, source: r.source, version: r.version,
    }),
  },
  {
    entity: 'vital', table: 'vital_signs', patientColumn: 't.patient_id',
    from: `SELECT t.id, t.version, t.patient_id, t.encounter_id, t.note_id, t.loinc_code, t.source_code, t.display, t.value::text AS value,
             t.systolic::text AS systolic, t.diastolic::text AS diastolic, t.unit, t.status, t.effective_at
           FROM vital_signs t`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, encounterId: r.encounter_id, noteId: r.note_id ?? null, loincCode: r.loinc_code, sourceCode: r.source_code,
      display: r.display, value: r.value ?? null, systolic: r.systolic ?? null, diastolic: r.diastolic ?? null, unit: r.unit, status: r.status,
      effectiveAt: iso(r.effective_at), version: r.version,
    }),
  },
  {
    // Prescriptions with their delivery's status: the prescriber and the patient's care team see where it is.
    entity: 'prescription', table: 'prescriptions', patientColumn: 't.patient_id',
    from: `SELECT t.id, t.version + COALESCE(d.version, 0) AS version, t.patient_id, t.appointment_id, t.prescriber_id, u.display_name AS prescriber_name,
             t.rxcui, t.drug_name, t.schedule, t.rx_order, t.overrides, t.status, t.supersedes_id, t.cancel_reason, t.signed_at, t.content_hash,
             (SELECT n.id FROM prescriptions n WHERE n.supersedes_id = t.id LIMIT 1) AS superseded_by_id,
             d.id AS delivery_id, d.status AS delivery_status, d.eta, d.failure_reason, d.recipient_name, d.delivered_at, d.attempt
           FROM prescriptions t JOIN users u ON u.id = t.prescriber_id LEFT JOIN deliveries d ON d.prescription_id = t.id`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, appointmentId: r.appointment_id, prescriberId: r.prescriber_id, prescriberName: r.prescriber_name,
      rxcui: r.rxcui, drugName: r.drug_name, schedule: r.schedule, order: r.rx_order, overrides: r.overrides, status: r.status,
      supersedesId: r.supersedes_id, supersededById: r.superseded_by_id, cancelReason: r.cancel_reason, signedAt: iso(r.signed_at),
      contentHash: r.content_hash, version: Number(r.version),
      delivery: r.delivery_id ? {
        id: r.delivery_id, status: r.delivery_status, eta: r.eta ? iso(r.eta) : null, failureReason: r.failure_reason,
        recipientName: r.recipient_name, deliveredAt: r.delivered_at ? iso(r.delivered_at) : null, attempt: r.attempt,
      } : null,
    }),
  },
  {
    // Inbox tasks are private to their owner (aliased author_id, the audience column loadEntity reads).
    entity: 'task', table: 'inbox_tasks', patientColumn: 't.patient_id', audienceColumn: 't.user_id',
    from: `SELECT t.id, t.version, t.patient_id, t.user_id AS author_id, t.kind, t.prescription_id, t.status, t.created_at, p.drug_name, d.failure_reason
           FROM inbox_tasks t LEFT JOIN prescriptions p ON p.id = t.prescription_id LEFT JOIN deliveries d ON d.id = t.delivery_id`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, kind: r.kind, prescriptionId: r.prescription_id, status: r.status, createdAt: iso(r.created_at), version: r.version,
      title: `Delivery failed${r.failure_reason ? ` (${String(r.failure_reason).replace(/_/g, ' ')})` : ''}: ${String(r.drug_name ?? 'prescription')}`,
    }),
  },
  {
    entity: 'conversation', table: 'conversations', patientColumn: 't.patient_id', from: CONVERSATION_FROM, toData: conversationData,
    memberScope: {
      scopeSql: (role) => conversationScopeSql(role, 't.id', 't.patient_id'),
      membersSql: 'SELECT user_id FROM conversation_members WHERE conversation_id = $1',
    },
  },
  {
    entity: 'message', table: 'messages', patientColumn: 'c.patient_id',
    from: `SELECT t.id, 1 AS version, c.patient_id, t.conversation_id, t.seq, t.sender_kind, t.sender_user_id, u.display_name AS sender_name,
             t.body, t.attachment_id, a.content_type, a.byte_size, t.sent_at, p.given_name
           FROM messages t JOIN conversations c ON c.id = t.conversation_id LEFT JOIN users u ON u.id = t.sender_user_id
           LEFT JOIN chat_attachments a ON a.id = t.attachment_id LEFT JOIN patients p ON p.id = c.patient_id`,
    toData: (r) => ({
      id: r.id, conversationId: r.conversation_id, patientId: r.patient_id ?? null, seq: Number(r.seq), senderKind: r.sender_kind,
      senderUserId: r.sender_user_id ?? null,
      senderName: r.sender_kind === 'staff' ? String(r.sender_name) : r.sender_kind === 'patient' ? String(r.given_name) : 'Housecall',
      body: r.body, attachment: r.attachment_id ? { id: r.attachment_id, contentType: r.content_type, byteSize: Number(r.byte_size) } : null,
      sentAt: iso(r.sent_at),
    }),
    memberScope: {
      scopeSql: (role) => `EXISTS (SELECT 1 FROM conversations cv WHERE cv.id = t.conversation_id AND ${conversationScopeSql(role, 'cv.id', 'cv.patient_id')})`,
      membersSql: 'SELECT m.user_id FROM messages g JOIN conversation_members m ON m.conversation_id = g.conversation_id WHERE g.id = $1',
    },
  },
  {
    entity: 'queue', table: 'queue_requests', patientColumn: 't.patient_id', scope: 'queue',
    from: `SELECT t.id, t.version, t.patient_id, t.reason, t.urgency, t.requested_at, t.location_state, t.status, t.taken_by, t.taken_at,
             t.appointment_id, p.given_name, p.family_name, u.display_name AS taken_by_name
           FROM queue_requests t JOIN patients p ON p.id = t.patient_id LEFT JOIN users u ON u.id = t.taken_by`,
    toData: (r) => ({
      id: r.id, patientId: r.patient_id, patientName: `${String(r.given_name)} ${String(r.family_name)}`, reason: r.reason, urgency: r.urgency,
      requestedAt: iso(r.requested_at), locationState: String(r.location_state).trim(), status: r.status, takenBy: r.taken_by ?? null,
      takenByName: r.taken_by_name ?? null, takenAt: r.taken_at ? iso(r.taken_at) : null, appointmentId: r.appointment_id ?? null, version: r.version,
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

/** json columns come back parsed from pg and PGlite alike; text is parsed for safety. */
const parseJson = (v: unknown): unknown => (typeof v === 'string' ? JSON.parse(v) : v ?? []);

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
  /** Null for entities of no patient (staff conversations): those go to each member (audienceUserIds). */
  patientId: string | null;
  audienceUserId: string | null;
  /** Members of a staff conversation the change goes to (one change-log row each); null otherwise. */
  audienceUserIds: string[] | null;
}

const patientIdOfRow = (row: Row): string | null => (row.patient_id === null || row.patient_id === undefined ? null : String(row.patient_id));

/** The current state of one entity, or null when it does not exist. */
export async function loadEntity(db: Queryable, entity: EntityName, id: string): Promise<LoadedEntity | null> {
  const source = entitySource(entity);
  const { rows } = await db.query<Row>(`${source.from} WHERE t.id = $1`, [id]);
  const row = rows[0];
  if (!row) return null;
  const patientId = patientIdOfRow(row);
  let audienceUserIds: string[] | null = null;
  if (patientId === null && source.memberScope) {
    const members = await db.query<{ user_id: string }>(source.memberScope.membersSql, [id]);
    audienceUserIds = members.rows.map((m) => m.user_id);
  }
  return {
    state: { entity, id: String(row.id), version: Number(row.version), deleted: false, data: source.toData(row) },
    patientId,
    audienceUserId: source.audienceColumn ? String(row.author_id) : null,
    audienceUserIds,
  };
}

export const FIRST_ID = '00000000-0000-0000-0000-000000000000';

/** Who is pulling: queue requests are scoped by the states where they hold an active license now. */
export interface ScopeViewer {
  userId: string;
  role: Role;
  queueStates?: readonly string[];
}

/**
 * SQL condition restricting the source's rows to the viewer's scope; adds its parameters to params ($1 = viewer id).
 * Couriers see no charts: only the field requests (delivery runs) assigned to them.
 */
function scopeSql(source: EntitySource, viewer: ScopeViewer, params: unknown[]): string {
  if (source.scope === 'queue') {
    params.push(viewer.queueStates ?? []);
    return `((t.status = 'waiting' AND t.location_state = ANY($${params.length}::text[])) OR t.taken_by = $1)`;
  }
  if (source.entity === 'fieldRequest' && viewer.role === 'courier') return `t.assignee_id = $1`;
  const audience = source.audienceColumn ? ` AND ${source.audienceColumn} = $1` : '';
  const scope = source.memberScope ? source.memberScope.scopeSql(viewer.role) : patientScopeSql(viewer.role, source.patientColumn);
  return `${scope}${audience}`;
}

/** One page (by id) of the entities a viewer may see, for a first sync; also usable for one patient. */
export async function loadScopePage(
  db: Queryable, source: EntitySource, viewer: ScopeViewer, afterId: string, limit: number, onlyPatientId?: string,
): Promise<Array<{ state: EntityState; patientId: string | null }>> {
  const params: unknown[] = [viewer.userId, afterId, limit];
  let onePatient = '';
  if (onlyPatientId) {
    params.push(onlyPatientId);
    onePatient = `AND ${source.patientColumn} = $4::uuid`;
  }
  const scope = scopeSql(source, viewer, params);
  const { rows } = await db.query<Row>(
    `${source.from} WHERE ${scope} ${onePatient}
       AND t.id > $2::uuid ORDER BY t.id LIMIT $3`,
    params,
  );
  return rows.map((row) => ({
    state: { entity: source.entity, id: String(row.id), version: Number(row.version), deleted: false, data: source.toData(row) },
    patientId: patientIdOfRow(row),
  }));
}

/**
 * The entities of one source (in the viewer's scope) of the patients with ids in (afterPatientId, lastPatientId],
 * by patient then id: a first sync's chart rows sent right after their patients (see pull.ts). A range of the
 * patient index, not a list of ids: the batch of patients is a keyset range too. A patient's rows are few: no limit.
 */
export async function loadScopeRowsOfPatientRange(
  db: Queryable, source: EntitySource, viewer: ScopeViewer, afterPatientId: string, lastPatientId: string,
): Promise<Array<{ state: EntityState; patientId: string | null }>> {
  const params: unknown[] = [viewer.userId, afterPatientId, lastPatientId];
  const scope = scopeSql(source, viewer, params);
  const { rows } = await db.query<Row>(
    `${source.from} WHERE ${source.patientColumn} > $2::uuid AND ${source.patientColumn} <= $3::uuid AND ${scope}
       ORDER BY ${source.patientColumn}, t.id`,
    params,
  );
  return rows.map((row) => ({
    state: { entity: source.entity, id: String(row.id), version: Number(row.version), deleted: false, data: source.toData(row) },
    patientId: patientIdOfRow(row),
  }));
}

export async function countScope(db: Queryable, source: EntitySource, viewer: ScopeViewer): Promise<number> {
  const params: unknown[] = [viewer.userId];
  const scope = scopeSql(source, viewer, params);
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${source.table} t WHERE ${scope}`, params);
  return rows[0]?.n ?? 0;
}
