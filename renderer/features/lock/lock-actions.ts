// The lock actions screens call (Lock, Unlock, Sign out on the lock screen), routed to the active controller, and the
// fresh-sign-in mark the auth flow sets so a new session never starts locked.
import type { LockController } from './lock-controller';

let active: LockController | null = null;
let freshSignInAt: number | null = null;
/** The signed-in view mounts right after sign-in; later mounts (a reload) are not fresh. */
const FRESH_FOR_MS = 10_000;

export function setActiveLockController(controller: LockController | null): void {
  active = controller;
}

/** Call right after a password (and second-factor) sign-in: the next lock session starts unlocked, whatever this tab remembered. */
export function noteFreshSignIn(): void {
  freshSignInAt = Date.now();
}

/** Read by the lock gate when the signed-in view mounts (twice under StrictMode, hence no reset here). */
export function isFreshSignIn(): boolean {
  return freshSignInAt !== null && Date.now() - freshSignInAt < FRESH_FOR_MS;
}

/** The session this mark was for has ended. */
export function forgetFreshSignIn(): void {
  freshSignInAt = null;
}

export function lockWorkstation(): void {
  active?.lockNow();
}

export function unlockWorkstation(password: string): Promise<void> {
  return active?.unlock(password) ?? Promise.resolve();
}

export function signOutFromLock(): Promise<void> {
  return active?.signOutNow() ?? Promise.resolve();
}
