// fast-check arbitraries from and around a zod schema (through its JSON Schema): values that fit, values with
// one part wrong, and garbage (wrong types, huge strings, prototype-pollution keys), so any schema-declared
// surface can be fuzzed without writing generators by hand.
import fc from 'fast-check';
import { z } from 'zod';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
};

/** Keys that pollute Object.prototype when a parser or merge copies them naively. */
export const POLLUTION_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A JSON text whose object has own __proto__/constructor keys (an object literal would set the prototype). */
export const pollutedJson = (base: Record<string, unknown> = {}): string =>
  JSON.stringify(base).replace(/^\{/, '{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}},').replace(/,\}$/, '}');

/** Values of the wrong kind for anything: numbers, booleans, null, arrays, objects, huge and odd strings. */
export function garbage(): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ maxLength: 40 }),
    fc.constantFrom('', ' ', '\u0000', '\ud800', 'null', 'undefined', 'NaN', '-1', '1e309', '0x10', "' OR 1=1 --", '../../etc/passwd', '<script>alert(1)</script>', '%00', '{{7*7}}'),
    fc.constantFrom(-1, 0, 2 ** 53, -(2 ** 63), 1.5, 1e308),
    fc.integer({ min: 1000, max: 20_000 }).map((n) => 'x'.repeat(n)),
    fc.constant(Object.fromEntries(POLLUTION_KEYS.map((k) => [k, { polluted: 'yes' }]))),
  );
}

function stringFor(s: JsonSchema): fc.Arbitrary<string> {
  switch (s.format) {
    case 'uuid': return fc.uuid();
    case 'email': return fc.emailAddress();
    case 'date-time': return fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString());
    case 'date': return fc.date({ noInvalidDate: true, min: new Date('1900-01-01'), max: new Date('2100-01-01') }).map((d) => d.toISOString().slice(0, 10));
    default: break;
  }
  if (s.pattern) {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((v) => v.length <= (s.maxLength ?? 10_000) && v.length >= (s.minLength ?? 0));
    } catch {
      // fall through to plain strings
    }
  }
  return fc.string({ minLength: s.minLength ?? 0, maxLength: Math.min(s.maxLength ?? 60, 200) });
}

/** Values that fit the JSON Schema (as far as JSON Schema can say: refinements may still refuse some). */
export function fitting(s: JsonSchema, depth = 0): fc.Arbitrary<unknown> {
  if (depth > 6) return fc.constant(null);
  if (s.const !== undefined) return fc.constant(s.const);
  if (s.enum) return fc.constantFrom(...s.enum);
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives?.length) return fc.oneof(...alternatives.map((a) => fitting(a, depth + 1)));
  if (s.allOf?.length) return fitting(s.allOf[0]!, depth + 1);
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  switch (type) {
    case 'object': {
      const props = s.properties ?? {};
      const required = s.required ?? [];
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, child] of Object.entries(props)) record[key] = fitting(child, depth + 1);
      return Object.keys(record).length ? fc.record(record, { requiredKeys: required }) : fc.constant({});
    }
    case 'array': return fc.array(s.items ? fitting(s.items, depth + 1) : fc.jsonValue({ maxDepth: 1 }), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 4, 8) });
    case 'string': return stringFor(s);
    case 'integer': return fc.integer({ min: Math.max(s.minimum ?? -1e6, Number.MIN_SAFE_INTEGER), max: Math.min(s.maximum ?? 1e6, Number.MAX_SAFE_INTEGER) });
    case 'number': return fc.double({ min: s.minimum ?? -1e6, max: s.maximum ?? 1e6, noNaN: true });
    case 'boolean': return fc.boolean();
    case 'null': return fc.constant(null);
    default: return fc.jsonValue({ maxDepth: 2 });
  }
}

/** One property replaced by garbage, removed, or an unknown/pollution key added. */
function damaged(s: JsonSchema): fc.Arbitrary<unknown> {
  return fc.tuple(fitting(s), garbage(), fc.nat(), fc.constantFrom('replace', 'remove', 'extra', 'pollute')).map(([value, bad, pick, how]) => {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return bad;
    const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(s.properties ?? copy);
    const key = keys.length ? keys[pick % keys.length]! : 'unexpected';
    if (how === 'replace') copy[key] = bad;
    else if (how === 'remove') delete copy[key];
    else if (how === 'extra') copy[`unexpected_${pick % 7}`] = bad;
    else for (const k of POLLUTION_KEYS) Object.defineProperty(copy, k, { value: { polluted: 'yes' }, enumerable: true, configurable: true, writable: true });
    return copy;
  });
}

/** JSON Schema of a zod schema as its input side; null when zod cannot say (then only garbage is generated). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema | null {
  try {
    return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  } catch {
    return null;
  }
}

/** Inputs from and around a schema: fitting (1/3), one part wrong (1/3), garbage (1/3). */
export function around(schema: z.ZodType | undefined): fc.Arbitrary<unknown> {
  const json = schema ? jsonSchemaOf(schema) : null;
  if (!json) return garbage();
  return fc.oneof(fitting(json), damaged(json), garbage());
}
