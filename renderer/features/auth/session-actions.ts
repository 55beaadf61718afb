// What the sign-in screens and the app frame do with the session: sign in (password, code, enrolment),
// restore after a reload, go back a step, sign out, and react to the session ending elsewhere.
import { LoginRequestSchema, TotpCodeSchema } from '../../../shared/api/auth';
import type { Result, SignInStep } from '../../platform';
import { confirmTotpEnrollment, hasStoredSession, onSessionEvent, restoreSession, signIn, signOut, verifyTotp } from '../../platform';
import type { SignInContext } from './messages';
import { NETWORK_PROBLEM, signInFailureMessage } from './messages';
import { initialSessionState, useSessionStore } from './session-store';

const set = useSessionStore.setState;
const get = useSessionStore.getState;
let unsubscribe: (() => void) | null = null;

function applyStep(result: Result<SignInStep>, context: SignInContext): boolean {
  if (!result.ok) {
    set({ busy: false, error: signInFailureMessage(result.error, context) });
    return false;
  }
  const step = result.value;
  if (step.status === 'signed_in') {
    set({ ...initialSessionState, stage: 'signed-in', user: step.user, tokens: 'active', email: get().email });
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
      if (state.stage === 'signed-in') set({ user: event.user });
    } else if (state.stage === 'signed-in' && !state.signingOut) {
      set({ ...initialSessionState, error: event.message });
    }
  });
  if (!hasStoredSession()) return;
  set({ stage: 'restoring', error: null });
  void restoreSession().then((result) => {
    if (get().stage !== 'restoring') return;
    if (result === null) set({ stage: 'signed-out' });
    else if (result.ok) set({ ...initialSessionState, stage: 'signed-in', user: result.value, tokens: 'active' });
    else set({ ...initialSessionState, error: result.error.status === 0 ? NETWORK_PROBLEM : signInFailureMessage(result.error, 'restore') });
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
  await signOut();
  // The email is not kept: on a shared workstation it would show who signed in last.
  set({ ...initialSessionState });
}
