// FHIR R4 complex data types as zod schemas, built either lenient (unknown elements ignored, for import)
// or strict (unknown elements are errors, for checking what Housecall itself writes).
import { z } from 'zod';
import {
  fhirArray, fhirBoolean, fhirCode, fhirDateTime, fhirDecimal, fhirId, fhirInstant, fhirInteger, fhirMarkdown, fhirPositiveInt,
  fhirString, fhirUri, fhirXhtml,
} from './primitives';

export type SchemaMode = 'lenient' | 'strict';

/**
 * Object schema for a FHIR element. Strict mode reports elements the shape does not name (a primitive's
 * `_name` sibling for extensions is allowed); lenient mode drops them. Both infer the same type.
 */
export function objectBuilder(mode: SchemaMode) {
  return function obj<S extends z.ZodRawShape>(shape: S): z.ZodObject<S> {
    if (mode === 'lenient') return z.object(shape);
    const known = new Set(Object.keys(shape));
    return z.looseObject(shape).superRefine((value, ctx) => {
      for (const key of Object.keys(value)) {
        if (known.has(key) || (key.startsWith('_') && known.has(key.slice(1)))) continue;
        ctx.addIssue({ code: 'custom', message: 'is not an element of this FHIR type', path: [key] });
      }
    }) as unknown as z.ZodObject<S>;
  };
}

/** Adds an issue when more than one of a choice element's forms (value[x], onset[x] ...) is present. */
export function atMostOne(value: Record<string, unknown>, names: readonly string[], ctx: z.RefinementCtx, what: string): void {
  const present = names.filter((n) => value[n] !== undefined);
  if (present.length > 1) ctx.addIssue({ code: 'custom', message: `${what}[x] may have only one form; found ${present.join(', ')}`, path: [present[1]!] });
}

export function fhirDatatypes(mode: SchemaMode) {
  const obj = objectBuilder(mode);
  const Extension = z.looseObject({ id: fhirString.optional(), url: fhirUri });
  const element = { id: fhirString.optional(), extension: fhirArray(Extension).optional() };
  const backbone = { ...element, modifierExtension: fhirArray(Extension).optional() };

  const Coding = obj({ ...element, system: fhirUri.optional(), version: fhirString.optional(), code: fhirCode.optional(), display: fhirString.optional(), userSelected: fhirBoolean.optional() });
  const CodeableConcept = obj({ ...element, coding: fhirArray(Coding).optional(), text: fhirString.optional() });
  const Period = obj({ ...element, start: fhirDateTime.optional(), end: fhirDateTime.optional() }).superRefine((p, ctx) => {
    // per-1: if present, start SHALL have a lower value than end (compared where both are full date-times)
    if (p.start && p.end && p.start.length > 10 && p.end.length > 10 && Date.parse(p.start) > Date.parse(p.end)) {
      ctx.addIssue({ code: 'custom', message: 'period start is after its end (per-1)', path: ['end'] });
    }
  });
  const Quantity = obj({
    ...element, value: fhirDecimal.optional(), comparator: z.enum(['<', '<=', '>=', '>']).optional(), unit: fhirString.optional(),
    system: fhirUri.optional(), code: fhirCode.optional(),
  }).superRefine((q, ctx) => {
    if (q.code !== undefined && q.system === undefined) ctx.addIssue({ code: 'custom', message: 'a unit code needs its system (qty-3)', path: ['system'] });
  });
  const referenceShape = { ...element, reference: fhirString.optional(), type: fhirUri.optional(), display: fhirString.optional() };
  const identifierShape = {
    ...element, use: z.enum(['usual', 'official', 'temp', 'secondary', 'old']).optional(), type: CodeableConcept.optional(),
    system: fhirUri.optional(), value: fhirString.optional(), period: Period.optional(),
  };
  // Identifier.assigner and Reference.identifier refer to each other: one level each is enough here.
  const Reference = obj({ ...referenceShape, identifier: obj(identifierShape).optional() });
  const Identifier = obj({ ...identifierShape, assigner: Reference.optional() });
  const HumanName = obj({
    ...element, use: z.enum(['usual', 'official', 'temp', 'nickname', 'anonymous', 'old', 'maiden']).optional(), text: fhirString.optional(),
    family: fhirString.optional(), given: fhirArray(fhirString).optional(), prefix: fhirArray(fhirString).optional(),
    suffix: fhirArray(fhirString).optional(), period: Period.optional(),
  });
  const ContactPoint = obj({
    ...element, system: z.enum(['phone', 'fax', 'email', 'pager', 'url', 'sms', 'other']).optional(), value: fhirString.optional(),
    use: z.enum(['home', 'work', 'temp', 'old', 'mobile']).optional(), rank: fhirPositiveInt.optional(), period: Period.optional(),
  }).superRefine((c, ctx) => {
    if (c.value !== undefined && c.system === undefined) ctx.addIssue({ code: 'custom', message: 'a contact value needs its system (cpt-2)', path: ['system'] });
  });
  const Address = obj({
    ...element, use: z.enum(['home', 'work', 'temp', 'old', 'billing']).optional(), type: z.enum(['postal', 'physical', 'both']).optional(),
    text: fhirString.optional(), line: fhirArray(fhirString).optional(), city: fhirString.optional(), district: fhirString.optional(),
    state: fhirString.optional(), postalCode: fhirString.optional(), country: fhirString.optional(), period: Period.optional(),
  });
  const Meta = obj({
    ...element, versionId: fhirId.optional(), lastUpdated: fhirInstant.optional(), source: fhirUri.optional(),
    profile: fhirArray(fhirUri).optional(), security: fhirArray(Coding).optional(), tag: fhirArray(Coding).optional(),
  });
  const Narrative = obj({ ...element, status: z.enum(['generated', 'extensions', 'additional', 'empty']), div: fhirXhtml });
  const Annotation = obj({
    ...element, authorReference: Reference.optional(), authorString: fhirString.optional(), time: fhirDateTime.optional(), text: fhirMarkdown,
  });
  /** Dosage: only text and sequence are read; the structured parts are accepted as they come. */
  const Dosage = obj({
    ...backbone, sequence: fhirInteger.optional(), text: fhirString.optional(), additionalInstruction: fhirArray(CodeableConcept).optional(),
    patientInstruction: fhirString.optional(), timing: z.unknown().optional(), asNeededBoolean: fhirBoolean.optional(),
    asNeededCodeableConcept: CodeableConcept.optional(), site: CodeableConcept.optional(), route: CodeableConcept.optional(),
    method: CodeableConcept.optional(), doseAndRate: fhirArray(z.unknown()).optional(), maxDosePerPeriod: z.unknown().optional(),
    maxDosePerAdministration: Quantity.optional(), maxDosePerLifetime: Quantity.optional(),
  });
  const Range = obj({ ...element, low: Quantity.optional(), high: Quantity.optional() });
  const Ratio = obj({ ...element, numerator: Quantity.optional(), denominator: Quantity.optional() });

  return {
    obj, element, backbone, Extension, Coding, CodeableConcept, Period, Quantity, Reference, Identifier, HumanName, ContactPoint, Address,
    Meta, Narrative, Annotation, Dosage, Range, Ratio, instant: fhirInstant,
  };
}
export type FhirDatatypes = ReturnType<typeof fhirDatatypes>;
