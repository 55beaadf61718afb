// The pure policy readers: reg.exe output, plist JSON, file trust (root-owned, not group/world-writable), JSON folders.
import { describe, expect, it } from 'vitest';
import {
  interpretRegQuery,
  isTrustedPolicyDirectory,
  isTrustedPolicyFile,
  macManagedPreferenceFiles,
  mergePolicyFiles,
  parsePolicyObject,
  parseRegQueryOutput,
  policyFileNames,
  regExePath,
  regQueryArguments,
  registryPolicies,
  type FileFacts,
} from '../../../electron/core/policy-sources';

const REG_OUTPUT = [
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall',
  '    AutoLockMinutes    REG_DWORD    0xa',
  '    AllowCamera    REG_DWORD    0x0',
  '    ServerUrl    REG_SZ    https://care.example.org/clinic a',
  '    ProxyServer    REG_SZ    ',
  '    Blob    REG_BINARY    0102',
  '    (Default)    REG_SZ    (value not set)',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall\\Recommended',
  '    LogLevel    REG_SZ    warn',
  '    Big    REG_QWORD    0x10',
  '',
  'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall\\Other',
  '    LogLevel    REG_SZ    debug',
  '',
].join('\r\n');

describe('reg.exe output', () => {
  it('parses keys and typed values (DWORD/QWORD hex as numbers, SZ as text, others marked unsupported)', () => {
    const keys = parseRegQueryOutput(REG_OUTPUT);
    expect(keys.map((key) => key.keyPath)).toEqual([
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall\\Recommended',
      'HKEY_LOCAL_MACHINE\\Software\\Policies\\Housecall\\Other',
    ]);
    expect(keys[0]!.values).toEqual({
      AutoLockMinutes: 10,
      AllowCamera: 0,
      ServerUrl: 'https://care.example.org/clinic a',
      ProxyServer: '',
      Blob: { unsupportedRegistryType: 'REG_BINARY' },
    });
    expect(keys[1]!.values).toEqual({ LogLevel: 'warn', Big: 16 });
  });

  it('splits mandatory and recommended values, ignoring other subkeys, case-insensitively', () => {
    const policies = registryPolicies(parseRegQueryOutput(REG_OUTPUT.replace('Software\\Policies\\Housecall\r\n', 'SOFTWARE\\POLICIES\\HOUSECALL\r\n')));
    expect(policies.mandatory).toMatchObject({ AutoLockMinutes: 10, AllowCamera: 0 });
    expect(policies.recommended).toEqual({ LogLevel: 'warn', Big: 16 });
  });

  it('treats exit code 1 as "no policy key", other failures as unreadable', () => {
    expect(interpretRegQuery(1, '')).toEqual({ kind: 'absent' });
    expect(interpretRegQuery(null, '')).toEqual({ kind: 'failed' });
    expect(interpretRegQuery(5, '')).toEqual({ kind: 'failed' });
    expect(interpretRegQuery(0, REG_OUTPUT)).toMatchObject({ kind: 'values', policies: { recommended: { LogLevel: 'warn' } } });
  });

  it('runs reg.exe from System32 by full path, never from PATH or the working directory', () => {
    expect(regExePath({ SystemRoot: 'D:\\Windows' })).toBe('D:\\Windows\\System32\\reg.exe');
    expect(regExePath({})).toBe('C:\\Windows\\System32\\reg.exe');
    expect(regExePath({ SystemRoot: '..\\evil' })).toBe('C:\\Windows\\System32\\reg.exe');
    expect(regQueryArguments('HKCU')).toEqual(['query', 'HKCU\\Software\\Policies\\Housecall', '/s']);
  });
});

const facts = (overrides: Partial<FileFacts>): FileFacts => ({ uid: 0, mode: 0o100644, isFile: true, isDirectory: false, isSymbolicLink: false, ...overrides });

describe('file trust', () => {
  it.each<[string, Partial<FileFacts>, boolean]>([
    ['root-owned 0644 file', {}, true],
    ['root-owned 0600 file', { mode: 0o100600 }, true],
    ['owned by a user', { uid: 1000 }, false],
    ['group-writable', { mode: 0o100664 }, false],
    ['world-writable', { mode: 0o100646 }, false],
    ['a symbolic link', { isSymbolicLink: true }, false],
    ['a directory', { isFile: false, isDirectory: true }, false],
  ])('%s -> %s', (_label, overrides, trusted) => {
    expect(isTrustedPolicyFile(facts(overrides))).toBe(trusted);
  });

  it.each<[string, Partial<FileFacts>, boolean]>([
    ['root-owned 0755 folder', { isFile: false, isDirectory: true, mode: 0o40755 }, true],
    ['world-writable folder', { isFile: false, isDirectory: true, mode: 0o40777 }, false],
    ['sticky /tmp-like folder', { isFile: false, isDirectory: true, mode: 0o41777 }, false],
    ['user-owned folder', { isFile: false, isDirectory: true, mode: 0o40755, uid: 501 }, false],
  ])('%s -> %s', (_label, overrides, trusted) => {
    expect(isTrustedPolicyDirectory(facts(overrides))).toBe(trusted);
  });
});

describe('JSON policy files', () => {
  it('accepts only JSON objects', () => {
    expect(parsePolicyObject('{"AutoLockMinutes": 5}')).toEqual({ AutoLockMinutes: 5 });
    expect(parsePolicyObject('[1]')).toBeNull();
    expect(parsePolicyObject('null')).toBeNull();
    expect(parsePolicyObject('{oops')).toBeNull();
  });

  it('reads *.json in name order, skipping hidden and other files; later files win', () => {
    expect(policyFileNames(['b.json', '.hidden.json', 'a.json', 'notes.txt', 'c.json.bak'])).toEqual(['a.json', 'b.json']);
    expect(mergePolicyFiles([{ AutoLockMinutes: 5, LogLevel: 'warn' }, { AutoLockMinutes: 10 }])).toEqual({ AutoLockMinutes: 10, LogLevel: 'warn' });
  });

  it('names the macOS managed preference files, without a user file for unsafe user names', () => {
    expect(macManagedPreferenceFiles('nurse')).toEqual({
      machine: '/Library/Managed Preferences/care.housecall.workstation.plist',
      user: '/Library/Managed Preferences/nurse/care.housecall.workstation.plist',
    });
    expect(macManagedPreferenceFiles('../etc').user).toBeNull();
    expect(macManagedPreferenceFiles('').user).toBeNull();
  });
});
