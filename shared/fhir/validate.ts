// Structural validation of a FHIR R4 Bundle: the Bundle and its invariants, each modelled resource against its
// schema and invariants, every resourceType and id, fullUrl forms, and every reference resolving where it must.
// Lenient mode (import) ignores unknown elements and leaves relative references outside the bundle to the caller;
// strict mode (checking an export) reports both. The official HL7 validator does more (terminology, all profiles).
import type { z } from 'zod';
import { fhirBundleSchema } from './bundle';
import type { FhirBundle } from './bundle';
import type { SchemaMode } from './datatypes';
import { FHIR_ID, URN_OID, URN_UUID } from './primitives';
import { R4_RESOURCE_TYPES } from './resource-types';
import { fhirResources, MODELLED_RESOURCE_TYPES } from './resources';
import type { ModelledResourceType } from './resources';
import { BundleIndex, parseReference, referencesIn } from './references';
import type { IndexedEntry } from './references';

export interface FhirIssue {
  /** Where, e.g. 'entry[3].resource.subject.reference' (never the value found there). */
  path: string;
  message: string;
}

export interface UnresolvedReference {
  entry: number;
  path: string;
  type: string;
  id: string;
}

export interface BundleValidation {
  ok: boolean;
  issues: FhirIssue[];
  bundle: FhirBundle | null;
  index: BundleIndex | null;
  /** Lenient mode: relative references (Type/id) to resources not in the bundle, for the caller to look up. */
  unresolved: UnresolvedReference[];
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out || '(root)';
}

function zodIssues(error: z.ZodError, prefix: ReadonlyArray<PropertyKey>): FhirIssue[] {
  return error.issues.map((issue) => {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') return { path: formatPath(path), message: `unknown elements: ${issue.keys.join(', ')}` };
    if (issue.code === 'invalid_type' && issue.input === undefined) return { path: formatPath(path), message: 'is required' };
    return { path: formatPath(path), message: issue.message };
  });
}

const schemasByMode = { lenient: fhirResources('lenient'), strict: fhirResources('strict') };
const bundleSchemaByMode = { lenient: fhirBundleSchema('lenient'), strict: fhirBundleSchema('strict') };

export const isModelled = (type: string): type is ModelledResourceType => (MODELLED_RESOURCE_TYPES as readonly string[]).includes(type);

/** Parses one modelled resource (lenient or strict); issues are prefixed with `prefix`. */
export function parseResource(type: ModelledResourceType, resource: unknown, mode: SchemaMode, prefix: ReadonlyArray<PropertyKey> = []) {
  const result = schemasByMode[mode][type].safeParse(resource);
  return result.success ? { ok: true as const, value: result.data } : { ok: false as const, issues: zodIssues(result.error, prefix) };
}

function isContainedList(value: unknown): value is Array<{ resourceType: string; id?: unknown }> {
  return Array.isArray(value) && value.every((c) => c !== null && typeof c === 'object' && !Array.isArray(c) && typeof (c as { resourceType?: unknown }).resourceType === 'string');
}

export function validateBundle(input: unknown, mode: SchemaMode): BundleValidation {
  const failed = (issues: FhirIssue[]): BundleValidation => ({ ok: false, issues, bundle: null, index: null, unresolved: [] });
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return failed([{ path: '(root)', message: 'is not a JSON object' }]);
  const resourceType = (input as { resourceType?: unknown }).resourceType;
  if (resourceType !== 'Bundle') return failed([{ path: 'resourceType', message: typeof resourceType === 'string' ? 'is not Bundle' : 'is required: this is not a FHIR resource' }]);
  const parsed = bundleSchemaByMode[mode].safeParse(input);
  if (!parsed.success) return failed(zodIssues(parsed.error, []));
  const bundle = parsed.data;
  const issues: FhirIssue[] = [];
  const rawEntries = ((input as { entry?: unknown[] }).entry ?? []) as Array<{ resource?: Record<string, unknown> }>;

  const indexed: IndexedEntry[] = [];
  (bundle.entry ?? []).forEach((entry, i) => {
    const resource = rawEntries[i]?.resource; // the original, with every element (the parsed one may have dropped some)
    if (!resource || !entry.resource) return;
    const type = entry.resource.resourceType;
    const at = (...rest: PropertyKey[]) => formatPath(['entry', i, ...rest]);
    if (!R4_RESOURCE_TYPES.has(type)) {
      issues.push({ path: at('resource', 'resourceType'), message: 'is not a FHIR R4 resource type' });
      return;
    }
    const id = resource.id;
    if (!isModelled(type) && id !== undefined && (typeof id !== 'string' || !FHIR_ID.test(id))) issues.push({ path: at('resource', 'id'), message: 'must be 1-64 letters, digits, "-" or "."' });
    // A resource we do not model is only counted, but its contained resources are still read to resolve "#id" references.
    if (!isModelled(type) && resource.contained !== undefined && !isContainedList(resource.contained)) {
      issues.push({ path: at('resource', 'contained'), message: 'must be a list of resources' });
    }
    if (entry.fullUrl !== undefined) {
      const url = entry.fullUrl;
      const okForm = url.startsWith('urn:uuid:') ? URN_UUID.test(url) : url.startsWith('urn:oid:') ? URN_OID.test(url) : /^https?:\/\/\S+$/.test(url);
      if (!okForm) issues.push({ path: at('fullUrl'), message: 'must be urn:uuid:<lowercase uuid>, urn:oid:<oid> or an absolute http(s) URL' });
      else if (/^https?:/.test(url) && typeof id === 'string' && !url.endsWith(`/${type}/${id}`)) {
        issues.push({ path: at('fullUrl'), message: 'an http(s) fullUrl must end with the resource type and id' });
      }
    }
    if (isModelled(type)) {
      const result = parseResource(type, resource, mode, ['entry', i, 'resource']);
      if (!result.ok) issues.push(...result.issues);
    }
    indexed.push({ index: i, fullUrl: entry.fullUrl, resourceType: type, id: typeof id === 'string' ? id : undefined });
  });

  const index = new BundleIndex(indexed);
  const unresolved: UnresolvedReference[] = [];
  for (const e of indexed) {
    const resource = rawEntries[e.index]!.resource!;
    const containedIds = new Set((isContainedList(resource.contained) ? resource.contained : []).map((c) => c.id));
    for (const found of referencesIn(resource)) {
      const at = formatPath(['entry', e.index, 'resource', ...found.path]);
      const ref = parseReference(found.reference);
      switch (ref.kind) {
        case 'invalid':
          issues.push({ path: at, message: ref.why });
          break;
        case 'contained':
          if (ref.id !== '' && !containedIds.has(ref.id)) issues.push({ path: at, message: 'refers to a contained resource that is not there' });
          break;
        case 'urn':
          if (!index.resolve(ref)) issues.push({ path: at, message: 'refers to a resource that is not in the bundle' });
          break;
        case 'relative':
          if (!index.resolve(ref)) {
            if (mode === 'strict') issues.push({ path: at, message: 'refers to a resource that is not in the bundle' });
            else unresolved.push({ entry: e.index, path: at, type: ref.type, id: ref.id });
          }
          break;
        case 'absolute':
          if (mode === 'strict' && !index.resolve(ref)) issues.push({ path: at, message: 'refers to a resource outside the bundle' });
          break;
      }
    }
  }
  return { ok: issues.length === 0, issues, bundle, index, unresolved };
}
