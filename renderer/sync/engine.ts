// The sync engine (run by the leader window only): pushes the outbox in order, then pulls until caught up;
// runs on start, on pokes, on reconnects, on coming online, on local changes and every 30 s; backs off with
// jitter (1 s to 30 s) after failures. A round started only by local changes, while pokes arrive, only pushes:
// the server pokes about anything the push changed beyond what its answers returned. Status goes to the cache's status store; messages are PHI-free.
import type { MutationResult } from '../../shared/sync/protocol';
import type { BackoffPolicy, SyncApi } from '../platform';
import { DEFAULT_BACKOFF, backoffDelay } from '../platform';
import type { CacheCore } from '../data/cache';
import type { EngineStatus } from '../data/status';
import { DataError } from '../data/errors';
import { getMeta, setMeta } from '../data/meta';
import { applyPushAnswers } from '../data/push-answers';
import type { OutboxRow } from '../data/schema';
import { SyncFailure, failureFromApi } from './failures';
import { pullAll } from './pull-loop';
import type { BatchLimits } from './push-batch';
import type { Batch } from './push-batch';
import { DEFAULT_BATCH_LIMITS, takeBatch, versionCheckedKeys } from './push-batch';

export interface EngineOptions {
  pullLimit: number;
  batch: BatchLimits;
  periodMs: number;
  backoff: BackoffPolicy;
  /** Run a round as soon as the engine starts (default); false waits for the first trigger. */
  syncOnStart: boolean;
  /**
   * Whether the realtime socket is connected now (and told the server this device's clientId): then the server
   * pokes about every change but the ones this device pushed and already holds, so a round started only by local
   * changes pushes without pulling. Default: never (every round pulls).
   */
  pokesArrive?: () => boolean;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = { pullLimit: 5000, batch: DEFAULT_BATCH_LIMITS, periodMs: 30_000, backoff: DEFAULT_BACKOFF, syncOnStart: true };

export type SyncTrigger = 'start' | 'poke' | 'connect' | 'online' | 'local' | 'timer' | 'manual';

export interface SyncRoundResult {
  ok: boolean;
  /** Mutations answered (applied or rejected) in this round. */
  answered: number;
  /** Entity changes stored in this round. */
  pulled: number;
  error: string | null;
  /** The server asked to wait this long before the next attempt. */
  retryAfterMs?: number | null;
}

interface InFlight {
  batch: Extract<Batch, { kind: 'send' }>;
  answer: ReturnType<SyncApi['push']>;
}

const UNEXPECTED = 'Sync stopped unexpectedly; it will try again.';

export class SyncEngine {
  private readonly options: EngineOptions;
  private stopped = false;
  private started = false;
  private active = false;
  private again = false;
  private failures = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private roundLock: Promise<unknown> = Promise.resolve();
  private batchLimit: number;
  private readonly abort = new AbortController();
  /** A trigger other than a local change came since the last pull (or a pull failed): the next round pulls. */
  private pullWanted = true;

  constructor(
    private readonly core: CacheCore,
    private readonly api: SyncApi,
    options: Partial<EngineOptions> = {},
  ) {
    this.options = { ...DEFAULT_ENGINE_OPTIONS, ...options, batch: { ...DEFAULT_BATCH_LIMITS, ...options.batch } };
    this.batchLimit = this.options.batch.maxCount;
  }

  start(): void {
    if (this.started || this.stopped) return;
    this.started = true;
    if (this.options.syncOnStart) this.request('start');
    else this.afterRound({ ok: true, answered: 0, pulled: 0, error: null }); // just arm the periodic timer
  }

  /** Stops after the current step; in-flight requests are aborted. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.clearTimer();
    this.abort.abort();
    await this.roundLock.catch(() => undefined);
  }

  /** Asks for a sync round. Local changes wait out a back-off; everything else runs now. */
  request(trigger: SyncTrigger): void {
    if (this.stopped) return;
    if (trigger === 'local' && this.failures > 0 && this.timer) return;
    if (trigger !== 'local') this.pullWanted = true;
    if (this.active) {
      this.again = true;
      return;
    }
    void this.cycle();
  }

  /** Runs one round now (after any running one) and reports how it went. */
  async runNow(): Promise<SyncRoundResult> {
    this.pullWanted = true;
    const result = await this.runRound();
    this.afterRound(result);
    return result;
  }

  private async cycle(): Promise<void> {
    this.active = true;
    this.clearTimer();
    let result: SyncRoundResult;
    do {
      this.again = false;
      result = await this.runRound();
    } while (this.again && result.ok && !this.stopped);
    this.active = false;
    this.afterRound(result);
  }

  private runRound(): Promise<SyncRoundResult> {
    const next = this.roundLock.then(() => this.round());
    this.roundLock = next.catch(() => undefined);
    return next;
  }

  private afterRound(result: SyncRoundResult): void {
    if (this.stopped) return;
    this.clearTimer();
    let delay: number;
    if (result.ok) {
      this.failures = 0;
      delay = this.options.periodMs;
    } else {
      this.failures += 1;
      delay = Math.max(backoffDelay(this.failures, this.options.backoff), result.retryAfterMs ?? 0);
    }
    this.timer = setTimeout(() => {
      this.timer = null;
      this.request('timer');
    }, delay);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private setStatus(patch: Partial<EngineStatus>): void {
    if (!this.stopped) this.core.status.setState(patch);
  }

  private async round(): Promise<SyncRoundResult> {
    if (this.stopped) return { ok: false, answered: 0, pulled: 0, error: 'Sync was stopped.' };
    // Taken now: a poke during this round asks for the next one, which pulls.
    const pull = this.pullWanted || !(this.options.pokesArrive?.() ?? false);
    this.pullWanted = false;
    try {
      let answered = await this.pushAll();
      let pulled = 0;
      if (pull) {
        pulled = await pullAll(this.core, this.api, this.options.pullLimit, this.abort.signal, ({ firstSync, progress }) =>
          // During a first sync the last known size is kept while the next page (or the change log after the
          // snapshot, which has no size) is on its way, so the bar does not fall back to "starting".
          this.setStatus({ phase: firstSync ? 'first-sync' : 'pulling', progress: firstSync ? (progress ?? this.core.status.getState().progress) : null, online: true }),
        );
        answered += await this.pushAll(); // changes made while pulling
      }
      await setMeta(this.core.db, { lastSyncedAt: new Date(this.core.env.now()).toISOString() });
      this.setStatus({ online: true, phase: 'idle', progress: null, lastError: null });
      return { ok: true, answered, pulled, error: null };
    } catch (error) {
      let message = UNEXPECTED;
      let reachable = false;
      let retryAfterMs: number | null = null;
      if (error instanceof SyncFailure) {
        message = error.message;
        reachable = error.reachable;
        retryAfterMs = error.retryAfterMs;
      } else if (error instanceof DataError) {
        message = error.message;
        reachable = this.core.status.getState().online;
        if (error.code === 'storage_full') this.core.noteStorageFull();
      }
      if (pull) this.pullWanted = true;
      this.setStatus({ online: reachable, phase: 'waiting-to-retry', lastError: message });
      return { ok: false, answered: 0, pulled: 0, error: message, retryAfterMs };
    }
  }

  /**
   * Sends the outbox in order. Once the server has answered a batch, the next batch is sent while the
   * answers are being stored (the server still receives everything in order, one request at a time).
   */
  private async pushAll(): Promise<number> {
    let answered = 0;
    const clientId = (await getMeta(this.core.db, 'clientId'))!;
    const send = (batch: Extract<Batch, { kind: 'send' }>): InFlight => ({ batch, answer: this.api.push({ clientId, mutations: batch.mutations }, this.abort.signal) });
    let inFlight: InFlight | null = null;
    for (;;) {
      if (this.stopped) throw new SyncFailure('Sync was stopped.', false);
      if (!inFlight) {
        const batch = await takeBatch(this.core, { ...this.options.batch, maxCount: this.batchLimit });
        if (!batch) return answered;
        if (batch.kind === 'unsendable') {
          await this.refuseLocally(batch.entry, batch.message);
          continue;
        }
        this.setStatus({ phase: 'pushing' });
        inFlight = send(batch);
      }
      const { batch } = inFlight;
      const answer = await inFlight.answer;
      inFlight = null;
      if (!answer.ok) {
        const refusedWhole = answer.error.status === 400 || answer.error.status === 413;
        if (refusedWhole && batch.entries.length > 1) {
          this.batchLimit = Math.max(1, Math.floor(batch.entries.length / 2)); // find the one the server refuses
          continue;
        }
        if (refusedWhole) {
          const message = answer.error.status === 413 ? 'This change is too large to send to the server.' : 'The server cannot accept this change as it is.';
          await this.refuseLocally(batch.entries[0]!, message);
          continue;
        }
        throw failureFromApi(answer.error);
      }
      this.batchLimit = this.options.batch.maxCount;
      this.setStatus({ online: true });
      const mustStop = answer.value.results.some((r) => r.status === 'retry');
      if (!mustStop && !this.stopped) {
        const position = { afterSeq: batch.entries.at(-1)!.seq, busyKeys: versionCheckedKeys(batch.entries) };
        const next = await takeBatch(this.core, { ...this.options.batch, maxCount: this.batchLimit }, position);
        if (next?.kind === 'send') inFlight = send(next);
      }
      const summary = await applyPushAnswers(this.core, batch.entries, answer.value.results);
      answered += summary.applied + summary.rejected;
      if (mustStop) throw new SyncFailure('The care server is busy; changes will be sent again shortly.', true);
      if (summary.applied + summary.rejected === 0) throw new SyncFailure('The care server did not answer for these changes; they will be sent again.', true);
    }
  }

  /** A change that can never be sent as it is goes to the conflicts list (kept, never dropped). */
  private async refuseLocally(entry: OutboxRow, message: string): Promise<void> {
    const result: MutationResult = { mutationId: entry.mutationId, seq: entry.seq, status: 'rejected', reason: 'invalid_args', message, current: null };
    await applyPushAnswers(this.core, [entry], [result]);
  }
}
