// FHIR R4 primitive data types as zod schemas, with the regular expressions the R4 specification gives.
import { z } from 'zod';

/** R4 id: 1-64 of letters, digits, '-' and '.'. */
export const FHIR_ID = /^[A-Za-z0-9\-.]{1,64}$/;
export const FHIR_DATE = /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1]))?)?$/;
export const FHIR_DATE_TIME =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)(-(0[1-9]|1[0-2])(-(0[1-9]|[1-2][0-9]|3[0-1])(T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00)))?)?)?$/;
export const FHIR_INSTANT =
  /^([0-9]([0-9]([0-9][1-9]|[1-9]0)|[1-9]00)|[1-9]000)-(0[1-9]|1[0-2])-(0[1-9]|[1-2][0-9]|3[0-1])T([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?(Z|(\+|-)((0[0-9]|1[0-3]):[0-5][0-9]|14:00))$/;
export const FHIR_CODE = /^[^\s]+( [^\s]+)*$/;
export const FHIR_URI = /^\S+$/;
/** urn:uuid: followed by a lowercase RFC 4122 UUID (the form FHIR requires in fullUrl and references). */
export const URN_UUID = /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const URN_OID = /^urn:oid:[0-2](\.(0|[1-9][0-9]*))+$/;

export const fhirId = z.string().regex(FHIR_ID, 'must be 1-64 letters, digits, "-" or "."');
/** FHIR strings are never empty (an absent value is left out of the JSON). */
export const fhirString = z.string().min(1, 'must not be empty (leave the element out instead)').max(1_048_576);
export const fhirMarkdown = fhirString;
export const fhirCode = z.string().regex(FHIR_CODE, 'must be a code: no leading, trailing or double spaces');
export const fhirUri = z.string().regex(FHIR_URI, 'must be a URI without spaces');
export const fhirDate = z.string().regex(FHIR_DATE, 'must be a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)');
export const fhirDateTime = z.string().regex(FHIR_DATE_TIME, 'must be a FHIR dateTime (a date, or date and time with a time zone)');
export const fhirInstant = z.string().regex(FHIR_INSTANT, 'must be a FHIR instant (date and time with seconds and a time zone)');
export const fhirBoolean = z.boolean();
export const fhirDecimal = z.number().finite();
export const fhirInteger = z.number().int().min(-2_147_483_648).max(2_147_483_647);
export const fhirPositiveInt = z.number().int().min(1).max(2_147_483_647);
export const fhirUnsignedInt = z.number().int().min(0).max(2_147_483_647);
export const fhirXhtml = z.string().regex(/^<div[\s>]/, 'narrative must be an XHTML <div>');

/** FHIR JSON never holds an empty array: a repeating element with no values is left out. */
export function fhirArray<T extends z.ZodType>(item: T) {
  return z.array(item).min(1, 'must not be an empty array (leave the element out instead)');
}
