// Migrations apply once, in order, on both drivers; the audit log refuses changes.
import { afterEach, expect, it } from 'vitest';
import { describeEachDriver, openTestDatabase } from './support/databases';
import type { TestDatabase } from './support/databases';
import { loadMigrations, migrate } from '../../server/db/migrate';

describeEachDriver('migrations', (driver) => {
  let t: TestDatabase | undefined;
  afterEach(async () => {
    await t?.dispose();
    t = undefined;
  });

  it('applies every numbered migration exactly once', async () => {
    t = await openTestDatabase(driver, { migrate: false });
    const all = loadMigrations().map((m) => m.version);
    expect(await migrate(t.db)).toEqual(all);
    expect(await migrate(t.db)).toEqual([]);
    const { rows } = await t.db.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
    expect(rows.map((r) => r.version)).toEqual(all);
  });

  it('two migrators racing on one database apply each migration once', async () => {
    t = await openTestDatabase(driver, { migrate: false });
    const results = await Promise.all([migrate(t.db), migrate(t.db)]);
    expect(results.flat().sort((a, b) => a - b)).toEqual(loadMigrations().map((m) => m.version));
  });

  it('keeps the audit log append-only', async () => {
    t = await openTestDatabase(driver);
    await t.db.query(`INSERT INTO audit_log (action, outcome) VALUES ('test.event', 'allowed')`);
    await expect(t.db.query(`UPDATE audit_log SET action = 'changed'`)).rejects.toThrow(/append-only/);
    await expect(t.db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    const { rows } = await t.db.query<{ action: string }>('SELECT action FROM audit_log');
    expect(rows).toEqual([{ action: 'test.event' }]);
  });

  it('normalises int8 to numbers and dates to YYYY-MM-DD strings on both drivers', async () => {
    t = await openTestDatabase(driver);
    const { rows } = await t.db.query<{ n: unknown; d: unknown }>(`SELECT 9007199254740991::int8 AS n, DATE '2024-03-10' AS d`);
    expect(rows[0]).toEqual({ n: 9007199254740991, d: '2024-03-10' });
  });
});
