// Merges managed-policy sources into the effective policy: mandatory machine > mandatory user > recommended > user
// settings > secure defaults; security keys take the strictest mandatory value; invalid values are reported and skipped.
import {
  POLICY_DEFINITIONS,
  POLICY_KEYS,
  defaultEffectivePolicy,
  isSecurityKey,
  parsePolicyValue,
  type EffectivePolicy,
  type PolicyDefinition,
  type PolicyIssue,
  type PolicyKey,
  type PolicySource,
  type PolicyValues,
} from '../../shared/policy';

export type RawPolicyValues = Readonly<Record<string, unknown>>;

/** The sources the shell reads, highest precedence first. */
export const SHELL_POLICY_SOURCES = ['mandatory-machine', 'mandatory-user', 'recommended-machine', 'recommended-user', 'user-settings'] as const;
export type ShellPolicySource = (typeof SHELL_POLICY_SOURCES)[number];
export type PolicySourceSet = Partial<Record<ShellPolicySource, RawPolicyValues>>;

const MANDATORY: ReadonlySet<PolicySource> = new Set(['mandatory-machine', 'mandatory-user']);

export interface MergedPolicy {
  policy: EffectivePolicy;
  /** Ignored values (unknown keys, wrong types, out of range...), plus any problems reading the sources. */
  issues: PolicyIssue[];
}

interface Candidate {
  source: ShellPolicySource;
  value: PolicyValues[PolicyKey];
}

const KEY_BY_LOWER_NAME = new Map(POLICY_KEYS.map((key) => [key.toLowerCase(), key]));

/** Registry value names are case-insensitive: accept any casing of a known key. */
export function policyKeyFor(name: string): PolicyKey | null {
  return KEY_BY_LOWER_NAME.get(name.toLowerCase()) ?? null;
}

/** Unknown names come from administrators' files: keep them in issues only when they look like a key name. */
export function safeIssueKey(name: string): string {
  return /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/.test(name) ? name : '(unreadable name)';
}

function isStricter(definition: PolicyDefinition, candidate: unknown, current: unknown): boolean {
  if (definition.type === 'boolean' && definition.strictest !== undefined) return candidate === definition.strictest && current !== definition.strictest;
  if (definition.type === 'integer' && definition.strictest !== undefined) {
    return definition.strictest === 'lowest' ? (candidate as number) < (current as number) : (candidate as number) > (current as number);
  }
  return false;
}

function pick(key: PolicyKey, candidates: readonly Candidate[]): Candidate | undefined {
  const mandatory = candidates.filter((candidate) => MANDATORY.has(candidate.source));
  if (isSecurityKey(key) && mandatory.length > 1) {
    const definition: PolicyDefinition = POLICY_DEFINITIONS[key];
    // Ties keep the higher-precedence source, because candidates are in precedence order.
    return mandatory.reduce((best, candidate) => (isStricter(definition, candidate.value, best.value) ? candidate : best));
  }
  return candidates[0];
}

export function mergePolicy(sources: PolicySourceSet, readIssues: readonly PolicyIssue[] = []): MergedPolicy {
  const issues: PolicyIssue[] = [...readIssues];
  const candidates = new Map<PolicyKey, Candidate[]>();
  for (const source of SHELL_POLICY_SOURCES) {
    const values = sources[source];
    if (values === undefined) continue;
    for (const [name, raw] of Object.entries(values)) {
      const key = policyKeyFor(name);
      if (key === null) {
        issues.push({ key: safeIssueKey(name), source, problem: 'unknown_key' });
        continue;
      }
      const checked = parsePolicyValue(key, raw);
      if (checked.kind === 'invalid') issues.push({ key, source, problem: checked.problem });
      if (checked.kind !== 'valid') continue;
      const list = candidates.get(key) ?? [];
      list.push({ source, value: checked.value });
      candidates.set(key, list);
    }
  }
  const policy = defaultEffectivePolicy() as Record<PolicyKey, { value: unknown; source: PolicySource }>;
  for (const [key, list] of candidates) {
    const chosen = pick(key, list);
    if (chosen !== undefined) policy[key] = { value: chosen.value, source: chosen.source };
  }
  return { policy: policy as EffectivePolicy, issues };
}
