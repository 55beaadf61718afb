// Imports one FHIR R4 transaction or collection Bundle in one database transaction: an invalid bundle imports
// nothing; the same bundle imported again changes nothing; every patient written is audited (ids only).
import { randomUUID } from 'node:crypto';
import type { Database, Queryable } from '../../db/database';
import type { Actor } from '../../audit/audit-log';
import { audit } from '../../audit/audit-log';
import { recordAccessChange } from '../../sync/change-log';
import { icd10CodeSet } from '../../icd10/icd10-codes';
import type { Icd10CodeSet } from '../../icd10/icd10-codes';
import type { ImportReport, ImportRejectionReason } from '../../../shared/fhir/import-report';
import type { FhirIssue } from '../../../shared/fhir/validate';
import { formatPath } from '../../../shared/fhir/validate';
import { parseReference } from '../../../shared/fhir/references';
import type { FhirReference } from '../../../shared/fhir/resources';
import { contentHash, hasModifierExtension } from './fhir-values';
import type { MapResult } from './mapped';
import { rejected } from './mapped';
import { housecallMrnOf, mapPatient, mapPractitioner } from './map-people';
import { mapAllergy, mapCondition, mapMedication } from './map-clinical';
import { mapEncounter, mapVitalSign } from './map-encounters';
import { IMPORT_ORDER, planImport } from './plan-import';
import type { ImportPlan, PlanItem } from './plan-import';
import { insertRow, loadExternalIds, saveExternalId, TARGETS, updateRow } from './targets';
import type { ExternalIdRow } from './targets';

/** The source system of resource ids when none is given: ids are taken to be unique (Synthea's are UUIDs). */
export const DEFAULT_SOURCE_SYSTEM = 'urn:housecall:fhir-import';
const IMPORT_LOCK_KEY = 727_003; // one import at a time: two imports of one bundle must not both create its rows

export interface ImportOptions {
  actor: Actor;
  /** Namespace of the bundle's resource ids (give one for servers whose ids are not UUIDs). */
  sourceSystem?: string;
  /** A clinician to put on the care team of every patient in the bundle (CLI --care-team). */
  careTeamUserId?: string;
  icd10?: Pick<Icd10CodeSet, 'get'>;
}

export type ImportOutcome = { ok: true; report: ImportReport } | { ok: false; message: string; issues: FhirIssue[] };

class BundleRejected extends Error {
  constructor(readonly issues: FhirIssue[]) {
    super('bundle rejected');
  }
}

type Followed = { status: 'none' } | { status: 'ok'; id: string } | { status: 'rejected' } | { status: 'other' };

export async function importBundle(db: Database, input: unknown, options: ImportOptions): Promise<ImportOutcome> {
  const plan = planImport(input);
  const failed = async (message: string, issues: FhirIssue[]): Promise<ImportOutcome> => {
    await audit(db, options.actor, { action: 'fhir.import', outcome: 'failed', resource: 'bundle', detail: { issues: issues.length } });
    return { ok: false, message, issues };
  };
  if (!plan.ok) return failed(plan.message, plan.issues);
  try {
    const report = await db.transaction((tx) => applyPlan(tx, plan, options));
    return { ok: true, report };
  } catch (error) {
    if (error instanceof BundleRejected) return failed(`The bundle cannot be imported (${error.issues.length} problem${error.issues.length === 1 ? '' : 's'}); nothing was imported.`, error.issues);
    throw error;
  }
}

async function applyPlan(tx: Queryable, plan: ImportPlan, options: ImportOptions): Promise<ImportReport> {
  await tx.query('SELECT pg_advisory_xact_lock($1)', [IMPORT_LOCK_KEY]);
  const source = options.sourceSystem ?? DEFAULT_SOURCE_SYSTEM;
  const icd10 = options.icd10 ?? icd10CodeSet();
  const known = await loadExternalIds(tx, source, [
    ...plan.items.map((i) => ({ type: i.resource.resourceType, id: i.externalId })),
    ...plan.unresolved.map((u) => ({ type: u.type, id: u.id })),
  ]);
  const report: ImportReport = {
    bundleType: plan.bundleType, entries: plan.entries, created: {}, updated: {}, unchanged: {}, unsupported: plan.unsupported,
    rejected: [], patientIds: [], careTeamAdded: 0,
  };
  const count = (bucket: Record<string, number>, type: string) => (bucket[type] = (bucket[type] ?? 0) + 1);
  const localIds = new Map<number, string | 'rejected'>();
  const writesByPatient = new Map<string, number>();

  /** The local id a reference leads to; a reference that leads nowhere rejects the whole bundle. */
  const follow = (item: PlanItem, field: string, ref: FhirReference | undefined, types: readonly string[]): Followed => {
    if (!ref?.reference) return { status: 'none' };
    const parsed = parseReference(ref.reference);
    const inBundle = plan.index.resolve(parsed);
    if (inBundle) {
      if (!types.includes(inBundle.resourceType)) return { status: 'other' };
      const local = localIds.get(inBundle.index);
      if (local === 'rejected') return { status: 'rejected' };
      return local ? { status: 'ok', id: local } : { status: 'other' };
    }
    const typeId = parsed.kind === 'relative' ? parsed : parsed.kind === 'absolute' && parsed.type && parsed.id ? { type: parsed.type, id: parsed.id } : null;
    if (!typeId || !types.includes(typeId.type)) return { status: 'other' };
    const before = known.get(`${typeId.type}/${typeId.id}`);
    if (before) return { status: 'ok', id: before.local_id };
    throw new BundleRejected([{ path: formatPath(['entry', item.entry, 'resource', field]), message: 'refers to a resource that is neither in the bundle nor imported before' }]);
  };
  const patientOf = (item: PlanItem, field: string, ref: FhirReference): { id: string } | { reason: ImportRejectionReason } => {
    const f = follow(item, field, ref, ['Patient']);
    if (f.status === 'ok') return { id: f.id };
    return { reason: f.status === 'rejected' ? 'patient_rejected' : 'subject_not_patient' };
  };
  const optional = (f: Followed) => (f.status === 'ok' ? f.id : null);

  const mapItem = (item: PlanItem): MapResult => {
    const r = item.resource;
    if (hasModifierExtension(item.raw)) return rejected('modifier_extension');
    switch (r.resourceType) {
      case 'Practitioner':
        return mapPractitioner(r);
      case 'Patient':
        return mapPatient(r);
      case 'Encounter': {
        if (!r.subject) return rejected('subject_not_patient');
        const patient = patientOf(item, 'subject', r.subject);
        if ('reason' in patient) return rejected(patient.reason);
        const practitioner = (r.participant ?? []).map((p, i) => follow(item, `participant[${i}].individual`, p.individual, ['Practitioner'])).find((f) => f.status === 'ok');
        return mapEncounter(r, patient.id, practitioner ? optional(practitioner) : null);
      }
      case 'Condition': {
        const patient = patientOf(item, 'subject', r.subject);
        return 'reason' in patient ? rejected(patient.reason) : mapCondition(r, patient.id, icd10);
      }
      case 'AllergyIntolerance': {
        const patient = patientOf(item, 'patient', r.patient);
        return 'reason' in patient ? rejected(patient.reason) : mapAllergy(r, patient.id);
      }
      case 'MedicationRequest':
      case 'MedicationStatement': {
        const patient = patientOf(item, 'subject', r.subject);
        return 'reason' in patient ? rejected(patient.reason) : mapMedication(r, patient.id);
      }
      case 'Observation': {
        if (!r.subject) return rejected('subject_not_patient');
        const patient = patientOf(item, 'subject', r.subject);
        if ('reason' in patient) return rejected(patient.reason);
        return mapVitalSign(r, patient.id, optional(follow(item, 'encounter', r.encounter, ['Encounter'])));
      }
    }
  };

  for (const type of IMPORT_ORDER) {
    for (const item of plan.items.filter((i) => i.resource.resourceType === type)) {
      const result = mapItem(item);
      if (!result.ok) {
        localIds.set(item.entry, 'rejected');
        report.rejected.push({ entry: item.entry, resourceType: type, reason: result.reason });
        continue;
      }
      const spec = TARGETS[type];
      const hash = contentHash({ columns: result.mapped.columns, codings: result.mapped.codings ?? [] });
      const before: ExternalIdRow | undefined = known.get(`${type}/${item.externalId}`);
      const localId = before?.local_id ?? randomUUID();
      localIds.set(item.entry, localId);
      if (before && before.content_hash === hash) {
        count(report.unchanged, type);
      } else {
        if (before) {
          await updateRow(tx, spec, localId, result.mapped);
          count(report.updated, type);
        } else {
          const extra = type === 'Patient' ? await newPatientColumns(tx, item, result.mapped.columns) : {};
          await insertRow(tx, spec, localId, result.mapped, extra);
          count(report.created, type);
        }
        await saveExternalId(tx, source, type, item.externalId, spec.table, localId, hash);
        const patientId = type === 'Patient' ? localId : (result.mapped.columns.patient_id as string | undefined);
        if (patientId) writesByPatient.set(patientId, (writesByPatient.get(patientId) ?? 0) + 1);
      }
      if (type === 'Patient') report.patientIds.push(localId);
    }
  }

  if (options.careTeamUserId) {
    for (const patientId of report.patientIds) {
      if (await addToCareTeam(tx, patientId, options.careTeamUserId)) report.careTeamAdded += 1;
    }
  }
  for (const [patientId, writes] of writesByPatient) {
    await audit(tx, options.actor, { action: 'patient.import', outcome: 'allowed', patientId, resource: 'patient', resourceId: patientId, detail: { rows: writes } });
  }
  const total = (bucket: Record<string, number>) => Object.values(bucket).reduce((a, b) => a + b, 0);
  await audit(tx, options.actor, {
    action: 'fhir.import', outcome: 'allowed', resource: 'bundle',
    detail: { entries: plan.entries, created: total(report.created), updated: total(report.updated), unchanged: total(report.unchanged),
      unsupported: total(report.unsupported), rejected: report.rejected.length, patients: report.patientIds.length },
  });
  return report;
}

/** MRN (kept from a Housecall export when free, else the next HCF number) and service city of a new patient. */
async function newPatientColumns(tx: Queryable, item: PlanItem, columns: Record<string, unknown>): Promise<Record<string, unknown>> {
  const hint = item.resource.resourceType === 'Patient' ? housecallMrnOf(item.resource) : null;
  const taken = async (mrn: string) => (await tx.query('SELECT 1 FROM patients WHERE mrn = $1', [mrn])).rows.length > 0;
  let mrn = hint && /^[A-Z0-9]{4,20}$/.test(hint) && !(await taken(hint)) ? hint : null;
  while (!mrn) {
    const { rows } = await tx.query<{ mrn: string }>(`SELECT 'HCF' || lpad(nextval('imported_mrn_seq')::text, 7, '0') AS mrn`);
    if (!(await taken(rows[0]!.mrn))) mrn = rows[0]!.mrn;
  }
  const city = await tx.query<{ id: string }>('SELECT id FROM cities WHERE lower(name) = lower($1) AND state = $2 ORDER BY id LIMIT 1', [columns.address_city, columns.address_state]);
  return { mrn, city_id: city.rows[0]?.id ?? null };
}

/** Adds a clinician to a patient's care team (primary if it has none yet); true when added. */
async function addToCareTeam(tx: Queryable, patientId: string, userId: string): Promise<boolean> {
  const inserted = await tx.query(
    `INSERT INTO care_team (patient_id, user_id, relation)
     VALUES ($1, $2, CASE WHEN EXISTS (SELECT 1 FROM care_team WHERE patient_id = $1 AND relation = 'primary') THEN 'consulting' ELSE 'primary' END)
     ON CONFLICT (patient_id, user_id) DO NOTHING`,
    [patientId, userId],
  );
  if (inserted.rowCount === 0) return false;
  await recordAccessChange(tx, userId, patientId, true);
  return true;
}
