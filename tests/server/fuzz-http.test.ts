// Bad-input fuzzing of every HTTP route in the server's own route table (so routes added later are covered):
// generated params, queries and bodies from and around each route's zod schemas, garbage, wrong types, huge
// strings and prototype-pollution keys, sent as a role the route allows. Every answer is below 500; every
// refusal is the shared error envelope with a clear message, no stack and no seeded patient data, and left
// every table as it was.
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Role } from '../../shared/domain/roles';
import { ApiErrorSchema } from '../../shared/api/errors';
import { allRoutes, DEFAULT_CLIENT_CONFIG } from '../../server/http/app';
import type { RouteSpec } from '../../server/http/route';
import { SessionCache } from '../../server/auth/session-cache';
import { TokenSigner } from '../../server/auth/tokens';
import { DEFAULT_VIDEO_CONFIG } from '../../server/config';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { DriverName, TestDatabase } from './support/databases';
import { seedTestClinic } from './support/fixtures';
import type { TestClinic } from './support/fixtures';
import { bearer, buildTestApp, signIn, TEST_DEVICE } from './support/app';
import type { TestApp } from './support/app';
import { around, garbage, pollutedJson } from '../support/schema-arbitrary';
import { tableChecksums } from './support/db-checksum';

/** Generated cases per route; PostgreSQL runs fewer (the same generators, a slower database). */
const RUNS: Record<DriverName, number> = { pglite: 100, postgres: 25 };
const SEEDED_PHI = /Zelphira|Quimbleton|Orsolya|Brackenridge|206-555-0142|100 Pine St|1980-04-02/;
const STACK = /\bat [\w.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+|"stack"/;

const routes = allRoutes({ db: { kind: 'pglite' } as never, signer: new TokenSigner('x'.repeat(32)), now: () => new Date(), clientConfig: DEFAULT_CLIENT_CONFIG, video: DEFAULT_VIDEO_CONFIG, sessions: new SessionCache() });

/** A role the route lets through, so the fuzzed input reaches validation and the handler. */
function roleFor(spec: RouteSpec): Role | null {
  if (spec.access === 'public') return null;
  if (spec.access === 'signed-in') return 'clinician';
  return spec.access[0]!;
}

function queryString(query: unknown): string {
  if (query === undefined) return '';
  if (!query || typeof query !== 'object' || Array.isArray(query)) return `?${encodePart(JSON.stringify(query) ?? '')}`;
  const pairs: string[] = [];
  for (const [key, value] of Object.entries(query as Record<string, unknown>)) {
    for (const v of Array.isArray(value) ? value : [value]) pairs.push(`${encodePart(key)}=${encodePart(typeof v === 'string' ? v : JSON.stringify(v) ?? '')}`);
  }
  return pairs.length ? `?${pairs.join('&')}` : '';
}

/** Percent-encodes every byte of the UTF-8 text (lone surrogates become U+FFFD instead of throwing). */
const encodePart = (text: string) => [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
/** Malformed percent-encodings, sent as they are. */
const BAD_ESCAPES = ['%', '%E0%A4%A', '%zz', '%C0%AF', '%00'];

function urlFor(spec: RouteSpec, params: unknown): string {
  const values = params && typeof params === 'object' && !Array.isArray(params) ? (params as Record<string, unknown>) : {};
  return spec.url.replace(/:(\w+)/g, (_m, name: string) => {
    const v = name in values ? values[name] : params;
    if (typeof v === 'string' && BAD_ESCAPES.includes(v)) return v;
    return encodePart(typeof v === 'string' ? v : JSON.stringify(v) ?? 'undefined');
  });
}

type Payload = { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string } | { kind: 'none' };

const rawBody: fc.Arbitrary<Payload> = fc.oneof(
  fc.string({ maxLength: 60 }).map((text) => ({ kind: 'raw' as const, text, contentType: 'application/json' })),
  fc.constant({ kind: 'raw' as const, text: pollutedJson({ email: 'a@b.co', password: 'x' }), contentType: 'application/json' }),
  fc.constant({ kind: 'raw' as const, text: '{"a":'.repeat(2000), contentType: 'application/json' }),
  fc.constant({ kind: 'raw' as const, text: `{"x":"${'y'.repeat(70 * 1024)}"}`, contentType: 'application/json' }),
  fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml').map((contentType) => ({ kind: 'raw' as const, text: 'a=1&b=2', contentType })),
);

function caseFor(spec: RouteSpec): fc.Arbitrary<{ url: string; payload: Payload }> {
  const body: fc.Arbitrary<Payload> = spec.method === 'GET' ? fc.constant({ kind: 'none' }) : fc.oneof(
    { weight: 3, arbitrary: around(spec.body).map((value) => ({ kind: 'json' as const, value })) },
    { weight: 1, arbitrary: rawBody },
  );
  const query = spec.query ? fc.option(around(spec.query), { nil: undefined, freq: 8 }) : fc.option(garbage().map((g) => ({ unexpected: g })), { nil: undefined, freq: 3 });
  const params = spec.params ? fc.oneof({ weight: 9, arbitrary: around(spec.params) }, { weight: 1, arbitrary: fc.constantFrom(...BAD_ESCAPES) }) : fc.constant(undefined);
  return fc.record({ body, query, params }).map(({ body: payload, query: q, params: p }) => ({ url: `${urlFor(spec, p)}${queryString(q)}`, payload }));
}

describeEachDriver('fuzzing every HTTP route', (driver) => {
  let t: TestDatabase;
  let clinic: TestClinic;
  let api: TestApp;
  const tokens = new Map<Role, string>();
  const counts: Record<string, { cases: number; status: Record<number, number> }> = {};
  beforeAll(async () => {
    t = await openTestDatabase(driver);
    clinic = await seedTestClinic(t.db);
    api = await buildTestApp(t.db);
  });
  afterAll(async () => {
    const total = Object.values(counts).reduce((n, c) => n + c.cases, 0);
    console.log(`HTTP fuzzing [${driver}]: ${total} generated requests over ${Object.keys(counts).length} routes`);
    for (const [key, c] of Object.entries(counts)) console.log(`  ${key}: ${c.cases} cases, status ${JSON.stringify(c.status)}`);
    await api.app.close();
    await t.dispose();
  });

  const emailOf = (role: Role) => ({ clinician: clinic.emails.clinician, dispatcher: clinic.emails.dispatcher, courier: clinic.emails.courier, admin: clinic.emails.admin })[role];
  /** The role's token, signed in again when a fuzzed request ended the session (e.g. sign-out); fresh says so. */
  async function tokenFor(role: Role): Promise<{ token: string; fresh: boolean }> {
    let token = tokens.get(role);
    if (token) {
      const me = await api.app.inject({ method: 'GET', url: '/api/auth/me', headers: bearer(token) });
      if (me.statusCode === 200) return { token, fresh: false };
    }
    await t.db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL');
    token = (await signIn(api, emailOf(role))).accessToken;
    tokens.set(role, token);
    return { token, fresh: true };
  }

  it('enumerates the route table', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it.each(routes.map((r) => [`${r.method} ${r.url}`, r] as const))('%s: never 5xx; refusals are clear, leak nothing and change nothing', async (key, spec) => {
    const role = roleFor(spec);
    const stats: { cases: number; status: Record<number, number> } = (counts[key] = { cases: 0, status: {} });
    let baseline = await tableChecksums(t.db);
    await fc.assert(fc.asyncProperty(caseFor(spec), async ({ url, payload }) => {
      // Failure counters are not part of the checksum, but a lockout would turn later cases into 423s.
      await t.db.query('UPDATE users SET failed_attempts = 0, locked_until = NULL WHERE failed_attempts > 0 OR locked_until IS NOT NULL');
      const session = role ? await tokenFor(role) : null;
      if (session?.fresh) baseline = await tableChecksums(t.db); // signing in again made a session
      const headers: Record<string, string> = { 'x-housecall-device': TEST_DEVICE, ...(session ? bearer(session.token) : {}) };
      let body: string | undefined;
      if (payload.kind === 'json') {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(payload.value) ?? 'null';
      } else if (payload.kind === 'raw') {
        headers['content-type'] = payload.contentType;
        body = payload.text;
      }
      const res = await api.app.inject({ method: spec.method, url, headers, ...(body !== undefined ? { payload: body } : {}) });
      stats.cases += 1;
      stats.status[res.statusCode] = (stats.status[res.statusCode] ?? 0) + 1;
      expect(res.statusCode, `${spec.method} ${url}`).toBeLessThan(500);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (res.statusCode >= 400) {
        const envelope = ApiErrorSchema.safeParse(res.json());
        expect(envelope.success, res.body).toBe(true);
        expect(envelope.data!.error.message.length).toBeGreaterThan(10);
        expect(res.body).not.toMatch(STACK);
        expect(res.body).not.toMatch(SEEDED_PHI);
        expect(await tableChecksums(t.db), `${res.statusCode} ${spec.method} ${url} changed the database`).toEqual(baseline);
      } else {
        baseline = await tableChecksums(t.db); // an accepted request may change data
      }
    }), { numRuns: RUNS[driver] });
  }, 120_000);
});
