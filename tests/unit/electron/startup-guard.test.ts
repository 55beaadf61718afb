// An installed Housecall refuses debugging, sandbox-off, certificate-bypass and proxy switches; development runs do not.
import { describe, expect, it } from 'vitest';
import { forbiddenStartupSwitch } from '../../../electron/core/startup-guard';

const packaged = { isPackaged: true, platform: 'linux' };

describe('forbiddenStartupSwitch', () => {
  it.each([
    [['app', '--remote-debugging-port=9222'], 'remote-debugging-port'],
    [['app', '--inspect'], 'inspect'],
    [['app', '--no-sandbox'], 'no-sandbox'],
    [['app', '--IGNORE-CERTIFICATE-ERRORS'], 'ignore-certificate-errors'],
    [['app', '-proxy-server=evil:1'], 'proxy-server'],
    [['app', '--host-resolver-rules=MAP * evil'], 'host-resolver-rules'],
    [['app', '--enable-logging', '--v=1'], 'enable-logging'],
  ])('%j -> %s', (argv, name) => {
    expect(forbiddenStartupSwitch(argv, packaged)).toBe(name);
  });

  it.each([
    [['app']],
    [['app', '--server-url=https://care.example.org']],
    [['app', '--user-data-dir=/tmp/x']],
    [['app', 'housecall://visit/3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b']],
    [['app', '--', '--inspect']],
    [['app', '/inspect']],
  ])('allows %j', (argv) => {
    expect(forbiddenStartupSwitch(argv, packaged)).toBeNull();
  });

  it('reads Windows /switch syntax on Windows', () => {
    expect(forbiddenStartupSwitch(['app', '/remote-debugging-port=1'], { isPackaged: true, platform: 'win32' })).toBe('remote-debugging-port');
  });

  it('lets development runs (and the Playwright shell tests) use any switch', () => {
    expect(forbiddenStartupSwitch(['electron', '--remote-debugging-port=0'], { isPackaged: false, platform: 'linux' })).toBeNull();
  });
});
