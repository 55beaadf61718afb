// Resolves FHIR references inside a bundle: urn:uuid/urn:oid and absolute URLs by entry fullUrl, relative
// Type/id by resource type and id (or a fullUrl ending in /Type/id), #id by the resource's contained resources.
import { FHIR_ID, URN_OID, URN_UUID } from './primitives';
import { R4_RESOURCE_TYPES } from './resource-types';

export type ParsedReference =
  | { kind: 'contained'; id: string }
  | { kind: 'urn'; url: string }
  | { kind: 'relative'; type: string; id: string }
  | { kind: 'absolute'; url: string; type: string | null; id: string | null }
  | { kind: 'invalid'; why: string };

const RELATIVE = /^([A-Z][A-Za-z]+)\/([^/]+)(\/_history\/[^/]+)?$/;
const ABSOLUTE = /^https?:\/\/\S+$/;

export function parseReference(reference: string): ParsedReference {
  if (reference.startsWith('#')) return { kind: 'contained', id: reference.slice(1) };
  if (reference.startsWith('urn:uuid:')) return URN_UUID.test(reference) ? { kind: 'urn', url: reference } : { kind: 'invalid', why: 'a urn:uuid reference must hold a lowercase UUID' };
  if (reference.startsWith('urn:oid:')) return URN_OID.test(reference) ? { kind: 'urn', url: reference } : { kind: 'invalid', why: 'a malformed urn:oid reference' };
  if (ABSOLUTE.test(reference)) {
    const tail = /\/([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(\/_history\/[^/]+)?$/.exec(reference);
    return { kind: 'absolute', url: reference, type: tail?.[1] ?? null, id: tail?.[2] ?? null };
  }
  if (reference.includes('?')) return { kind: 'invalid', why: 'conditional references (Type?search) are not supported' };
  const m = RELATIVE.exec(reference);
  if (!m) return { kind: 'invalid', why: 'a reference must be #id, urn:uuid:..., Type/id or an absolute URL' };
  if (!R4_RESOURCE_TYPES.has(m[1]!)) return { kind: 'invalid', why: 'the reference names a type that is not a FHIR R4 resource' };
  if (!FHIR_ID.test(m[2]!)) return { kind: 'invalid', why: 'the reference holds a malformed id' };
  return { kind: 'relative', type: m[1]!, id: m[2]! };
}

export interface IndexedEntry {
  index: number;
  fullUrl: string | undefined;
  resourceType: string;
  id: string | undefined;
}

/** Finds the entry a reference points at, or undefined when it is not in the bundle. */
export class BundleIndex {
  private readonly byUrl = new Map<string, IndexedEntry>();
  private readonly byTypeId = new Map<string, IndexedEntry>();

  constructor(readonly entries: readonly IndexedEntry[]) {
    for (const e of entries) {
      if (e.fullUrl) this.byUrl.set(e.fullUrl, e);
      if (e.id) this.byTypeId.set(`${e.resourceType}/${e.id}`, e);
      const tail = e.fullUrl ? /\/([A-Z][A-Za-z]+\/[A-Za-z0-9\-.]{1,64})$/.exec(e.fullUrl) : null;
      if (tail && !this.byTypeId.has(tail[1]!)) this.byTypeId.set(tail[1]!, e);
    }
  }

  resolve(parsed: ParsedReference): IndexedEntry | undefined {
    switch (parsed.kind) {
      case 'urn':
        return this.byUrl.get(parsed.url);
      case 'absolute':
        return this.byUrl.get(parsed.url) ?? (parsed.type && parsed.id ? this.byTypeId.get(`${parsed.type}/${parsed.id}`) : undefined);
      case 'relative':
        return this.byTypeId.get(`${parsed.type}/${parsed.id}`);
      default:
        return undefined;
    }
  }
}

export interface FoundReference {
  /** Path inside the resource, e.g. ['subject', 'reference']. */
  path: Array<string | number>;
  reference: string;
}

/** Every Reference.reference string inside a resource (not inside its contained resources' own ids). */
export function referencesIn(resource: unknown): FoundReference[] {
  const found: FoundReference[] = [];
  const walk = (node: unknown, path: Array<string | number>) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (node === null || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'reference' && typeof value === 'string') found.push({ path: [...path, key], reference: value });
      else if (key !== 'div') walk(value, [...path, key]);
    }
  };
  walk(resource, []);
  return found;
}
