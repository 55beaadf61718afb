// Vitest: unit (shared, electron/core, renderer logic with fake-indexeddb) and server integration tests
// (PGlite always; PostgreSQL through the cluster that tests/setup/postgres.ts finds or starts).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/{unit,renderer,server,electron}/**/*.test.{ts,tsx}'],
    environment: 'node',
    globalSetup: ['tests/setup/postgres.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
