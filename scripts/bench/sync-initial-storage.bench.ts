// Benchmark (a), storage side in Node: a first sync of a clinician scope of 10,000 patient summaries and
// 50,000 chart rows (served from memory, so only decryption-free storing is measured: sealing + IndexedDB
// writes through fake-indexeddb) into an empty cache. Prints {name, value, unit, target}. Not a test.
// Run: npx tsx scripts/bench/sync-initial-storage.bench.ts [patients] [chartRows]
import 'fake-indexeddb/auto';
import { loadSyncBench, report } from './bench-module';

const patients = Number(process.argv[2] ?? 10_000);
const chartRows = Number(process.argv[3] ?? 50_000);

const bench = await loadSyncBench();
const api = bench.syntheticScopeApi({ patients, chartRows }, Date.now());
report(await bench.benchInitialSync({ userId: crypto.randomUUID(), api }, patients + chartRows));
