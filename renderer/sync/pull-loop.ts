// Pulls pages until the server says there is no more, storing each page with its cursor. The next page is
// requested while the current one is being stored (its cursor is known from the answer), but a cursor is
// only ever stored together with its own page. A cursor the server no longer accepts starts a fresh full
// sync (cached server data is dropped first; the outbox is kept).
import type { PullResponse } from '../../shared/sync/protocol';
import type { ApiFailure, Result, SyncApi } from '../platform';
import type { CacheCore } from '../data/cache';
import { purgeServerData } from '../data/cache';
import { getMeta } from '../data/meta';
import { applyPullPage } from '../data/pull-apply';
import { SyncFailure, failureFromApi } from './failures';

export interface PullProgress {
  firstSync: boolean;
  progress: PullResponse['progress'];
}

const badCursor = (error: ApiFailure) => error.status === 400 && (error.fields?.includes('cursor') ?? false);

export async function pullAll(core: CacheCore, api: SyncApi, limit: number, signal: AbortSignal, onPage: (p: PullProgress) => void): Promise<number> {
  let total = 0;
  let resets = 0;
  let next: Promise<Result<PullResponse>> | null = null;
  for (;;) {
    if (signal.aborted) throw new SyncFailure('Sync was stopped.', false);
    const firstSync = !(await getMeta(core.db, 'firstSyncDone'));
    if (!next) {
      onPage({ firstSync, progress: null });
      next = api.pull({ cursor: (await getMeta(core.db, 'cursor')) ?? '', limit }, signal);
    }
    const answer: Result<PullResponse> = await next;
    next = null;
    if (!answer.ok) {
      if (badCursor(answer.error) && resets === 0) {
        resets += 1;
        await purgeServerData(core.db);
        continue;
      }
      throw failureFromApi(answer.error);
    }
    const page = answer.value;
    if (page.hasMore) next = api.pull({ cursor: page.cursor, limit }, signal); // overlaps with storing this page
    try {
      total += await applyPullPage(core, page);
    } catch (error) {
      void next?.catch(() => undefined);
      throw error;
    }
    onPage({ firstSync, progress: page.progress });
    if (!page.hasMore) return total;
  }
}
