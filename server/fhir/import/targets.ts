// Where each imported resource type is written, and the generic row writers (insert, update, source codings,
// external id), each synced entity's change recorded in the same transaction so workstations pull it.
import type { Queryable } from '../../db/database';
import { recordChange } from '../../sync/change-log';
import type { ImportedType } from './plan-import';
import type { Mapped } from './mapped';

export interface TargetSpec {
  table: string;
  /** The table has version and updated_at columns, bumped on update. */
  versioned: boolean;
  /** The sync entity whose change workstations pull (practitioners are server-side only). */
  entity?: 'patient' | 'allergy' | 'medication' | 'problem' | 'encounter' | 'vital';
  /** The clinical_codings entity for source codings. */
  codingEntity?: 'problem' | 'allergy' | 'medication';
}

export const TARGETS: Record<ImportedType, TargetSpec> = {
  Practitioner: { table: 'practitioners', versioned: true },
  Patient: { table: 'patients', versioned: true, entity: 'patient' },
  Encounter: { table: 'encounters', versioned: true, entity: 'encounter' },
  Condition: { table: 'patient_problems', versioned: false, entity: 'problem', codingEntity: 'problem' },
  AllergyIntolerance: { table: 'patient_allergies', versioned: false, entity: 'allergy', codingEntity: 'allergy' },
  MedicationRequest: { table: 'patient_medications', versioned: false, entity: 'medication', codingEntity: 'medication' },
  MedicationStatement: { table: 'patient_medications', versioned: false, entity: 'medication', codingEntity: 'medication' },
  Observation: { table: 'vital_signs', versioned: true, entity: 'vital' },
};

// Column names come from the mappers (constants), never from the bundle.
export async function insertRow(tx: Queryable, spec: TargetSpec, id: string, mapped: Mapped, extra: Record<string, unknown> = {}): Promise<void> {
  const values = { ...mapped.columns, ...mapped.createOnly, ...extra };
  const columns = Object.keys(values);
  await tx.query(
    `INSERT INTO ${spec.table} (id, ${columns.join(', ')}) VALUES ($1, ${columns.map((_, i) => `$${i + 2}`).join(', ')})`,
    [id, ...columns.map((c) => values[c])],
  );
  await writeCodings(tx, spec, id, mapped);
  if (spec.entity) await recordChange(tx, spec.entity, id);
}

export async function updateRow(tx: Queryable, spec: TargetSpec, id: string, mapped: Mapped): Promise<void> {
  const columns = Object.keys(mapped.columns);
  const sets = columns.map((c, i) => `${c} = $${i + 2}`);
  if (spec.versioned) sets.push('version = version + 1', 'updated_at = now()');
  await tx.query(`UPDATE ${spec.table} SET ${sets.join(', ')} WHERE id = $1`, [id, ...columns.map((c) => mapped.columns[c])]);
  await writeCodings(tx, spec, id, mapped);
  if (spec.entity) await recordChange(tx, spec.entity, id);
}

async function writeCodings(tx: Queryable, spec: TargetSpec, id: string, mapped: Mapped): Promise<void> {
  if (!spec.codingEntity) return;
  await tx.query('DELETE FROM clinical_codings WHERE entity = $1 AND entity_id = $2', [spec.codingEntity, id]);
  const codings = mapped.codings ?? [];
  if (codings.length === 0) return;
  await tx.query(
    `INSERT INTO clinical_codings (entity, entity_id, position, system, code, display)
     SELECT $1, $2, p, s, c, d FROM unnest($3::int[], $4::text[], $5::text[], $6::text[]) AS x(p, s, c, d)`,
    [spec.codingEntity, id, codings.map((_, i) => i), codings.map((c) => c.system), codings.map((c) => c.code), codings.map((c) => c.display)],
  );
}

export interface ExternalIdRow {
  resource_type: string;
  external_id: string;
  local_id: string;
  content_hash: string;
}

/** The local rows already imported for these (resource type, external id) keys, by `Type/id`. */
export async function loadExternalIds(tx: Queryable, source: string, keys: ReadonlyArray<{ type: string; id: string }>): Promise<Map<string, ExternalIdRow>> {
  if (keys.length === 0) return new Map();
  const { rows } = await tx.query<ExternalIdRow>(
    `SELECT x.resource_type, x.external_id, x.local_id, x.content_hash
       FROM unnest($2::text[], $3::text[]) AS k(rt, eid)
       JOIN external_ids x ON x.source_system = $1 AND x.resource_type = k.rt AND x.external_id = k.eid`,
    [source, keys.map((k) => k.type), keys.map((k) => k.id)],
  );
  return new Map(rows.map((r) => [`${r.resource_type}/${r.external_id}`, r]));
}

export async function saveExternalId(tx: Queryable, source: string, type: string, externalId: string, table: string, localId: string, hash: string): Promise<void> {
  await tx.query(
    `INSERT INTO external_ids (source_system, resource_type, external_id, local_table, local_id, content_hash) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (source_system, resource_type, external_id) DO UPDATE SET content_hash = EXCLUDED.content_hash, updated_at = now()`,
    [source, type, externalId, table, localId, hash],
  );
}
