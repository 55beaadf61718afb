// Builds the renderer's Content-Security-Policy from the care server URL: the app's own files plus that server only.
import { fail, ok, type Result } from './result';
import { parseServerUrl, type ServerEndpoint } from './server-url';

/** The policy for an already validated endpoint. No inline scripts or styles, no eval, no plugins, no framing. */
export function contentSecurityPolicyFor(server: ServerEndpoint): string {
  const directives: ReadonlyArray<readonly [string, ...string[]]> = [
    ['default-src', "'self'"],
    ['script-src', "'self'"],
    ['style-src', "'self'"],
    ['connect-src', "'self'", server.origin, server.socketOrigin],
    ['img-src', "'self'", 'data:', 'blob:'],
    ['media-src', "'self'", 'blob:', 'mediastream:'],
    ['object-src', "'none'"],
    ['base-uri', "'none'"],
    ['frame-ancestors', "'none'"],
    ['form-action', "'none'"],
  ];
  return directives.map((directive) => directive.join(' ')).join('; ');
}

/** The policy for a raw server URL, or why the URL cannot be used. */
export function buildContentSecurityPolicy(serverUrl: string): Result<string> {
  const parsed = parseServerUrl(serverUrl);
  if (!parsed.ok) return fail(`Cannot build the Content-Security-Policy: ${parsed.error}.`);
  return ok(contentSecurityPolicyFor(parsed.value));
}
