// Bad-input fuzzing of FHIR import: a real Synthea bundle damaged at a generated place (a value replaced by
// garbage, a field removed, an entry duplicated, the structure broken) and posted to the import route. A refused
// bundle is a 4xx that names paths, not values (no names or stack), and imports nothing at all.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ApiErrorSchema } from '../../shared/api/errors';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { DriverName, TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn } from './support/app';
import type { TestApp } from './support/app';
import { tableChecksums } from './support/db-checksum';
import { garbage } from '../support/schema-arbitrary';

const RUNS: Record<DriverName, number> = { pglite: 40, postgres: 12 };
const SYNTHEA = path.resolve(import.meta.dirname, '../../../shared/data/synthea');
// The smallest sample bundle keeps each case quick; the damage generator reaches every part of it.
const FILE = readdirSync(SYNTHEA).filter((f) => f.endsWith('.json')).map((f) => ({ f, size: readFileSync(path.join(SYNTHEA, f)).length })).sort((a, b) => a.size - b.size)[0]!.f;
const BUNDLE_TEXT = readFileSync(path.join(SYNTHEA, FILE), 'utf8');
type Json = Record<string, unknown>;
const STACK = /\bat [\w.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+|"stack"/;

/** Every path to a value in the bundle (objects and arrays included), for the generator to pick from. */
function pathsOf(value: unknown, prefix: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(prefix);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...prefix, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...prefix, k], out);
  return out;
}
const PATHS = pathsOf(JSON.parse(BUNDLE_TEXT)).filter((p) => p.length > 0);

/** Patient names in the bundle: they must never come back in an error. */
const NAMES = (() => {
  const bundle = JSON.parse(BUNDLE_TEXT) as { entry: Array<{ resource: Json }> };
  const patient = bundle.entry.find((e) => e.resource.resourceType === 'Patient')!.resource as { name: Array<{ family: string; given: string[] }> };
  return patient.name.flatMap((n) => [n.family, ...n.given]).filter((n) => n.length >= 4);
})();

type Damage = { how: 'replace' | 'remove' | 'duplicate-entry' | 'wrong-resource-type' | 'not-a-bundle'; at: number; bad: unknown };

function damage(d: Damage): unknown {
  const bundle = JSON.parse(BUNDLE_TEXT) as Json & { entry: unknown[] };
  if (d.how === 'not-a-bundle') return d.bad;
  if (d.how === 'duplicate-entry') {
    bundle.entry.push(structuredClone(bundle.entry[d.at % bundle.entry.length]));
    return bundle;
  }
  if (d.how === 'wrong-resource-type') {
    ((bundle.entry[d.at % bundle.entry.length] as { resource: Json }).resource).resourceType = typeof d.bad === 'string' ? d.bad : 'Bogus';
    return bundle;
  }
  const where = PATHS[d.at % PATHS.length]!;
  let parent: unknown = bundle;
  for (const key of where.slice(0, -1)) parent = (parent as Record<string | number, unknown>)[key];
  const last = where[where.length - 1]!;
  if (d.how === 'remove') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete (parent as Json)[last as string];
  } else {
    (parent as Record<string | number, unknown>)[last] = d.bad;
  }
  return bundle;
}

describeEachDriver('fuzzing FHIR import', (driver) => {
  let t: TestDatabase;
  let api: TestApp;
  let adminToken: string;
  const status: Record<number, number> = {};
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    const clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
    adminToken = (await signIn(api, clinic.emails.admin)).accessToken;
  });
  afterAll(async () => {
    console.log(`FHIR import fuzzing [${driver}] of ${FILE}: ${Object.values(status).reduce((a, b) => a + b, 0)} damaged bundles, status ${JSON.stringify(status)}`);
    await api.app.close();
    await t.dispose();
  });

  it('a damaged bundle is refused whole with a 4xx that names no values, or imported whole; never a 5xx', async () => {
    let baseline = await tableChecksums(t.db);
    const damages = fc.record({
      how: fc.constantFrom('replace', 'replace', 'replace', 'remove', 'remove', 'duplicate-entry', 'wrong-resource-type', 'not-a-bundle'),
      at: fc.nat(),
      bad: garbage(),
    }) as fc.Arbitrary<Damage>;
    await fc.assert(fc.asyncProperty(damages, async (d) => {
      const res = await api.app.inject({ method: 'POST', url: '/api/admin/fhir/import', headers: { ...bearer(adminToken), 'content-type': 'application/fhir+json' }, payload: JSON.stringify(damage(d)) ?? 'null' });
      status[res.statusCode] = (status[res.statusCode] ?? 0) + 1;
      expect(res.statusCode, res.body.slice(0, 300)).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(ApiErrorSchema.safeParse(res.json()).success).toBe(true);
        expect(res.body).not.toMatch(STACK);
        for (const name of NAMES) expect(res.body).not.toContain(name);
        expect(await tableChecksums(t.db)).toEqual(baseline);
      } else {
        baseline = await tableChecksums(t.db);
      }
    }), { numRuns: RUNS[driver] });
  }, 180_000);
});
