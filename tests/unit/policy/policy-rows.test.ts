// The Managed settings page's rows: every key, values in words, sources in words, ignored values explained.
import { describe, expect, it } from 'vitest';
import { formatPolicyValue, issueText, policyRows } from '../../../renderer/features/settings/policy-rows';
import { POLICY_DEFINITIONS, POLICY_KEYS, defaultEffectivePolicy } from '../../../shared/policy';

describe('policyRows', () => {
  it('lists every key with its value and source in words', () => {
    const policy = defaultEffectivePolicy();
    policy.AutoLockMinutes = { value: 5, source: 'mandatory-machine' };
    policy.AllowCamera = { value: false, source: 'mandatory-user' };
    policy.OfflineCacheMaxAgeHours = { value: 24, source: 'server' };
    const rows = policyRows(policy);
    expect(rows.map((row) => row.key)).toEqual(POLICY_KEYS);
    expect(rows.find((row) => row.key === 'AutoLockMinutes')).toMatchObject({ value: '5 minutes', source: 'Required by your organization (this computer)', managed: true });
    expect(rows.find((row) => row.key === 'AllowCamera')).toMatchObject({ value: 'Off', source: 'Required by your organization (your account)' });
    expect(rows.find((row) => row.key === 'OfflineCacheMaxAgeHours')).toMatchObject({ value: '24 hours', source: 'Set by the care server', managed: false });
    expect(rows.find((row) => row.key === 'ServerUrl')).toMatchObject({ value: 'Not set', source: 'Default' });
    expect(rows.find((row) => row.key === 'UpdateMode')?.value).toBe(POLICY_DEFINITIONS.UpdateMode.labels.auto);
  });

  it('uses the singular for one unit', () => {
    expect(formatPolicyValue(POLICY_DEFINITIONS.AutoLockMinutes, 1)).toBe('1 minute');
  });

  it('explains ignored values without their values', () => {
    expect(issueText({ key: 'AutoLockMinutes', source: 'mandatory-machine', problem: 'out_of_range' })).toBe(
      'AutoLockMinutes (required by your organization (this computer)): the number is outside the allowed range.',
    );
    expect(issueText({ key: '(source)', source: 'recommended-machine', problem: 'untrusted_file' })).toMatch(/^A policy source .*not read\.$/);
  });
});
