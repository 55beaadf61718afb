// Benchmark (c), storage side in Node: with a filled cache (a synthetic scope, like (a)), an offline start of
// the data layer (open the database, unlock the key, checks) up to the day's schedule read from the cache.
// The Chromium figure (to a rendered schedule) is measured by the Playwright bench. Not a test.
// Run: npx tsx scripts/bench/sync-offline-start.bench.ts [patients] [chartRows]
import 'fake-indexeddb/auto';
import { loadSyncBench, report } from './bench-module';

const patients = Number(process.argv[2] ?? 10_000);
const chartRows = Number(process.argv[3] ?? 50_000);

const bench = await loadSyncBench();
const userId = crypto.randomUUID();
const dayStart = new Date();
dayStart.setUTCHours(0, 0, 0, 0);
await bench.benchInitialSync({ userId, api: bench.syntheticScopeApi({ patients, chartRows }, dayStart.getTime() + 8 * 3600_000) }, patients + chartRows);
report(await bench.benchOfflineSchedule({ userId, api: bench.offlineApi }, dayStart.toISOString(), bench.SYNTHETIC_CLINICIAN_ID));
