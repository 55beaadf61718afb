// Session state (zustand): where the sign-in flow is, who is signed in, and whether tokens are held.
// Tokens themselves live in the platform token store, never here.
import { create } from 'zustand';
import type { User } from '../../../shared/domain/user';

export type SessionStage = 'restoring' | 'signed-out' | 'totp' | 'enroll' | 'signed-in';

/** 'challenge': a password was accepted and a second-factor challenge is pending; 'active': session tokens held. */
export type TokenStatus = 'none' | 'challenge' | 'active';

export interface Enrollment {
  secret: string;
  otpauthUri: string;
}

export interface SessionState {
  stage: SessionStage;
  user: User | null;
  tokens: TokenStatus;
  /** Short-lived token of a pending second-factor step. */
  challengeToken: string | null;
  enrollment: Enrollment | null;
  /** The email typed on the password step, kept so Back can refill it. */
  email: string;
  busy: boolean;
  signingOut: boolean;
  /** A plain message for the current screen's alert region (never PHI). */
  error: string | null;
}

export const initialSessionState: SessionState = {
  stage: 'signed-out',
  user: null,
  tokens: 'none',
  challengeToken: null,
  enrollment: null,
  email: '',
  busy: false,
  signingOut: false,
  error: null,
};

export const useSessionStore = create<SessionState>()(() => ({ ...initialSessionState }));

export function resetSessionStore(): void {
  useSessionStore.setState({ ...initialSessionState }, true);
}
