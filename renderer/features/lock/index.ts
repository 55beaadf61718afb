// Lock feature: the lock gate around the signed-in app, the lock screen, a Lock button, and the lock actions.
export { LockGate } from './LockGate';
export type { LockGateProps } from './LockGate';
export { LockScreen } from './LockScreen';
export { LockButton } from './LockButton';
export { lockWorkstation, noteFreshSignIn } from './lock-actions';
export { useLockStore, initialLockState, resetLockStore } from './lock-store';
export type { LockState, LockUiStatus } from './lock-store';
export { defaultLockDataGate } from './data-gate';
export type { LockDataGate } from './data-gate';
export { createLockController, primeLockState, BROWSER_TICK_MS } from './lock-controller';
export type { LockController, LockControllerDeps } from './lock-controller';
export { storageLockPersistence } from './lock-persistence';
export type { LockPersistence, PersistedLock } from './lock-persistence';
