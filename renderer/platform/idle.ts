// Workstation lock plumbing: in-page activity (web workstation), the shell's lock events and lock state (Electron), and
// checking the password on the lock screen against the care server (POST /api/auth/unlock).
import { UnlockRequestSchema } from '../../shared/api/auth';
import { ipcChannels, ipcResultSchema, type IpcEventPayload, type LockStatus, type SessionReport } from '../../shared/ipc';
import { currentAccessToken, refreshSession } from './api-client';
import { hasStoredSession } from './auth-api';
import { getBridge } from './bridge';
import { send } from './http';

// ---- In-page activity (the web workstation's idle clock) ------------------------------------------------------

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'scroll'] as const;

export interface ActivityWatchOptions {
  /** Called at most once per throttle window. */
  onActivity: () => void;
  /** The page became visible again (time may have passed while hidden). */
  onVisible: () => void;
  throttleMs?: number;
}

/** Listens for keyboard, pointer and touch input on the page; returns the function that stops listening. */
export function watchUserActivity({ onActivity, onVisible, throttleMs = 1_000 }: ActivityWatchOptions): () => void {
  let last = 0;
  const activity = (): void => {
    const now = Date.now();
    if (now - last < throttleMs) return;
    last = now;
    onActivity();
  };
  const visibility = (): void => {
    if (document.visibilityState === 'visible') onVisible();
  };
  for (const name of ACTIVITY_EVENTS) window.addEventListener(name, activity, { passive: true, capture: true });
  document.addEventListener('visibilitychange', visibility);
  return () => {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, activity, { capture: true });
    document.removeEventListener('visibilitychange', visibility);
  };
}

// ---- The shell's idle lock (Electron) --------------------------------------------------------------------------

export interface ShellLockState {
  status: LockStatus;
  signOutReason?: IpcEventPayload<'session:sign-out'>['reason'];
}

export interface ShellLockPort {
  getState(): Promise<ShellLockState | null>;
  /** Tells the shell about the session; answers the shell's lock status (null when the shell did not answer). */
  report(event: SessionReport): Promise<LockStatus | null>;
  onLock(listener: (payload: IpcEventPayload<'session:lock'>) => void): () => void;
  onSignOut(listener: (payload: IpcEventPayload<'session:sign-out'>) => void): () => void;
}

/** The shell's lock when running in Electron, null in the browser. */
export function shellLockPort(): ShellLockPort | null {
  const bridge = getBridge();
  if (bridge === null) return null;
  const stateSchema = ipcResultSchema(ipcChannels['session:get-lock-state'].response);
  const reportSchema = ipcResultSchema(ipcChannels['session:report'].response);
  return {
    async getState() {
      const parsed = stateSchema.safeParse(await bridge.invoke('session:get-lock-state', {}));
      return parsed.success && parsed.data.ok ? (parsed.data.value as ShellLockState) : null;
    },
    async report(event) {
      const parsed = reportSchema.safeParse(await bridge.invoke('session:report', { event }));
      return parsed.success && parsed.data.ok ? (parsed.data.value as { status: LockStatus }).status : null;
    },
    onLock: (listener) => bridge.on('session:lock', listener),
    onSignOut: (listener) => bridge.on('session:sign-out', listener),
  };
}

// ---- Unlocking --------------------------------------------------------------------------------------------------

export type UnlockOutcome =
  | { ok: true }
  | { ok: false; reason: 'rejected' | 'offline' | 'session_ended' | 'failed' }
  | { ok: false; reason: 'locked_out'; retryAfterSeconds?: number };

/**
 * Checks the signed-in user's password with the care server. Not through apiRequest: a refused password must not end
 * the session as any other 401 would; only an access token that cannot be renewed does.
 */
export async function verifyUnlockPassword(password: string): Promise<UnlockOutcome> {
  const body = UnlockRequestSchema.safeParse({ password });
  if (!body.success) return { ok: false, reason: 'rejected' };
  const attempt = async (): Promise<Awaited<ReturnType<typeof send<undefined>>> | null> => {
    const token = await currentAccessToken();
    if (token === null) return null;
    return send<undefined>({ method: 'POST', path: '/api/auth/unlock', body: body.data, schema: null, bearer: token, timeoutMs: 15_000 });
  };
  let result = await attempt();
  if (result !== null && !result.ok && result.error.code === 'token_expired') {
    const refreshed = await refreshSession();
    if (!refreshed.ok) return { ok: false, reason: refreshed.error.status === 0 ? 'offline' : 'session_ended' };
    result = await attempt();
  }
  // No usable token: the refresh either could not reach the server (the session is still stored) or was refused.
  if (result === null) return { ok: false, reason: hasStoredSession() ? 'offline' : 'session_ended' };
  if (result.ok) return { ok: true };
  const { status, code, retryAfterSeconds } = result.error;
  if (status === 0) return { ok: false, reason: code === 'network_error' || code === 'timeout' ? 'offline' : 'failed' };
  if (code === 'locked_out' || status === 423 || status === 429) return retryAfterSeconds === undefined ? { ok: false, reason: 'locked_out' } : { ok: false, reason: 'locked_out', retryAfterSeconds };
  if (status === 401 || status === 403) return { ok: false, reason: 'rejected' };
  return { ok: false, reason: 'failed' };
}
