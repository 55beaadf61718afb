// Shared by the sync-*.bench.ts scripts (not a benchmark itself): loads the renderer's sync benchmark entry
// (renderer/sync/bench/sync-bench.ts). The import path is computed so this server-side TypeScript project
// does not type-check browser code; the shape used here is declared below and checked at run time.
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  better: 'higher' | 'lower';
}

export type QueuedChange = { name: string; args: unknown };

/** The parts of the bench entry the Node scripts call (see renderer/sync/bench/sync-bench.ts). */
export interface SyncBenchModule {
  syntheticScopeApi(size: { patients: number; chartRows: number }, startMs: number): unknown;
  SYNTHETIC_CLINICIAN_ID: string;
  benchApi(baseUrl: string, accessToken: string, fetchImpl?: typeof fetch): unknown;
  offlineApi: unknown;
  benchInitialSync(ctx: { userId: string; api: unknown; pullLimit?: number }, rows: number): Promise<BenchResult>;
  benchCatchUp(ctx: { userId: string; api: unknown }, changes: readonly QueuedChange[], goOffline: () => void, goOnline: () => void): Promise<BenchResult>;
  benchOfflineSchedule(ctx: { userId: string; api: unknown }, dayStartIso: string, clinicianId: string): Promise<BenchResult>;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const entry = path.resolve(here, '../../renderer/sync/bench/sync-bench.ts');

export async function loadSyncBench(): Promise<SyncBenchModule> {
  const loaded = (await import(pathToFileURL(entry).href)) as Partial<SyncBenchModule>;
  for (const name of ['benchInitialSync', 'benchCatchUp', 'benchOfflineSchedule', 'syntheticScopeApi', 'benchApi'] as const) {
    if (typeof loaded[name] !== 'function') throw new Error(`the sync bench entry has no ${name}()`);
  }
  return loaded as SyncBenchModule;
}

/** One JSON line per figure, as the bench runner collects them. */
export function report(result: BenchResult): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}
