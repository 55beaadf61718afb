// Exactly one sync leader per user profile: the window holding the Web Lock 'housecall-sync-<userId>' runs the
// engine until it stops (or closes, which frees the lock); the others wait in line and observe.
import type { LockManagerLike } from '../data/environment';
import { pageLocks } from './memory-locks';

export interface Leadership {
  isLeader(): boolean;
  /** Resolves when this window becomes the leader (never, if it stops first). */
  readonly acquired: Promise<void>;
  /** Stops leading (running the stop function onLead returned) or stops waiting to lead. */
  release(): Promise<void>;
}

export const syncLockName = (userId: string): string => `housecall-sync-${userId}`;

/** Waits for the lock, then calls onLead; the function it returns runs when leadership is released. */
export function electLeader(locks: LockManagerLike | null, name: string, onLead: () => Promise<() => Promise<void>>): Leadership {
  const manager = locks ?? pageLocks;
  const abort = new AbortController();
  let leader = false;
  let markAcquired!: () => void;
  const acquired = new Promise<void>((resolve) => (markAcquired = resolve));
  let letGo!: () => void;
  const released = new Promise<void>((resolve) => (letGo = resolve));
  const held = manager
    .request(name, { signal: abort.signal }, async () => {
      leader = true;
      markAcquired();
      let stop: (() => Promise<void>) | null = null;
      try {
        stop = await onLead();
        await released;
      } finally {
        await stop?.().catch(() => undefined);
        leader = false;
      }
    })
    .catch(() => undefined); // aborted while waiting, or onLead failed: this window simply does not lead
  return {
    isLeader: () => leader,
    acquired,
    async release() {
      abort.abort();
      letGo();
      await held;
    },
  };
}
