// Holds the session tokens: the access token in memory only; the refresh token in sessionStorage so a reload
// in the same tab stays signed in. The Electron build will move the refresh token to the OS key store (safeStorage).
import type { Tokens } from '../../shared/api/auth';

const REFRESH_KEY = 'housecall.refreshToken';
/** Refresh this long before the access token's stated expiry, to allow for clock and network delay. */
const EXPIRY_MARGIN_MS = 20_000;

let accessToken: string | null = null;
let accessExpiresAt = 0;

function readRefresh(): string | null {
  try {
    return sessionStorage.getItem(REFRESH_KEY);
  } catch {
    return null;
  }
}

function writeRefresh(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(REFRESH_KEY, token);
    else sessionStorage.removeItem(REFRESH_KEY);
  } catch {
    // storage blocked: the session lasts as long as the page
  }
}

let refreshToken: string | null = readRefresh();

export const tokenStore = {
  accept(tokens: Pick<Tokens, 'accessToken' | 'expiresIn' | 'refreshToken'>): void {
    accessToken = tokens.accessToken;
    accessExpiresAt = Date.now() + tokens.expiresIn * 1000;
    refreshToken = tokens.refreshToken;
    writeRefresh(tokens.refreshToken);
  },
  clear(): void {
    accessToken = null;
    accessExpiresAt = 0;
    refreshToken = null;
    writeRefresh(null);
  },
  /** The access token if it is not (about to be) expired. */
  freshAccessToken(): string | null {
    return accessToken && Date.now() < accessExpiresAt - EXPIRY_MARGIN_MS ? accessToken : null;
  },
  /** The access token even if it may have expired (the server decides). */
  anyAccessToken(): string | null {
    return accessToken;
  },
  refreshToken(): string | null {
    return refreshToken;
  },
  hasSession(): boolean {
    return accessToken !== null || refreshToken !== null;
  },
};
