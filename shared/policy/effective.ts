// Where an effective policy value came from, the effective set as the renderer receives it, and its schema.
import { z } from 'zod';
import { POLICY_DEFINITIONS, POLICY_KEYS, defaultPolicyValues, type PolicyDefinition, type PolicyKey, type PolicyValues } from './definitions';

/** Highest precedence first. 'server' is the web workstation's GET /api/config; the shell never uses it. */
export const POLICY_SOURCES = ['mandatory-machine', 'mandatory-user', 'recommended-machine', 'recommended-user', 'user-settings', 'server', 'default'] as const;
export const PolicySourceSchema = z.enum(POLICY_SOURCES);
export type PolicySource = z.infer<typeof PolicySourceSchema>;

export const POLICY_SOURCE_LABELS: Readonly<Record<PolicySource, string>> = {
  'mandatory-machine': 'Required by your organization (this computer)',
  'mandatory-user': 'Required by your organization (your account)',
  'recommended-machine': 'Recommended by your organization (this computer)',
  'recommended-user': 'Recommended by your organization (your account)',
  'user-settings': 'Your settings',
  server: 'Set by the care server',
  default: 'Default',
};

export type EffectivePolicy = { [K in PolicyKey]: { value: PolicyValues[K]; source: PolicySource } };

/** One ignored policy value, for the log and the settings page: which key, where, and why (never the value). */
export const PolicyIssueSchema = z.object({
  /** The key as configured; unknown names are kept only if they look like a key. */
  key: z.string().max(64),
  source: PolicySourceSchema,
  problem: z.enum(['wrong_type', 'out_of_range', 'not_allowed', 'bad_format', 'too_long', 'unknown_key', 'untrusted_file', 'unreadable']),
});
export type PolicyIssue = z.infer<typeof PolicyIssueSchema>;

function valueSchema(definition: PolicyDefinition): z.ZodType {
  switch (definition.type) {
    case 'boolean':
      return z.boolean();
    case 'integer':
      return z.number().int().min(definition.min).max(definition.max);
    case 'enum':
      return z.enum(definition.values);
    case 'string':
      return z.string().max(definition.maxLength);
  }
}

export const EffectivePolicySchema = z.object(
  Object.fromEntries(
    POLICY_KEYS.map((key) => [key, z.object({ value: valueSchema(POLICY_DEFINITIONS[key]), source: PolicySourceSchema })]),
  ),
) as unknown as z.ZodType<EffectivePolicy>;

/** Every key at its secure default. */
export function defaultEffectivePolicy(): EffectivePolicy {
  const values = defaultPolicyValues();
  return Object.fromEntries(POLICY_KEYS.map((key) => [key, { value: values[key], source: 'default' }])) as EffectivePolicy;
}

/** The plain values of an effective set. */
export function effectiveValues(policy: EffectivePolicy): PolicyValues {
  return Object.fromEntries(POLICY_KEYS.map((key) => [key, policy[key].value])) as PolicyValues;
}
