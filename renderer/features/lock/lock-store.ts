// Lock-screen state (zustand): whether the workstation is locked, why, and the lock screen's busy flag and message.
import { create } from 'zustand';
import type { LockReason } from '../../../shared/policy';

export type LockUiStatus = 'unlocked' | 'locked' | 'signing-out';

export interface LockState {
  status: LockUiStatus;
  reason: LockReason | null;
  /** An unlock attempt (password check, reopening the local data) is running. */
  busy: boolean;
  /** A plain message for the lock screen's alert (never PHI). */
  error: string | null;
}

export const initialLockState: LockState = { status: 'unlocked', reason: null, busy: false, error: null };

export const useLockStore = create<LockState>()(() => ({ ...initialLockState }));

export function resetLockStore(): void {
  useLockStore.setState({ ...initialLockState }, true);
}
