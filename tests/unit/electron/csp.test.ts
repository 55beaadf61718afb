// The renderer's Content-Security-Policy: built from the care server URL; unusable server URLs are rejected with a reason.
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from '../../../electron/core/csp';
import { parseServerUrl } from '../../../electron/core/server-url';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values];
    }),
  );
}

function policyFor(serverUrl: string): Map<string, string[]> {
  const built = buildContentSecurityPolicy(serverUrl);
  if (!built.ok) throw new Error(built.error);
  return directives(built.value);
}

describe('buildContentSecurityPolicy', () => {
  it.each([
    ['https://care.example.org', 'https://care.example.org', 'wss://care.example.org'],
    ['https://care.example.org/', 'https://care.example.org', 'wss://care.example.org'],
    ['https://care.example.org:8443/care', 'https://care.example.org:8443', 'wss://care.example.org:8443'],
    ['https://CARE.Example.org', 'https://care.example.org', 'wss://care.example.org'],
    ['http://localhost:8787', 'http://localhost:8787', 'ws://localhost:8787'],
    ['http://127.0.0.1:8787/', 'http://127.0.0.1:8787', 'ws://127.0.0.1:8787'],
    ['http://[::1]:8787', 'http://[::1]:8787', 'ws://[::1]:8787'],
  ])('%s: connect-src allows the app, %s and %s only', (serverUrl, httpOrigin, socketOrigin) => {
    expect(policyFor(serverUrl).get('connect-src')).toEqual(["'self'", httpOrigin, socketOrigin]);
  });

  it('locks down scripts, styles, plugins, base, framing and forms', () => {
    const policy = policyFor('https://care.example.org');
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('media-src')).toEqual(["'self'", 'blob:', 'mediastream:']);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
  });

  it('never allows inline or eval script', () => {
    const built = buildContentSecurityPolicy('https://care.example.org');
    expect(built.ok && built.value).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it.each([
    ['', /empty/],
    ['care.example.org', /not a valid URL/],
    ['ftp://care.example.org', /https/],
    ['file:///srv/care', /https/],
    ['javascript:alert(1)', /https/],
    ['ws://localhost:8787', /https/],
    ['https://nurse:secret@care.example.org', /user name or password/],
    ['https://care.example.org/?tenant=1', /query or fragment/],
    ['https://care.example.org/#x', /query or fragment/],
    ['https://care.example.org/a/../b', /path/],
    ['https://care.example.org/%2e%2e/admin', /path/],
    ['https://care.example.org/a%20b', /path/],
    ['https://care.example.org/a;b', /path/],
    ['https://care.example.org\\evil', /backslash/],
    ['https://care.example.org; script-src *', /spaces/],
    ['http://care.example.org', /https unless the server runs on this machine/],
    ['http://192.168.1.20:8787', /https unless/],
  ])('rejects %j with a reason', (serverUrl, reason) => {
    const built = buildContentSecurityPolicy(serverUrl);
    expect(built.ok).toBe(false);
    if (!built.ok) expect(built.error).toMatch(reason);
  });
});

describe('parseServerUrl', () => {
  it('keeps a path prefix in the base URL without a trailing slash', () => {
    expect(parseServerUrl('https://host.example/care/v1/')).toEqual({
      ok: true,
      value: { baseUrl: 'https://host.example/care/v1', origin: 'https://host.example', socketOrigin: 'wss://host.example' },
    });
  });

  it('drops the default port', () => {
    const parsed = parseServerUrl('https://care.example.org:443');
    expect(parsed.ok && parsed.value.baseUrl).toBe('https://care.example.org');
  });
});
