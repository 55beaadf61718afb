// Turns the proxy policy keys into the session proxy settings (a structural subset of Electron's ProxyConfig).
import type { PolicyValues } from '../../shared/policy';

export interface ProxySettings {
  mode: 'system' | 'direct' | 'fixed_servers' | 'pac_script';
  proxyRules?: string;
  proxyBypassRules?: string;
  pacScript?: string;
}

export type ProxyPolicy = Pick<PolicyValues, 'ProxyMode' | 'ProxyServer' | 'ProxyPacUrl' | 'ProxyBypassList'>;

/** The settings to apply, and a problem to log when the mode lacks what it needs (the system settings are used then). */
export function proxySettingsFor(policy: ProxyPolicy): { settings: ProxySettings; problem: string | null } {
  switch (policy.ProxyMode) {
    case 'direct':
      return { settings: { mode: 'direct' }, problem: null };
    case 'fixed_servers':
      if (policy.ProxyServer === '') return { settings: { mode: 'system' }, problem: 'ProxyMode is fixed_servers but ProxyServer is not set' };
      return {
        settings: { mode: 'fixed_servers', proxyRules: policy.ProxyServer, ...(policy.ProxyBypassList === '' ? {} : { proxyBypassRules: policy.ProxyBypassList }) },
        problem: null,
      };
    case 'pac_script':
      if (policy.ProxyPacUrl === '') return { settings: { mode: 'system' }, problem: 'ProxyMode is pac_script but ProxyPacUrl is not set' };
      return { settings: { mode: 'pac_script', pacScript: policy.ProxyPacUrl }, problem: null };
    case 'system':
      return { settings: { mode: 'system' }, problem: null };
  }
}
