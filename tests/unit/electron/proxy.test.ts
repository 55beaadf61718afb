// The proxy policy keys become session proxy settings; an incomplete mode falls back to the system settings and says so.
import { describe, expect, it } from 'vitest';
import { proxySettingsFor, type ProxyPolicy } from '../../../electron/core/proxy';

const base: ProxyPolicy = { ProxyMode: 'system', ProxyServer: '', ProxyPacUrl: '', ProxyBypassList: '' };

describe('proxySettingsFor', () => {
  it.each<[string, Partial<ProxyPolicy>, unknown, boolean]>([
    ['system', {}, { mode: 'system' }, false],
    ['direct', { ProxyMode: 'direct', ProxyServer: 'ignored:1' }, { mode: 'direct' }, false],
    ['fixed servers with bypass list', { ProxyMode: 'fixed_servers', ProxyServer: 'proxy:3128', ProxyBypassList: '<local>' }, { mode: 'fixed_servers', proxyRules: 'proxy:3128', proxyBypassRules: '<local>' }, false],
    ['fixed servers without bypass list', { ProxyMode: 'fixed_servers', ProxyServer: 'proxy:3128' }, { mode: 'fixed_servers', proxyRules: 'proxy:3128' }, false],
    ['fixed servers without a server', { ProxyMode: 'fixed_servers' }, { mode: 'system' }, true],
    ['PAC', { ProxyMode: 'pac_script', ProxyPacUrl: 'https://proxy/p.pac' }, { mode: 'pac_script', pacScript: 'https://proxy/p.pac' }, false],
    ['PAC without a URL', { ProxyMode: 'pac_script' }, { mode: 'system' }, true],
  ])('%s', (_label, overrides, settings, hasProblem) => {
    const result = proxySettingsFor({ ...base, ...overrides });
    expect(result.settings).toEqual(settings);
    expect(result.problem !== null).toBe(hasProblem);
  });
});
