// Where a window may navigate and what window.open does: only the app (and the server in development); popups never.
import { describe, expect, it } from 'vitest';
import { decideWindowOpen, isInWindowNavigationAllowed, type NavigationPolicy } from '../../../electron/core/navigation';

const production: NavigationPolicy = {
  appOrigin: 'app://housecall',
  serverOrigin: 'https://care.example.org',
  isDevelopment: false,
  externalHelpOrigins: [],
};
const development: NavigationPolicy = { ...production, isDevelopment: true };

describe('isInWindowNavigationAllowed', () => {
  it.each([
    ['app://housecall/index.html', production, true],
    ['app://housecall/schedule', production, true],
    ['app://HOUSECALL/index.html', production, true],
    ['app://other/index.html', production, false],
    ['https://care.example.org/login', production, false],
    ['https://care.example.org/login', development, true],
    ['https://care.example.org:8443/login', development, false],
    ['http://care.example.org/login', development, false],
    ['https://evil.example.com/', development, false],
    ['file:///etc/passwd', development, false],
    ['javascript:alert(1)', development, false],
    ['data:text/html,<h1>x</h1>', development, false],
    ['not a url', development, false],
  ] as const)('%s (development: %s) -> %s', (url, policy, expected) => {
    expect(isInWindowNavigationAllowed(url, policy)).toBe(expected);
  });
});

describe('decideWindowOpen', () => {
  const withHelp = { externalHelpOrigins: ['https://help.housecall.care', 'http://status.housecall.care/'] };

  it.each([
    ['app://housecall/index.html', withHelp, null],
    ['https://care.example.org/', withHelp, null],
    ['https://evil.example.com/', withHelp, null],
    ['https://help.housecall.care/articles/video', { externalHelpOrigins: [] }, null],
    ['https://help.housecall.care/articles/video?x=1', withHelp, 'https://help.housecall.care/articles/video?x=1'],
    ['http://status.housecall.care/', withHelp, 'http://status.housecall.care/'],
    ['http://help.housecall.care/articles', withHelp, null],
    ['https://user:pw@help.housecall.care/', withHelp, null],
    ['https://help.housecall.care.evil.com/', withHelp, null],
    ['file:///C:/Windows/system32/calc.exe', withHelp, null],
    ['mailto:help@housecall.care', withHelp, null],
  ] as const)('%s -> open in browser: %s', (url, policy, expectedExternal) => {
    const decision = decideWindowOpen(url, policy);
    expect(decision.action).toBe('deny');
    expect(decision.openInBrowser).toBe(expectedExternal);
  });
});
