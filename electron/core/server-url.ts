// Validates the care server URL and derives the origins the shell needs from it (HTTP origin, WebSocket origin, base URL).
import { fail, ok, type Result } from './result';

export interface ServerEndpoint {
  /** Origin plus optional path prefix, no trailing slash: 'https://care.example.org' or 'https://host/care'. */
  baseUrl: string;
  /** 'https://care.example.org' */
  origin: string;
  /** The matching WebSocket origin: 'wss://care.example.org' (or ws:// for a local http server). */
  socketOrigin: string;
}

const PATH_SEGMENT = /^[A-Za-z0-9_~-][A-Za-z0-9._~-]*$/;

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname.endsWith('.localhost') || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

/** Accepts `http(s)://host[:port][/prefix]` only; plain http only for this machine, since PHI travels over it. */
export function parseServerUrl(raw: string): Result<ServerEndpoint> {
  const text = raw.trim();
  if (text === '') return fail('the server URL is empty');
  if (/[\s\\]/.test(text)) return fail('the server URL contains spaces or backslashes');
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail('the server URL is not a valid URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return fail(`the server URL must use https (got ${url.protocol.slice(0, -1)})`);
  if (url.username !== '' || url.password !== '') return fail('the server URL must not contain a user name or password');
  if (url.hostname === '') return fail('the server URL has no host');
  if (url.search !== '' || url.hash !== '' || text.includes('?') || text.includes('#')) {
    return fail('the server URL must not have a query or fragment');
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    return fail('the server URL must use https unless the server runs on this machine (localhost)');
  }
  // Check the path as typed: the URL parser would silently resolve '..' and '%2e%2e' segments.
  const typedPath = text.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  const segments = typedPath.split('/').filter((segment) => segment !== '');
  if (!segments.every((segment) => PATH_SEGMENT.test(segment) && segment !== '.' && segment !== '..')) {
    return fail('the server URL path may only be a plain prefix such as /care (letters, digits, - _ . ~)');
  }
  const prefix = segments.length === 0 ? '' : `/${segments.join('/')}`;
  const socketScheme = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return ok({ baseUrl: `${url.origin}${prefix}`, origin: url.origin, socketOrigin: `${socketScheme}//${url.host}` });
}
