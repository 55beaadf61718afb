// The lock screen's words: why it locked, why unlocking failed, why the session ended. Fixed text, never PHI.
import type { LockReason, SignOutReason } from '../../../shared/policy';
import type { UnlockOutcome } from '../../platform/idle';

export const LOCK_REASON_TEXT: Readonly<Record<LockReason, string>> = {
  idle: 'Housecall locked itself after a period of inactivity.',
  'os-lock': 'Housecall locked together with your computer.',
  suspend: 'Housecall locked when your computer went to sleep.',
  manual: 'You locked Housecall.',
  restored: 'Housecall is still locked.',
};

export const SIGN_OUT_TEXT: Readonly<Record<SignOutReason | 'session-ended', string>> = {
  'idle-timeout': 'You were signed out after a long period of inactivity. Sign in again to continue.',
  'unlock-failures': 'You were signed out after too many incorrect passwords.',
  'session-ended': 'Your session has ended. Sign in again.',
};

export const SIGNED_OUT_FROM_LOCK = 'You signed out from the lock screen. Work saved on this computer stays encrypted until you sign in again.';

export function unlockFailureText(outcome: Exclude<UnlockOutcome, { ok: true }>): string {
  switch (outcome.reason) {
    case 'rejected':
      return 'That password is not correct.';
    case 'locked_out': {
      const minutes = outcome.retryAfterSeconds === undefined ? null : Math.max(1, Math.ceil(outcome.retryAfterSeconds / 60));
      return minutes === null
        ? 'Too many incorrect passwords. Your account is locked for now; try again later.'
        : `Too many incorrect passwords. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`;
    }
    case 'offline':
      return 'Unlocking needs a connection to the care server. Your work is saved on this computer; try again when the connection is back.';
    case 'session_ended':
      return SIGN_OUT_TEXT['session-ended'];
    case 'failed':
      return 'Housecall could not check your password. Try again.';
  }
}
