// An in-page lock manager with the Web Locks request() semantics (exclusive, FIFO, abortable while waiting).
// The fallback when navigator.locks is missing: it keeps one sync leader per profile within this page only.
// Every runtime the workstation supports (Electron, current Chromium, Firefox, Safari) has navigator.locks,
// so this only serves old browsers and Node; there, two tabs may both sync, which the server's idempotent
// push keeps safe (a replayed mutation is answered again, never applied twice).
import type { LockManagerLike } from '../data/environment';

export function createMemoryLockManager(): LockManagerLike {
  const queues = new Map<string, Array<() => void>>();
  const held = new Set<string>();

  const grantNext = (name: string) => {
    const next = queues.get(name)?.shift();
    if (next) next();
    else held.delete(name);
  };

  return {
    request<T>(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<T>): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const { signal } = options;
        if (signal?.aborted) {
          reject(new DOMException('The lock request was aborted.', 'AbortError'));
          return;
        }
        const run = () => {
          signal?.removeEventListener('abort', onAbort);
          held.add(name);
          callback({ name }).then(resolve, reject).finally(() => grantNext(name));
        };
        const onAbort = () => {
          const queue = queues.get(name);
          const at = queue?.indexOf(run) ?? -1;
          if (queue && at >= 0) queue.splice(at, 1);
          reject(new DOMException('The lock request was aborted.', 'AbortError'));
        };
        if (!held.has(name)) {
          run();
          return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        queues.set(name, [...(queues.get(name) ?? []), run]);
      });
    },
  };
}

/** The page-wide fallback instance (one per JavaScript realm). */
export const pageLocks: LockManagerLike = createMemoryLockManager();
