// The Electron workstation (origin app://housecall) may call the API cross-origin; other origins may not.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { buildTestApp } from './support/app';
import type { TestApp } from './support/app';

describe('cross-origin access', () => {
  let t: TestDatabase;
  let api: TestApp;
  beforeAll(async () => {
    t = await openTestDatabase('pglite');
    api = await buildTestApp(t.db);
  });
  afterAll(async () => {
    await api.app.close();
    await t.dispose();
  });

  it('answers the preflight of the Electron app origin', async () => {
    const res = await api.app.inject({ method: 'OPTIONS', url: '/api/auth/login', headers: { origin: 'app://housecall', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, x-housecall-device' } });
    expect(res.statusCode).toBe(204);
    expect(res.headers['access-control-allow-origin']).toBe('app://housecall');
    expect(String(res.headers['access-control-allow-headers'])).toContain('x-housecall-device');
  });

  it('gives no cross-origin grant to any other origin', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/health', headers: { origin: 'https://evil.example' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
  });
});
