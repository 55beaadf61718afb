// Small readers of FHIR values used by the import mappers: dates, instants, codings, texts, a stable content hash.
import { createHash } from 'node:crypto';
import { canonicalSystem } from '../../../shared/fhir/systems';
import type { FhirCodeableConcept, FhirCoding } from '../../../shared/fhir/resources';

/** The YYYY-MM-DD date of a FHIR date or dateTime as written (no time-zone shift), or null when partial. */
export function datePart(value: string | undefined): string | null {
  if (!value) return null;
  return /^\d{4}-\d{2}-\d{2}/.test(value) ? value.slice(0, 10) : null;
}

/** A FHIR dateTime/instant as an ISO instant; a date alone is taken as midnight UTC; partial dates give null. */
export function toInstant(value: string | undefined): string | null {
  if (!value || !/^\d{4}-\d{2}-\d{2}/.test(value)) return null;
  const ms = Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export interface PlainCoding {
  system: string;
  code: string;
  display: string | null;
}

/** The codings of a concept that have both a system (canonical URI) and a code. */
export function codingsOf(concept: FhirCodeableConcept | undefined): PlainCoding[] {
  return (concept?.coding ?? []).flatMap((c: FhirCoding) => {
    const system = canonicalSystem(c.system);
    return system && c.code ? [{ system, code: c.code, display: c.display ?? null }] : [];
  });
}

export const codesOf = (concept: FhirCodeableConcept | undefined): string[] => (concept?.coding ?? []).flatMap((c) => (c.code ? [c.code] : []));

/** The concept's text, else the first coding display. */
export const textOf = (concept: FhirCodeableConcept | undefined): string | null =>
  concept?.text ?? concept?.coding?.find((c) => c.display)?.display ?? null;

/** JSON with object keys sorted, so equal content always hashes the same. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).sort().filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stableStringify((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const contentHash = (value: unknown): string => createHash('sha256').update(stableStringify(value)).digest('hex');

/** True when a modifierExtension appears anywhere in the resource: its meaning may change everything else. */
export function hasModifierExtension(resource: unknown): boolean {
  if (Array.isArray(resource)) return resource.some(hasModifierExtension);
  if (resource === null || typeof resource !== 'object') return false;
  return Object.entries(resource).some(([k, v]) => k === 'modifierExtension' || (k !== 'contained' && hasModifierExtension(v)));
}
