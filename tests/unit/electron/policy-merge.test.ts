// Policy precedence: mandatory machine > mandatory user > recommended > user settings > defaults; security keys take the
// strictest mandatory value; invalid and unknown values are reported and fall through; every value carries its source.
import { describe, expect, it } from 'vitest';
import { mergePolicy, policyKeyFor, safeIssueKey, type PolicySourceSet } from '../../../electron/core/policy-merge';
import { POLICY_KEYS, defaultPolicyValues } from '../../../shared/policy';

const merged = (sources: PolicySourceSet) => mergePolicy(sources);

describe('mergePolicy: precedence', () => {
  it('gives every key its secure default with source default when nothing is configured', () => {
    const { policy, issues } = merged({});
    const defaults = defaultPolicyValues();
    for (const key of POLICY_KEYS) expect(policy[key]).toEqual({ value: defaults[key], source: 'default' });
    expect(issues).toEqual([]);
  });

  it.each<[string, PolicySourceSet, unknown, string]>([
    ['user settings beat defaults', { 'user-settings': { LogLevel: 'warn' } }, 'warn', 'user-settings'],
    ['recommended (user) beats user settings', { 'user-settings': { LogLevel: 'warn' }, 'recommended-user': { LogLevel: 'error' } }, 'error', 'recommended-user'],
    ['recommended (machine) beats recommended (user)', { 'recommended-user': { LogLevel: 'error' }, 'recommended-machine': { LogLevel: 'debug' } }, 'debug', 'recommended-machine'],
    ['mandatory (user) beats recommended', { 'recommended-machine': { LogLevel: 'debug' }, 'mandatory-user': { LogLevel: 'warn' } }, 'warn', 'mandatory-user'],
    ['mandatory (machine) beats mandatory (user) for ordinary keys', { 'mandatory-user': { LogLevel: 'warn' }, 'mandatory-machine': { LogLevel: 'debug' } }, 'debug', 'mandatory-machine'],
    ['mandatory machine wins for UpdateMode even when the user source is "stricter"', { 'mandatory-user': { UpdateMode: 'disabled' }, 'mandatory-machine': { UpdateMode: 'auto' } }, 'auto', 'mandatory-machine'],
  ])('%s', (_label, sources, value, source) => {
    const key = Object.keys(Object.values(sources)[0]!)[0] as 'LogLevel';
    expect(merged(sources).policy[key]).toEqual({ value, source });
  });
});

describe('mergePolicy: security keys take the strictest mandatory value', () => {
  it.each<[string, PolicySourceSet, string, unknown, string]>([
    ['smaller AutoLockMinutes from the user source', { 'mandatory-machine': { AutoLockMinutes: 30 }, 'mandatory-user': { AutoLockMinutes: 5 } }, 'AutoLockMinutes', 5, 'mandatory-user'],
    ['smaller AutoLockMinutes from the machine source', { 'mandatory-machine': { AutoLockMinutes: 5 }, 'mandatory-user': { AutoLockMinutes: 30 } }, 'AutoLockMinutes', 5, 'mandatory-machine'],
    ['a tie keeps the machine source', { 'mandatory-machine': { AutoLockMinutes: 10 }, 'mandatory-user': { AutoLockMinutes: 10 } }, 'AutoLockMinutes', 10, 'mandatory-machine'],
    ['camera off from the user source', { 'mandatory-machine': { AllowCamera: true }, 'mandatory-user': { AllowCamera: false } }, 'AllowCamera', false, 'mandatory-user'],
    ['microphone off (as DWORD 0)', { 'mandatory-machine': { AllowMicrophone: 1 }, 'mandatory-user': { AllowMicrophone: 0 } }, 'AllowMicrophone', false, 'mandatory-user'],
    ['screen capture protection on', { 'mandatory-machine': { ScreenCaptureProtection: false }, 'mandatory-user': { ScreenCaptureProtection: true } }, 'ScreenCaptureProtection', true, 'mandatory-user'],
    ['offline cache off', { 'mandatory-machine': { OfflineCacheEnabled: true }, 'mandatory-user': { OfflineCacheEnabled: false } }, 'OfflineCacheEnabled', false, 'mandatory-user'],
    ['shorter cache age', { 'mandatory-machine': { OfflineCacheMaxAgeHours: 24 }, 'mandatory-user': { OfflineCacheMaxAgeHours: 72 } }, 'OfflineCacheMaxAgeHours', 24, 'mandatory-machine'],
    ['shorter sign-out', { 'mandatory-machine': { SignOutAfterMinutes: 600 }, 'mandatory-user': { SignOutAfterMinutes: 60 } }, 'SignOutAfterMinutes', 60, 'mandatory-user'],
  ])('%s', (_label, sources, key, value, source) => {
    expect(merged(sources).policy[key as 'AutoLockMinutes']).toEqual({ value, source });
  });

  it('does not let a recommended or user value loosen a mandatory one', () => {
    const { policy } = merged({ 'mandatory-user': { AllowCamera: false }, 'recommended-machine': { AllowCamera: true }, 'user-settings': { AllowCamera: true } });
    expect(policy.AllowCamera).toEqual({ value: false, source: 'mandatory-user' });
  });

  it('takes a single mandatory source as it is, even if looser than the default', () => {
    expect(merged({ 'mandatory-user': { AutoLockMinutes: 60 } }).policy.AutoLockMinutes).toEqual({ value: 60, source: 'mandatory-user' });
  });

  it('applies strictness only among mandatory sources, not against recommended ones', () => {
    const { policy } = merged({ 'mandatory-machine': { AutoLockMinutes: 30 }, 'recommended-machine': { AutoLockMinutes: 2 } });
    expect(policy.AutoLockMinutes).toEqual({ value: 30, source: 'mandatory-machine' });
  });
});

describe('mergePolicy: invalid values', () => {
  it('ignores an out-of-range value, reports it without the value, and falls back to the next source', () => {
    const { policy, issues } = merged({ 'mandatory-machine': { AutoLockMinutes: 0 }, 'recommended-machine': { AutoLockMinutes: 20 } });
    expect(policy.AutoLockMinutes).toEqual({ value: 20, source: 'recommended-machine' });
    expect(issues).toEqual([{ key: 'AutoLockMinutes', source: 'mandatory-machine', problem: 'out_of_range' }]);
    expect(JSON.stringify(issues)).not.toContain('"0"');
  });

  it('an invalid security value cannot win the strictness contest', () => {
    const { policy, issues } = merged({ 'mandatory-machine': { AutoLockMinutes: 30 }, 'mandatory-user': { AutoLockMinutes: -1 } });
    expect(policy.AutoLockMinutes).toEqual({ value: 30, source: 'mandatory-machine' });
    expect(issues).toHaveLength(1);
  });

  it('falls back to the default when every source is invalid', () => {
    const { policy, issues } = merged({ 'mandatory-machine': { UpdateMode: 'sometimes' }, 'mandatory-user': { UpdateMode: 3 } });
    expect(policy.UpdateMode).toEqual({ value: 'auto', source: 'default' });
    expect(issues.map((issue) => issue.problem)).toEqual(['not_allowed', 'wrong_type']);
  });

  it('reports unknown keys (name kept only when it looks like a key)', () => {
    const { issues } = merged({ 'mandatory-machine': { AutoLockMinute: 5, 'Jane Doe 1950-01-01': true } });
    expect(issues).toEqual([
      { key: 'AutoLockMinute', source: 'mandatory-machine', problem: 'unknown_key' },
      { key: '(unreadable name)', source: 'mandatory-machine', problem: 'unknown_key' },
    ]);
  });

  it('treats an empty string as not configured, without an issue', () => {
    const { policy, issues } = merged({ 'mandatory-machine': { ServerUrl: '' }, 'mandatory-user': { ServerUrl: 'https://care.example.org' } });
    expect(policy.ServerUrl).toEqual({ value: 'https://care.example.org', source: 'mandatory-user' });
    expect(issues).toEqual([]);
  });

  it('matches key names case-insensitively (registry value names are)', () => {
    expect(merged({ 'mandatory-machine': { autolockminutes: 7 } }).policy.AutoLockMinutes).toEqual({ value: 7, source: 'mandatory-machine' });
    expect(policyKeyFor('ALLOWCAMERA')).toBe('AllowCamera');
  });

  it('keeps issues from reading the sources first', () => {
    const readIssue = { key: '(source)', source: 'mandatory-machine' as const, problem: 'untrusted_file' as const };
    expect(mergePolicy({}, [readIssue]).issues).toEqual([readIssue]);
  });

  it.each([['ok', 'ok'], ['a b', '(unreadable name)'], ['x'.repeat(65), '(unreadable name)'], ['1abc', '(unreadable name)']])('safeIssueKey(%j)', (name, expected) => {
    expect(safeIssueKey(name)).toBe(expected);
  });
});
