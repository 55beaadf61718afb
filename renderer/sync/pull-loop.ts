// Pulls pages until the server says there is no more, storing each page with its cursor. Three steps overlap:
// the next page is requested as soon as a page arrives (its cursor is known from the answer), and during a
// first sync a page's rows are sealed while the previous page is still being written. Writes stay in order
// and a cursor is only ever stored together with its own page. A cursor the server no longer accepts starts a
// fresh full sync (cached server data is dropped first; the outbox is kept).
import type { PullResponse } from '../../shared/sync/protocol';
import type { ApiFailure, Result, SyncApi } from '../platform';
import type { CacheCore } from '../data/cache';
import { purgeServerData } from '../data/cache';
import { getMeta } from '../data/meta';
import { commitPullPage, preparePullPage } from '../data/pull-apply';
import { SyncFailure, failureFromApi } from './failures';

export interface PullProgress {
  firstSync: boolean;
  progress: PullResponse['progress'];
}

/** The first page of a first sync is small, so storing starts while the server assembles the larger next one. */
export const FIRST_SNAPSHOT_PAGE = 1000;

const badCursor = (error: ApiFailure) => error.status === 400 && (error.fields?.includes('cursor') ?? false);
const ignore = (promise: Promise<unknown> | null | undefined) => void promise?.catch(() => undefined);

/** A page being written: its count once committed, and the progress to report then. */
interface Storing {
  stored: Promise<number>;
  progress: PullProgress;
}

export async function pullAll(core: CacheCore, api: SyncApi, limit: number, signal: AbortSignal, onPage: (p: PullProgress) => void): Promise<number> {
  let total = 0;
  let resets = 0;
  let storing: Storing | null = null;
  /** Waits for the page being written (its failure is the pull's failure) and reports its progress. */
  const settle = async (): Promise<void> => {
    if (!storing) return;
    const { stored, progress } = storing;
    storing = null;
    total += await stored;
    onPage(progress);
  };
  /** Requests the page after the stored cursor (a fresh start sends a small first page). */
  const start = async (): Promise<{ firstSync: boolean; answer: Promise<Result<PullResponse>> }> => {
    const firstSync = !(await getMeta(core.db, 'firstSyncDone'));
    const cursor = (await getMeta(core.db, 'cursor')) ?? '';
    onPage({ firstSync, progress: null });
    return { firstSync, answer: api.pull({ cursor, limit: cursor === '' ? Math.min(limit, FIRST_SNAPSHOT_PAGE) : limit }, signal) };
  };

  let { firstSync, answer: next } = await start();
  for (;;) {
    if (signal.aborted) {
      ignore(next);
      await settle();
      throw new SyncFailure('Sync was stopped.', false);
    }
    const answer: Result<PullResponse> = await next;
    if (!answer.ok) {
      await settle(); // the page before this failure is kept
      if (badCursor(answer.error) && resets === 0) {
        resets += 1;
        await purgeServerData(core.db);
        ({ firstSync, answer: next } = await start());
        continue;
      }
      throw failureFromApi(answer.error);
    }
    const page = answer.value;
    const following = page.hasMore ? api.pull({ cursor: page.cursor, limit }, signal) : null; // overlaps with storing this page
    // Only a first sync's snapshot pages are taken to be new (the cache is empty of them): sealed right away.
    const prepared = preparePullPage(core, page, { expectNew: firstSync && page.progress !== null });
    try {
      await settle();
    } catch (error) {
      ignore(following);
      ignore(prepared.planned);
      throw error;
    }
    const stored = commitPullPage(core, prepared);
    ignore(stored); // handled: settle() awaits it (and throws its failure) before anything else is stored
    storing = { stored, progress: { firstSync, progress: page.progress } };
    if (!following) {
      await settle();
      return total;
    }
    next = following;
  }
}
