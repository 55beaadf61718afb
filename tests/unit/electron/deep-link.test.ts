// housecall:// deep links: only housecall://visit/<uuid> passes; anything else is refused; links wait for the page.
import { describe, expect, it, vi } from 'vitest';
import { createDeepLinkRouter, deepLinkFromArgv, parseDeepLink } from '../../../electron/core/deep-link';

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

describe('parseDeepLink', () => {
  it.each([
    [`housecall://visit/${ID}`, ID],
    [`housecall://visit/${ID}/`, ID],
    [`HOUSECALL://visit/${ID.toUpperCase()}`, ID],
  ])('accepts %s', (raw, visitId) => {
    expect(parseDeepLink(raw)).toEqual({ kind: 'visit', visitId });
  });

  it.each([
    ['another host', `housecall://patient/${ID}`],
    ['another scheme', `https://visit/${ID}`],
    ['extra path', `housecall://visit/${ID}/notes`],
    ['query', `housecall://visit/${ID}?name=Jane`],
    ['fragment', `housecall://visit/${ID}#x`],
    ['credentials', `housecall://user@visit/${ID}`],
    ['port', `housecall://visit:443/${ID}`],
    ['percent-encoding', `housecall://visit/${ID.replace('-', '%2D')}`],
    ['traversal', `housecall://visit/../${ID}`],
    ['not a uuid', 'housecall://visit/123'],
    ['uuid with a bad variant', 'housecall://visit/3f2b8c1e-9a4d-4e6f-cb2a-1c3d5e7f9a0b'],
    ['spaces and a flag', `housecall://visit/${ID} --inspect`],
    ['newline', `housecall://visit/${ID}\n`],
    ['two slashes', `housecall://visit//${ID}`],
    ['too long', `housecall://visit/${ID}/${'x'.repeat(100)}`],
    ['no slashes', `housecall:visit/${ID}`],
    ['empty', ''],
  ])('refuses %s', (_label, raw) => {
    expect(parseDeepLink(raw)).toBeNull();
  });

  it('refuses non-strings', () => {
    expect(parseDeepLink(undefined)).toBeNull();
    expect(parseDeepLink({ href: `housecall://visit/${ID}` })).toBeNull();
  });
});

describe('deepLinkFromArgv', () => {
  it('finds the link a second instance was started with, ignoring switches', () => {
    expect(deepLinkFromArgv(['C:\\Program Files\\Housecall\\Housecall.exe', '--allow-file-access-from-files', `housecall://visit/${ID}`])).toEqual({ kind: 'visit', visitId: ID });
  });

  it('uses the last housecall: argument, and refuses it when malformed', () => {
    expect(deepLinkFromArgv(['app', `housecall://visit/${ID}`, 'housecall://visit/nope'])).toBeNull();
    expect(deepLinkFromArgv(['app', '.'])).toBeNull();
  });
});

describe('createDeepLinkRouter', () => {
  it('holds a link until the page asks, then sends later links as events', async () => {
    const deliver = vi.fn(() => true);
    const router = createDeepLinkRouter(deliver);
    router.receive({ kind: 'visit', visitId: ID });
    expect(deliver).not.toHaveBeenCalled();
    expect(await router.handlers()['deep-link:take-pending']({})).toEqual({ ok: true, value: { visitId: ID } });
    expect(await router.handlers()['deep-link:take-pending']({})).toEqual({ ok: true, value: { visitId: null } });
    router.receive({ kind: 'visit', visitId: ID });
    expect(deliver).toHaveBeenCalledOnce();
  });

  it('holds links again while the page reloads, and when sending fails', async () => {
    const deliver = vi.fn(() => false);
    const router = createDeepLinkRouter(deliver);
    await router.handlers()['deep-link:take-pending']({});
    router.receive({ kind: 'visit', visitId: ID });
    expect(await router.handlers()['deep-link:take-pending']({})).toEqual({ ok: true, value: { visitId: ID } });
    router.pageLoading();
    deliver.mockReturnValue(true);
    router.receive({ kind: 'visit', visitId: ID });
    expect(deliver).toHaveBeenCalledOnce();
  });
});
