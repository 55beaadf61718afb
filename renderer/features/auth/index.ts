// Auth feature: the sign-in screens and the session store other features read the signed-in user from.
export { SignInScreen } from './SignInScreen';
export { useSessionStore, initialSessionState, resetSessionStore } from './session-store';
export type { SessionState, SessionStage, TokenStatus, Enrollment } from './session-store';
export { startSession, stopSession, signOutOfSession, signOutKeepingLocalData, submitPassword, submitTotpCode, submitEnrollmentCode, backToPassword } from './session-actions';
export { signInFailureMessage, lockoutMessage } from './messages';
export { roleLabel } from './role-labels';
