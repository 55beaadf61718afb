// What the data layer needs from its surroundings (IndexedDB, Web Locks, BroadcastChannel, storage, clock),
// taken from the page by default and injectable so tests can run several "devices" in one process.

/** The part of the Web Locks API the sync leader election uses. */
export interface LockManagerLike {
  request<T>(name: string, options: { signal?: AbortSignal }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** The part of BroadcastChannel the windows of one profile use to share sync status. */
export interface ChannelLike {
  postMessage(message: unknown): void;
  close(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

export interface StorageManagerLike {
  persist?(): Promise<boolean>;
  persisted?(): Promise<boolean>;
}

export interface DataEnvironment {
  indexedDB: IDBFactory;
  IDBKeyRange: typeof IDBKeyRange;
  /** navigator.locks when the runtime has it; null selects the in-page fallback (see renderer/sync/leader.ts). */
  locks: LockManagerLike | null;
  /** A channel shared by the windows of this profile, or null when the runtime has none. */
  openChannel(name: string): ChannelLike | null;
  storage: StorageManagerLike | null;
  /** Calls listener when the machine comes back online; returns the function that stops listening. */
  onOnline(listener: () => void): () => void;
  now(): number;
}

type Globals = {
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  navigator?: { locks?: LockManagerLike; storage?: StorageManagerLike };
  BroadcastChannel?: new (name: string) => ChannelLike;
  addEventListener?: (type: string, listener: () => void) => void;
  removeEventListener?: (type: string, listener: () => void) => void;
};

/** The environment of the page (or of a Node test with fake-indexeddb/auto loaded). */
export function defaultEnvironment(): DataEnvironment {
  const g = globalThis as Globals;
  if (!g.indexedDB || !g.IDBKeyRange) throw new Error('This browser cannot store data offline (no IndexedDB).');
  const Channel = g.BroadcastChannel;
  return {
    indexedDB: g.indexedDB,
    IDBKeyRange: g.IDBKeyRange,
    locks: g.navigator?.locks ?? null,
    openChannel: (name) => (Channel ? new Channel(name) : null),
    storage: g.navigator?.storage ?? null,
    onOnline(listener) {
      if (!g.addEventListener || !g.removeEventListener) return () => undefined;
      g.addEventListener('online', listener);
      return () => g.removeEventListener?.('online', listener);
    },
    now: () => Date.now(),
  };
}
