// The platform boundary: the only renderer module that touches fetch, the Electron bridge and (later) WebSocket.
export type { ApiFailure, ApiFailureCode, Result } from './result';
export { apiRequest, refreshSession } from './api-client';
export type { ApiRequestOptions } from './api-client';
export { signIn, verifyTotp, confirmTotpEnrollment, restoreSession, hasStoredSession, currentUser, signOut } from './auth-api';
export type { SignInStep } from './auth-api';
export { listUsers, listAudit } from './admin-api';
export { watchConnectivity } from './connectivity';
export type { Connectivity, ConnectivityOptions } from './connectivity';
export { onSessionEvent } from './session-events';
export type { SessionEvent } from './session-events';
export { getBridge, isElectron, getAppInfo } from './bridge';
export type { AppInfo, HousecallBridge } from './bridge';
export { getDeviceId } from './device-id';
