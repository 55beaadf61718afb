// Where a Housecall window may go: in-window navigation allow-list, window.open decisions, external help links.
import { originOf } from './origin';

export interface NavigationPolicy {
  /** 'app://housecall' */
  appOrigin: string;
  /** The care server origin; reachable in-window only in development. */
  serverOrigin: string;
  isDevelopment: boolean;
  /** http(s) origins whose links open in the OS browser (help centre, status page). Empty by default. */
  externalHelpOrigins: readonly string[];
}

/** May the window itself (not a new one) navigate to `targetUrl`? */
export function isInWindowNavigationAllowed(targetUrl: string, policy: NavigationPolicy): boolean {
  const origin = originOf(targetUrl);
  if (origin === null) return false;
  if (origin === policy.appOrigin) return true;
  return policy.isDevelopment && origin === policy.serverOrigin;
}

/** Electron's window-open answer is always deny; an allow-listed help link is handed to the OS browser instead. */
export interface WindowOpenDecision {
  action: 'deny';
  /** The URL to give to the OS browser, or null to do nothing. */
  openInBrowser: string | null;
}

export function decideWindowOpen(targetUrl: string, policy: Pick<NavigationPolicy, 'externalHelpOrigins'>): WindowOpenDecision {
  return { action: 'deny', openInBrowser: externalHelpUrl(targetUrl, policy.externalHelpOrigins) };
}

function externalHelpUrl(targetUrl: string, externalHelpOrigins: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(targetUrl);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  const allowed = externalHelpOrigins.map((entry) => originOf(entry)).filter((origin) => origin !== null);
  return allowed.includes(url.origin) ? url.href : null;
}
