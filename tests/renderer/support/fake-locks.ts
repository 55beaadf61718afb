// A small stand-in for navigator.locks (Node 20 has none): exclusive, first come first served, abortable
// while waiting, and it records which lock names were asked for.
import type { LockManagerLike } from '../../../renderer/data/environment';

export interface FakeLocks extends LockManagerLike {
  requested: string[];
}

export function fakeLocks(): FakeLocks {
  const tails = new Map<string, Promise<void>>();
  const requested: string[] = [];
  return {
    requested,
    request<T>(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<T>): Promise<T> {
      requested.push(name);
      const previous = tails.get(name) ?? Promise.resolve();
      let release!: () => void;
      tails.set(name, new Promise<void>((resolve) => (release = resolve)));
      return new Promise<T>((resolve, reject) => {
        let granted = false;
        options.signal?.addEventListener('abort', () => {
          if (granted) return;
          reject(new Error('AbortError'));
          void previous.then(release);
        }, { once: true });
        void previous.then(() => {
          if (options.signal?.aborted) return;
          granted = true;
          callback({ name }).then(resolve, reject).finally(release);
        });
      });
    },
  };
}
