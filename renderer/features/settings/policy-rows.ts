// The Managed settings table's rows: each policy key's title, effective value in words, and where the value came from.
import {
  POLICY_DEFINITIONS,
  POLICY_KEYS,
  POLICY_PROBLEM_TEXT,
  POLICY_SOURCE_LABELS,
  type EffectivePolicy,
  type PolicyDefinition,
  type PolicyIssue,
  type PolicyKey,
} from '../../../shared/policy';

export interface PolicyRow {
  key: PolicyKey;
  title: string;
  description: string;
  value: string;
  source: string;
  /** Set by an administrator (mandatory or recommended) rather than a default or the server. */
  managed: boolean;
}

export function formatPolicyValue(definition: PolicyDefinition, value: unknown): string {
  switch (definition.type) {
    case 'boolean':
      return value === true ? 'On' : 'Off';
    case 'integer':
      return `${String(value)} ${value === 1 ? definition.unit.replace(/s$/, '') : definition.unit}`;
    case 'enum':
      return definition.labels[String(value)] ?? String(value);
    case 'string':
      return value === '' ? 'Not set' : String(value);
  }
}

export function policyRows(policy: EffectivePolicy): PolicyRow[] {
  return POLICY_KEYS.map((key) => {
    const definition: PolicyDefinition = POLICY_DEFINITIONS[key];
    const { value, source } = policy[key];
    return {
      key,
      title: definition.title,
      description: definition.description,
      value: formatPolicyValue(definition, value),
      source: POLICY_SOURCE_LABELS[source],
      managed: source.startsWith('mandatory') || source.startsWith('recommended'),
    };
  });
}

const PROBLEM_TEXT: Readonly<Record<PolicyIssue['problem'], string>> = {
  ...POLICY_PROBLEM_TEXT,
  unknown_key: 'this is not a Housecall setting',
  untrusted_file: 'the policy file may be changed by users other than the administrator, so it was not read',
  unreadable: 'the policy could not be read',
};

/** One sentence per ignored value, for administrators checking their configuration. */
export function issueText(issue: PolicyIssue): string {
  const where = POLICY_SOURCE_LABELS[issue.source].toLowerCase();
  const what = issue.key === '(source)' ? 'A policy source' : issue.key;
  return `${what} (${where}): ${PROBLEM_TEXT[issue.problem]}.`;
}
