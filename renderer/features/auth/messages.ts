// Turns an API failure during sign-in into the plain sentence the alert region shows.
import { LOCKOUT_MINUTES } from '../../../shared/api/auth';
import type { ApiFailure } from '../../platform';

export type SignInContext = 'password' | 'code' | 'restore';

export const WRONG_CREDENTIALS = 'Email or password is incorrect.';
export const NETWORK_PROBLEM = 'Can’t reach the Housecall server. Check your connection and try again.';
export const WRONG_CODE = 'That code is not correct. Check your authenticator app and try again.';

function formatTime(at: Date, now = new Date()): string {
  const sameDay = at.toDateString() === now.toDateString();
  return new Intl.DateTimeFormat(undefined, sameDay ? { timeStyle: 'short' } : { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}

/** When the lockout ends: from Retry-After, else from the ISO time in the server's message. */
function lockoutEnd(failure: ApiFailure): Date | null {
  if (failure.retryAfterSeconds !== undefined) return new Date(Date.now() + failure.retryAfterSeconds * 1000);
  const match = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})/.exec(failure.message);
  if (!match) return null;
  const at = new Date(match[0]);
  return Number.isNaN(at.getTime()) ? null : at;
}

export function lockoutMessage(failure: ApiFailure): string {
  const until = lockoutEnd(failure);
  return until
    ? `Too many failed attempts. This account is locked until ${formatTime(until)}.`
    : `Too many failed attempts. This account is locked for up to ${LOCKOUT_MINUTES} minutes.`;
}

export function signInFailureMessage(failure: ApiFailure, context: SignInContext): string {
  switch (failure.code) {
    case 'network_error':
    case 'timeout':
    case 'unavailable':
      return NETWORK_PROBLEM;
    case 'locked_out':
      return lockoutMessage(failure);
    case 'rate_limited':
      return 'Too many attempts. Wait a moment and try again.';
    case 'unauthenticated':
    case 'token_expired':
      if (context === 'password') return WRONG_CREDENTIALS;
      if (context === 'restore') return 'Your session has ended. Sign in again.';
      // The server explains what was wrong with the step (wrong code, expired step) in a plain sentence.
      return failure.message.trim() || WRONG_CODE;
    case 'validation_failed':
    case 'bad_request':
      return context === 'code' ? 'Enter the 6-digit code from your authenticator app.' : 'Enter a valid email address and your password.';
    case 'aborted':
      return 'Sign-in was cancelled.';
    default:
      return 'Sign-in failed because of a problem on the server. Try again in a moment.';
  }
}
