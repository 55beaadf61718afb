// Remembers for this tab (sessionStorage, like the refresh token) that the workstation is locked and when the user was
// last active, so a reload neither unlocks it nor restarts the idle clock. Staff id and times only, no patient data.
import { z } from 'zod';

const KEY = 'housecall.lock';

const PersistedLockSchema = z.object({
  userId: z.string().min(1).max(64),
  locked: z.boolean(),
  lastActivityAt: z.number().finite().nonnegative(),
});
export type PersistedLock = z.infer<typeof PersistedLockSchema>;

export interface LockPersistence {
  read(): PersistedLock | null;
  write(value: PersistedLock): void;
  clear(): void;
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function storageLockPersistence(storage: () => StorageLike | null = () => (typeof sessionStorage === 'undefined' ? null : sessionStorage)): LockPersistence {
  return {
    read() {
      try {
        const raw = storage()?.getItem(KEY);
        if (!raw) return null;
        const parsed = PersistedLockSchema.safeParse(JSON.parse(raw));
        return parsed.success ? parsed.data : null;
      } catch {
        return null;
      }
    },
    write(value) {
      try {
        storage()?.setItem(KEY, JSON.stringify(value));
      } catch {
        // storage blocked: a reload starts the idle clock afresh (the shell still enforces its own lock)
      }
    },
    clear() {
      try {
        storage()?.removeItem(KEY);
      } catch {
        // nothing to forget
      }
    },
  };
}
