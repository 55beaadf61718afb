// First step of an import, without the database: validates the bundle (lenient R4 structure), checks it is a
// transaction or collection Housecall can apply, and sorts its entries into what will be imported and what
// is unsupported. Any problem here rejects the whole bundle before anything is written.
import type { FhirIssue, UnresolvedReference } from '../../../shared/fhir/validate';
import { formatPath, parseResource, validateBundle } from '../../../shared/fhir/validate';
import type { BundleIndex } from '../../../shared/fhir/references';
import type {
  FhirAllergyIntolerance, FhirCondition, FhirEncounter, FhirMedicationRequest, FhirMedicationStatement, FhirObservation, FhirPatient,
  FhirPractitioner,
} from '../../../shared/fhir/resources';
import { SYSTEM } from '../../../shared/fhir/systems';
import { vitalSignOf } from './map-encounters';

export type ImportedResource =
  | FhirPatient | FhirPractitioner | FhirEncounter | FhirCondition | FhirAllergyIntolerance | FhirMedicationRequest | FhirMedicationStatement | FhirObservation;
export type ImportedType = ImportedResource['resourceType'];

/** Dependencies first: an Encounter needs its Practitioner and Patient rows, a vital sign its Encounter. */
export const IMPORT_ORDER: readonly ImportedType[] = [
  'Practitioner', 'Patient', 'Encounter', 'Condition', 'AllergyIntolerance', 'MedicationRequest', 'MedicationStatement', 'Observation',
];

export interface PlanItem {
  entry: number;
  externalId: string;
  resource: ImportedResource;
  raw: Record<string, unknown>;
}

export interface ImportPlan {
  ok: true;
  bundleType: 'transaction' | 'collection';
  entries: number;
  items: PlanItem[];
  unsupported: Record<string, number>;
  index: BundleIndex;
  unresolved: UnresolvedReference[];
}

export interface BundleRejection {
  ok: false;
  message: string;
  issues: FhirIssue[];
}

const reject = (message: string, issues: FhirIssue[]): BundleRejection => ({ ok: false, message, issues });

export function planImport(input: unknown): ImportPlan | BundleRejection {
  const validation = validateBundle(input, 'lenient');
  if (!validation.ok || !validation.bundle || !validation.index) {
    const n = validation.issues.length;
    return reject(`The bundle is not valid FHIR R4 (${n} problem${n === 1 ? '' : 's'}); nothing was imported.`, validation.issues);
  }
  const bundle = validation.bundle;
  if (bundle.type !== 'transaction' && bundle.type !== 'collection') {
    return reject(`Only transaction and collection bundles can be imported; this one is a ${bundle.type} bundle. Nothing was imported.`, [{ path: 'type', message: 'must be transaction or collection' }]);
  }
  const issues: FhirIssue[] = [];
  const items: PlanItem[] = [];
  const unsupported: Record<string, number> = {};
  const seen = new Set<string>();
  const rawEntries = (input as { entry?: Array<{ resource?: Record<string, unknown> }> }).entry ?? [];
  (bundle.entry ?? []).forEach((entry, i) => {
    const method = entry.request?.method;
    if (method && method !== 'POST' && method !== 'PUT') {
      issues.push({ path: formatPath(['entry', i, 'request', 'method']), message: 'only POST and PUT entries can be imported' });
      return;
    }
    const raw = rawEntries[i]?.resource;
    if (!raw || !entry.resource) {
      issues.push({ path: formatPath(['entry', i, 'resource']), message: 'is required: there is nothing to import' });
      return;
    }
    const type = entry.resource.resourceType;
    if (!(IMPORT_ORDER as readonly string[]).includes(type)) {
      unsupported[type] = (unsupported[type] ?? 0) + 1;
      return;
    }
    const parsed = parseResource(type as ImportedType, raw, 'lenient');
    if (!parsed.ok) return; // validateBundle already reported it
    const resource = parsed.value as ImportedResource;
    if (resource.resourceType === 'Observation' && !vitalSignOf(resource)) {
      const category = resource.category?.flatMap((c) => c.coding ?? []).find((c) => c.system === SYSTEM.observationCategory)?.code ?? 'uncategorized';
      const key = `Observation:${category}`;
      unsupported[key] = (unsupported[key] ?? 0) + 1;
      return;
    }
    const externalId = resource.id ?? entry.fullUrl;
    if (!externalId) {
      issues.push({ path: formatPath(['entry', i]), message: 'needs a resource id or a fullUrl so that importing it again is recognised' });
      return;
    }
    const key = `${type}/${externalId}`;
    if (seen.has(key)) {
      issues.push({ path: formatPath(['entry', i, 'resource', 'id']), message: 'the same resource appears twice in the bundle' });
      return;
    }
    seen.add(key);
    items.push({ entry: i, externalId, resource, raw });
  });
  if (issues.length > 0) return reject(`The bundle cannot be imported (${issues.length} problem${issues.length === 1 ? '' : 's'}); nothing was imported.`, issues);
  return { ok: true, bundleType: bundle.type, entries: bundle.entry?.length ?? 0, items, unsupported, index: validation.index, unresolved: validation.unresolved };
}
