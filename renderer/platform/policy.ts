// The managed policy in force for this workstation: from the shell (policy:get-effective) in Electron; in the browser,
// the care server's public client settings (GET /api/config) over the secure defaults.
import { ClientConfigSchema } from '../../shared/api/client-config';
import { ipcResultSchema, ipcChannels } from '../../shared/ipc';
import { defaultEffectivePolicy, type EffectivePolicy, type PolicyIssue } from '../../shared/policy';
import { apiRequest } from './api-client';
import { getBridge } from './bridge';

export interface EffectivePolicyView {
  policy: EffectivePolicy;
  /** Values an administrator set that were ignored (shell only). */
  issues: PolicyIssue[];
  /** Where the values were read: the desktop shell's managed policy, or the web workstation's server settings. */
  origin: 'shell' | 'browser';
}

async function fromShell(): Promise<EffectivePolicyView | null> {
  const bridge = getBridge();
  if (bridge === null) return null;
  const parsed = ipcResultSchema(ipcChannels['policy:get-effective'].response).safeParse(await bridge.invoke('policy:get-effective', {}));
  if (!parsed.success || !parsed.data.ok) return { policy: defaultEffectivePolicy(), issues: [], origin: 'shell' };
  const value = parsed.data.value as { policy: EffectivePolicy; issues: PolicyIssue[] };
  return { policy: value.policy, issues: value.issues, origin: 'shell' };
}

/** The browser has no managed policy: the server's lock and cache settings, secure defaults for the rest. */
async function fromServer(): Promise<EffectivePolicyView> {
  const policy = defaultEffectivePolicy();
  const config = await apiRequest({ path: '/api/config', schema: ClientConfigSchema, auth: false, timeoutMs: 10_000 });
  if (config.ok) {
    policy.AutoLockMinutes = { value: config.value.autoLockMinutes, source: 'server' };
    policy.SignOutAfterMinutes = { value: config.value.signOutAfterMinutes, source: 'server' };
    policy.OfflineCacheMaxAgeHours = { value: config.value.offlineCacheMaxAgeHours, source: 'server' };
  }
  return { policy, issues: [], origin: 'browser' };
}

/** Never fails: without an answer the secure defaults apply. */
export async function getEffectivePolicy(): Promise<EffectivePolicyView> {
  try {
    return (await fromShell()) ?? (await fromServer());
  } catch {
    return { policy: defaultEffectivePolicy(), issues: [], origin: getBridge() === null ? 'browser' : 'shell' };
  }
}
