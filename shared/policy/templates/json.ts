// Generates the sample Linux policy files (/etc/housecall/policies/{managed,recommended}/*.json).
import { POLICY_DEFINITIONS, POLICY_KEYS, type PolicyKey } from '../definitions';

const toJson = (values: Record<string, unknown>): string => `${JSON.stringify(values, null, 2)}\n`;

/** Every key with an example value: copy to /etc/housecall/policies/managed/ (root-owned, mode 0644). */
export function buildManagedJsonSample(): string {
  return toJson(Object.fromEntries(POLICY_KEYS.map((key) => [key, POLICY_DEFINITIONS[key].example])));
}

/** Defaults users may change (connection and diagnostics only): /etc/housecall/policies/recommended/. */
export function buildRecommendedJsonSample(): string {
  const keys: PolicyKey[] = ['ProxyMode', 'LogLevel', 'UpdateMode'];
  return toJson(Object.fromEntries(keys.map((key) => [key, POLICY_DEFINITIONS[key].default])));
}
