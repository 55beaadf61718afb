// The policy declarations are complete and consistent: every key documented, defaults and examples valid, security keys named.
import { describe, expect, it } from 'vitest';
import { ClientConfigSchema } from '../../../shared/api/client-config';
import {
  EffectivePolicySchema,
  POLICY_DEFINITIONS,
  POLICY_KEYS,
  defaultEffectivePolicy,
  defaultPolicyValues,
  isPolicyKey,
  isSecurityKey,
  parsePolicyValue,
  type PolicyDefinition,
} from '../../../shared/policy';

describe('policy definitions', () => {
  it('declares at least the keys the issue asks for', () => {
    expect(POLICY_KEYS).toEqual(
      expect.arrayContaining([
        'ServerUrl', 'AutoLockMinutes', 'SignOutAfterMinutes', 'UpdateMode', 'UpdateUrl', 'AllowCamera', 'AllowMicrophone',
        'ScreenCaptureProtection', 'OfflineCacheEnabled', 'OfflineCacheMaxAgeHours', 'LogLevel', 'ProxyMode', 'ProxyServer', 'ProxyPacUrl',
      ]),
    );
  });

  it.each(POLICY_KEYS)('%s has a title, a description, a valid default and a valid example', (key) => {
    const definition: PolicyDefinition = POLICY_DEFINITIONS[key];
    expect(key).toMatch(/^[A-Z][A-Za-z]+$/);
    expect(definition.title.length).toBeGreaterThan(3);
    expect(definition.description.length).toBeGreaterThan(20);
    const defaultCheck = parsePolicyValue(key, definition.default);
    expect(defaultCheck.kind === 'valid' || (definition.type === 'string' && defaultCheck.kind === 'unset')).toBe(true);
    expect(parsePolicyValue(key, definition.example)).toEqual({ kind: 'valid', value: definition.example });
    if (definition.type === 'integer') expect(definition.min).toBeLessThanOrEqual(definition.max);
    if (definition.type === 'enum') expect(definition.values).toContain(definition.default);
  });

  it('marks exactly the security keys, each with its strict direction', () => {
    const security = POLICY_KEYS.filter(isSecurityKey).map((key) => [key, (POLICY_DEFINITIONS[key] as { strictest?: unknown }).strictest]);
    expect(Object.fromEntries(security)).toEqual({
      AutoLockMinutes: 'lowest',
      SignOutAfterMinutes: 'lowest',
      ScreenCaptureProtection: true,
      AllowCamera: false,
      AllowMicrophone: false,
      OfflineCacheEnabled: false,
      OfflineCacheMaxAgeHours: 'lowest',
    });
  });

  it('has secure defaults: screen capture protected, updates on, logs not verbose, no proxy override', () => {
    const defaults = defaultPolicyValues();
    expect(defaults.ScreenCaptureProtection).toBe(true);
    expect(defaults.AutoLockMinutes).toBeLessThanOrEqual(15);
    expect(defaults.UpdateMode).toBe('auto');
    expect(defaults.LogLevel).not.toBe('debug');
    expect(defaults.ProxyMode).toBe('system');
  });

  it('uses the same bounds and defaults as the care server hands the web workstation (GET /api/config)', () => {
    const shape = ClientConfigSchema.shape;
    const pairs = [
      ['AutoLockMinutes', shape.autoLockMinutes],
      ['SignOutAfterMinutes', shape.signOutAfterMinutes],
      ['OfflineCacheMaxAgeHours', shape.offlineCacheMaxAgeHours],
    ] as const;
    for (const [key, schema] of pairs) {
      const definition = POLICY_DEFINITIONS[key];
      expect(schema.safeParse(definition.min).success, `${key} min`).toBe(true);
      expect(schema.safeParse(definition.min - 1).success, `${key} below min`).toBe(false);
      expect(schema.safeParse(definition.max).success, `${key} max`).toBe(true);
      expect(schema.safeParse(definition.max + 1).success, `${key} above max`).toBe(false);
    }
  });

  it('validates a full effective set and rejects a value outside its bounds', () => {
    const policy = defaultEffectivePolicy();
    expect(EffectivePolicySchema.safeParse(policy).success).toBe(true);
    expect(EffectivePolicySchema.safeParse({ ...policy, AutoLockMinutes: { value: 0, source: 'default' } }).success).toBe(false);
    expect(EffectivePolicySchema.safeParse({ ...policy, UpdateMode: { value: 'sometimes', source: 'default' } }).success).toBe(false);
  });

  it('knows its keys and nothing else', () => {
    expect(isPolicyKey('AllowCamera')).toBe(true);
    expect(isPolicyKey('toString')).toBe(false);
    expect(isPolicyKey('__proto__')).toBe(false);
  });
});
