// What the sign-in screens and the app frame do with the session: sign in (password, code, enrolment),
// restore after a reload (also offline, from the remembered user), go back a step, sign out, and react to the
// session ending elsewhere. The local data layer starts with the session and is wiped on sign-out.
import { LoginRequestSchema, TotpCodeSchema } from '../../../shared/api/auth';
import type { Result, SignInStep } from '../../platform';
import { confirmTotpEnrollment, hasStoredSession, onSessionEvent, restoreSession, signIn, signOut, verifyTotp } from '../../platform';
import type { User } from '../../../shared/domain/user';
import { beginDataSession, endDataSession } from './data-session';
import type { SignInContext } from './messages';
import { NETWORK_PROBLEM, signInFailureMessage } from './messages';
import { forgetUser, rememberedUser, rememberUser } from './offline-session';
import { initialSessionState, useSessionStore } from './session-store';
import { noteFreshSignIn } from '../lock';

const set = useSessionStore.setState;
const get = useSessionStore.getState;
let unsubscribe: (() => void) | null = null;

/** Enters the signed-in stage: remembers the user for offline reloads and starts the local data layer. */
function enterSignedIn(user: User, email = ''): void {
  rememberUser(user);
  set({ ...initialSessionState, stage: 'signed-in', user, tokens: 'active', email });
  beginDataSession(user);
}

/** The session ended outside the user's control (revoked, expired): stop syncing, keep local data. */
function sessionEnded(message: string | null): void {
  forgetUser();
  void endDataSession(false);
  set({ ...initialSessionState, error: message });
}

function applyStep(result: Result<SignInStep>, context: SignInContext): boolean {
  if (!result.ok) {
    set({ busy: false, error: signInFailureMessage(result.error, context) });
    return false;
  }
  const step = result.value;
  if (step.status === 'signed_in') {
    noteFreshSignIn();
    enterSignedIn(step.user, get().email);
  } else if (step.status === 'totp_required') {
    set({ stage: 'totp', tokens: 'challenge', challengeToken: step.challengeToken, enrollment: null, busy: false, error: null });
  } else {
    set({
      stage: 'enroll',
      tokens: 'challenge',
      challengeToken: step.challengeToken,
      enrollment: { secret: step.secret, otpauthUri: step.otpauthUri },
      busy: false,
      error: null,
    });
  }
  return true;
}

/** Listens for session events and restores a stored session. Call once at start-up, before the first render. */
export function startSession(): void {
  unsubscribe ??= onSessionEvent((event) => {
    const state = get();
    if (event.type === 'refreshed') {
      if (state.stage === 'signed-in') {
        rememberUser(event.user);
        set({ user: event.user });
      }
    } else if (state.stage === 'signed-in' && !state.signingOut) {
      sessionEnded(event.message);
    }
  });
  if (!hasStoredSession()) return;
  set({ stage: 'restoring', error: null });
  void restoreSession().then((result) => {
    if (get().stage !== 'restoring') return;
    if (result === null) {
      set({ stage: 'signed-out' });
      return;
    }
    if (result.ok) {
      enterSignedIn(result.value);
      return;
    }
    // The server cannot be reached (or is failing): work offline on this device's data as the remembered user.
    // The refresh token is kept, so the session is renewed as soon as the server answers again.
    const rejected = result.error.status === 401 || result.error.status === 403;
    const offlineUser = rejected ? null : rememberedUser();
    if (offlineUser) {
      enterSignedIn(offlineUser);
      return;
    }
    if (rejected) forgetUser();
    set({ ...initialSessionState, error: result.error.status === 0 ? NETWORK_PROBLEM : signInFailureMessage(result.error, 'restore') });
  });
}

/** For tests: stop listening to session events. */
export function stopSession(): void {
  unsubscribe?.();
  unsubscribe = null;
}

export async function submitPassword(email: string, password: string): Promise<boolean> {
  const request = LoginRequestSchema.safeParse({ email: email.trim(), password });
  if (!request.success) {
    set({ error: 'Enter a valid email address and your password.' });
    return false;
  }
  set({ busy: true, error: null, email: request.data.email });
  return applyStep(await signIn(request.data), 'password');
}

async function submitCode(code: string, confirm: typeof verifyTotp): Promise<boolean> {
  const challengeToken = get().challengeToken;
  const parsed = TotpCodeSchema.safeParse(code.replace(/\s+/g, ''));
  if (!parsed.success) {
    set({ error: 'Enter the 6-digit code from your authenticator app.' });
    return false;
  }
  if (!challengeToken) {
    set({ ...initialSessionState, email: get().email, error: 'This sign-in step has expired. Sign in again.' });
    return false;
  }
  set({ busy: true, error: null });
  return applyStep(await confirm({ challengeToken, code: parsed.data }), 'code');
}

export const submitTotpCode = (code: string): Promise<boolean> => submitCode(code, verifyTotp);
export const submitEnrollmentCode = (code: string): Promise<boolean> => submitCode(code, confirmTotpEnrollment);

/** Leaves the second-factor step and returns to the password step with the email kept. */
export function backToPassword(): void {
  set({ ...initialSessionState, email: get().email });
}

export async function signOutOfSession(): Promise<void> {
  const { stage, signingOut } = get();
  if (stage !== 'signed-in' || signingOut) return;
  set({ signingOut: true });
  // Stop syncing and destroy this device's copy (database and key) before the session is revoked.
  await endDataSession(true);
  await signOut();
  forgetUser();
  // The email is not kept: on a shared workstation it would show who signed in last.
  set({ ...initialSessionState });
}

/**
 * Ends the session from the lock screen or after the idle limit without wiping this device's copy: a
 * lock-screen or idle sign-out must not destroy unsent drafts (the data layer is already closed).
 */
export async function signOutKeepingLocalData(message: string): Promise<void> {
  const { stage, signingOut } = get();
  if (stage !== 'signed-in' || signingOut) return;
  set({ signingOut: true });
  await endDataSession(false);
  await signOut();
  forgetUser();
  set({ ...initialSessionState, error: message });
}
