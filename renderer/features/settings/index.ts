// Settings feature: two-step verification for the signed-in user, and the read-only Managed settings page
// (effective policy values and their sources).
export { ManagedSettingsPage } from './ManagedSettingsPage';
export { policyRows, formatPolicyValue, issueText } from './policy-rows';
export type { PolicyRow } from './policy-rows';
export { TwoStepSettings } from './TwoStepSettings';
