// The origin of a URL as Chromium sees it, including the app:// scheme (for which Node's URL.origin is 'null').
import { APP_SCHEME } from './app-identity';

const NETWORK_PROTOCOLS = new Set(['http:', 'https:', 'ws:', 'wss:']);

/** `scheme://host[:port]` for http(s), ws(s) and app URLs; null for anything else or an unparsable string. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (NETWORK_PROTOCOLS.has(parsed.protocol)) return parsed.origin;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host !== '') return `${APP_SCHEME}://${parsed.host.toLowerCase()}`;
  return null;
}

/** True when `url` parses and its origin is exactly `origin`. */
export function hasOrigin(url: string, origin: string): boolean {
  return originOf(url) === origin;
}
