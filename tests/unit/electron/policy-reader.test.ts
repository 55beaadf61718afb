// The policy reader adapter per OS with fake I/O: which commands run (reg.exe only on Windows, plutil only on macOS),
// which files count (root-owned only), and that failures become issues rather than errors.
import { describe, expect, it, vi } from 'vitest';
import { readPolicySources, type PolicyIo } from '../../../electron/adapters/policy-sources';
import type { FileFacts } from '../../../electron/core/policy-sources';

const rootFile: FileFacts = { uid: 0, mode: 0o100644, isFile: true, isDirectory: false, isSymbolicLink: false };
const rootDir: FileFacts = { uid: 0, mode: 0o40755, isFile: false, isDirectory: true, isSymbolicLink: false };

function fakeIo(options: { files?: Record<string, { facts: FileFacts; text?: string }>; dirs?: Record<string, { facts: FileFacts; names: string[] }>; run?: PolicyIo['run'] }): PolicyIo {
  return {
    run: options.run ?? vi.fn(async () => ({ exitCode: 1, stdout: '' })),
    stat: async (file) => options.files?.[file]?.facts ?? options.dirs?.[file]?.facts ?? null,
    list: async (directory) => options.dirs?.[directory]?.names ?? [],
    read: async (file) => options.files?.[file]?.text ?? '',
  };
}

describe('readPolicySources on Linux', () => {
  it('reads managed and recommended folders, later files winning, and runs no commands', async () => {
    const run = vi.fn(async () => ({ exitCode: 0, stdout: '' }));
    const io = fakeIo({
      run,
      dirs: {
        '/etc/housecall/policies/managed': { facts: rootDir, names: ['10-base.json', '20-site.json'] },
        '/etc/housecall/policies/recommended': { facts: rootDir, names: ['r.json'] },
      },
      files: {
        '/etc/housecall/policies/managed/10-base.json': { facts: rootFile, text: '{"AutoLockMinutes": 10, "LogLevel": "warn"}' },
        '/etc/housecall/policies/managed/20-site.json': { facts: rootFile, text: '{"AutoLockMinutes": 5}' },
        '/etc/housecall/policies/recommended/r.json': { facts: rootFile, text: '{"ProxyMode": "direct"}' },
      },
    });
    const result = await readPolicySources({ platform: 'linux', io });
    expect(result).toEqual({
      sources: { 'mandatory-machine': { AutoLockMinutes: 5, LogLevel: 'warn' }, 'recommended-machine': { ProxyMode: 'direct' } },
      issues: [],
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('skips a file a user could have written, and a folder others can write, reporting both', async () => {
    const io = fakeIo({
      dirs: {
        '/etc/housecall/policies/managed': { facts: rootDir, names: ['evil.json', 'good.json'] },
        '/etc/housecall/policies/recommended': { facts: { ...rootDir, mode: 0o40777 }, names: ['r.json'] },
      },
      files: {
        '/etc/housecall/policies/managed/evil.json': { facts: { ...rootFile, uid: 1000 }, text: '{"AllowCamera": true}' },
        '/etc/housecall/policies/managed/good.json': { facts: rootFile, text: '{"AllowCamera": false}' },
      },
    });
    const result = await readPolicySources({ platform: 'linux', io });
    expect(result.sources).toEqual({ 'mandatory-machine': { AllowCamera: false } });
    expect(result.issues).toEqual([
      { key: '(source)', source: 'mandatory-machine', problem: 'untrusted_file' },
      { key: '(source)', source: 'recommended-machine', problem: 'untrusted_file' },
    ]);
  });

  it('reports a file that is not a JSON object as unreadable', async () => {
    const io = fakeIo({
      dirs: { '/etc/housecall/policies/managed': { facts: rootDir, names: ['bad.json'] } },
      files: { '/etc/housecall/policies/managed/bad.json': { facts: rootFile, text: 'AutoLockMinutes=5' } },
    });
    expect((await readPolicySources({ platform: 'linux', io })).issues).toEqual([{ key: '(source)', source: 'mandatory-machine', problem: 'unreadable' }]);
  });

  it('is empty when no policy folders exist', async () => {
    expect(await readPolicySources({ platform: 'linux', io: fakeIo({}) })).toEqual({ sources: {}, issues: [] });
  });
});

describe('readPolicySources on Windows', () => {
  it('queries HKLM and HKCU with reg.exe from System32 and splits mandatory/recommended', async () => {
    const run = vi.fn(async (_file: string, args: readonly string[]) =>
      args[1]!.startsWith('HKLM')
        ? { exitCode: 0, stdout: 'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall\r\n    AutoLockMinutes    REG_DWORD    0x5\r\n' }
        : { exitCode: 1, stdout: '' },
    );
    const result = await readPolicySources({ platform: 'win32', env: { SystemRoot: 'C:\\Windows' }, io: fakeIo({ run }) });
    expect(run.mock.calls.map((call) => [call[0], call[1][1]])).toEqual([
      ['C:\\Windows\\System32\\reg.exe', 'HKLM\\Software\\Policies\\Housecall'],
      ['C:\\Windows\\System32\\reg.exe', 'HKCU\\Software\\Policies\\Housecall'],
    ]);
    expect(result).toEqual({ sources: { 'mandatory-machine': { AutoLockMinutes: 5 }, 'recommended-machine': {} }, issues: [] });
  });

  it('reports a reg.exe that cannot run', async () => {
    const run = vi.fn(async () => ({ exitCode: null, stdout: '' }));
    const result = await readPolicySources({ platform: 'win32', env: {}, io: fakeIo({ run }) });
    expect(result.issues.map((issue) => issue.source)).toEqual(['mandatory-machine', 'mandatory-user']);
  });
});

describe('readPolicySources on macOS', () => {
  it('converts root-owned managed preferences with plutil, machine and user', async () => {
    const run = vi.fn(async (file: string, args: readonly string[]) => ({
      exitCode: 0,
      stdout: args.at(-1)!.includes('/nurse/') ? '{"AllowMicrophone": false}' : '{"AutoLockMinutes": 5}',
    }));
    const io = fakeIo({
      run,
      files: {
        '/Library/Managed Preferences/care.housecall.workstation.plist': { facts: rootFile },
        '/Library/Managed Preferences/nurse/care.housecall.workstation.plist': { facts: rootFile },
      },
    });
    const result = await readPolicySources({ platform: 'darwin', userName: 'nurse', io });
    expect(run.mock.calls.every((call) => call[0] === '/usr/bin/plutil' && call[1].slice(0, 4).join(' ') === '-convert json -o -')).toBe(true);
    expect(result.sources).toEqual({ 'mandatory-machine': { AutoLockMinutes: 5 }, 'mandatory-user': { AllowMicrophone: false } });
  });

  it('does not run plutil on a file a user owns', async () => {
    const run = vi.fn(async () => ({ exitCode: 0, stdout: '{}' }));
    const io = fakeIo({ run, files: { '/Library/Managed Preferences/care.housecall.workstation.plist': { facts: { ...rootFile, uid: 501 } } } });
    const result = await readPolicySources({ platform: 'darwin', userName: 'nurse', io });
    expect(run).not.toHaveBeenCalled();
    expect(result.issues).toEqual([{ key: '(source)', source: 'mandatory-machine', problem: 'untrusted_file' }]);
  });
});

describe('readPolicySources elsewhere', () => {
  it('reads nothing on other platforms', async () => {
    const run = vi.fn();
    expect(await readPolicySources({ platform: 'freebsd', io: fakeIo({ run }) })).toEqual({ sources: {}, issues: [] });
    expect(run).not.toHaveBeenCalled();
  });
});
