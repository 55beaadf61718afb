// Benchmark entry for the sync layer (never imported by the app): the same functions run in Node (with
// fake-indexeddb) from scripts/bench and in Chromium from a bench page, each returning one measured figure.
import type { MutationArgs, MutationName } from '../../../shared/sync/mutations';
import type { DataEnvironment } from '../../data/environment';
import { queryAppointmentsInRange } from '../../data/queries';
import type { SyncApi } from '../../platform';
import { createSyncApi } from '../../platform';
import { send } from '../../platform/http';
import { setServerBaseUrl } from '../../platform/server-url';
import type { DataLayer } from '../data-layer';
import { createDataLayer } from '../data-layer';

export { syntheticScopeApi, SYNTHETIC_CLINICIAN_ID } from './synthetic-scope';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: string;
  better: 'higher' | 'lower';
}

export interface BenchContext {
  userId: string;
  api: SyncApi;
  env?: DataEnvironment;
  pullLimit?: number;
}

const QUIET_ENGINE = { periodMs: 3_600_000, syncOnStart: false };

async function open(ctx: BenchContext): Promise<DataLayer> {
  const layer = await createDataLayer({
    user: { id: ctx.userId, role: 'clinician' }, api: ctx.api, realtime: null,
    engine: { ...QUIET_ENGINE, ...(ctx.pullLimit ? { pullLimit: ctx.pullLimit } : {}) },
    ...(ctx.env ? { env: ctx.env } : {}),
  });
  await layer.leadership;
  return layer;
}

/** A sync API for a bench page or script: the given server and access token through the platform HTTP code. */
export function benchApi(baseUrl: string, accessToken: string, fetchImpl?: typeof fetch): SyncApi {
  setServerBaseUrl(baseUrl);
  return createSyncApi(({ auth: _auth, ...rest }) => send({ ...rest, bearer: accessToken, ...(fetchImpl ? { fetch: fetchImpl } : {}) }));
}

/** A sync API that never reaches a server (an offline start). */
export const offlineApi: SyncApi = {
  push: async () => ({ ok: false, error: { status: 0, code: 'network_error', message: 'Offline.' } }),
  pull: async () => ({ ok: false, error: { status: 0, code: 'network_error', message: 'Offline.' } }),
};

/** (a) A first sync into an empty cache: rows stored per second. Leaves the cache in place for (c). */
export async function benchInitialSync(ctx: BenchContext, rows: number): Promise<BenchResult> {
  const layer = await open(ctx);
  try {
    const started = performance.now();
    const round = await layer.sync();
    const seconds = (performance.now() - started) / 1000;
    if (!round?.ok || round.pulled !== rows) throw new Error(`initial sync did not complete (${round?.pulled ?? 0} of ${rows} rows)`);
    return { name: 'sync-initial-rows-per-second', value: Math.round(rows / seconds), unit: 'rows/s', target: '>= 15000', better: 'higher' };
  } finally {
    await layer.close({ wipe: false });
  }
}

export type QueuedChange = { [N in MutationName]: { name: N; args: MutationArgs<N> } }[MutationName];

/** (b) Changes queued offline, then the time from reconnecting until every one is acknowledged. */
export async function benchCatchUp(ctx: BenchContext, changes: readonly QueuedChange[], goOffline: () => void, goOnline: () => void): Promise<BenchResult> {
  const layer = await open(ctx);
  try {
    const first = await layer.sync();
    if (!first?.ok) throw new Error('the first sync failed');
    goOffline();
    for (const change of changes) await layer.actions.queueMutation(change.name, change.args as never);
    await layer.sync(); // fails: offline
    goOnline();
    const started = performance.now();
    const round = await layer.sync();
    const seconds = (performance.now() - started) / 1000;
    const left = await layer.core.db.outbox.count();
    if (!round?.ok || left > 0) throw new Error(`catch-up did not finish (${left} left)`);
    return { name: `sync-catch-up-${changes.length}-mutations`, value: Number(seconds.toFixed(3)), unit: 's', target: '< 3', better: 'lower' };
  } finally {
    await layer.close({ wipe: false });
  }
}

/** (c) Storage side of an offline start: open the cache (key, checks) and read a day's schedule from it. */
export async function benchOfflineSchedule(ctx: BenchContext, dayStartIso: string, clinicianId: string): Promise<BenchResult> {
  const started = performance.now();
  const layer = await createDataLayer({ user: { id: ctx.userId, role: 'clinician' }, api: ctx.api, realtime: null, engine: QUIET_ENGINE, ...(ctx.env ? { env: ctx.env } : {}) });
  try {
    const dayEnd = new Date(Date.parse(dayStartIso) + 24 * 3600_000).toISOString();
    const appointments = await queryAppointmentsInRange(layer.core, dayStartIso, dayEnd, clinicianId);
    const ms = performance.now() - started;
    if (appointments.length === 0) throw new Error('the cached schedule is empty');
    return { name: 'sync-offline-start-to-schedule-data', value: Math.round(ms), unit: 'ms', target: '< 500', better: 'lower' };
  } finally {
    await layer.close({ wipe: false });
  }
}
