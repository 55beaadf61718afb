// One raw policy value against its definition: registry DWORDs as booleans, bounds, enum spelling, URL and proxy formats.
import { describe, expect, it } from 'vitest';
import { parsePolicyValue, type PolicyKey } from '../../../shared/policy';

const cases: ReadonlyArray<[PolicyKey, unknown, string, unknown?]> = [
  ['AllowCamera', true, 'valid', true],
  ['AllowCamera', false, 'valid', false],
  ['AllowCamera', 1, 'valid', true],
  ['AllowCamera', 0, 'valid', false],
  ['AllowCamera', 2, 'wrong_type'],
  ['AllowCamera', 'true', 'wrong_type'],
  ['AllowCamera', null, 'wrong_type'],
  ['AutoLockMinutes', 1, 'valid', 1],
  ['AutoLockMinutes', 240, 'valid', 240],
  ['AutoLockMinutes', 0, 'out_of_range'],
  ['AutoLockMinutes', 241, 'out_of_range'],
  ['AutoLockMinutes', 7.5, 'wrong_type'],
  ['AutoLockMinutes', '15', 'wrong_type'],
  ['SignOutAfterMinutes', 4, 'out_of_range'],
  ['OfflineCacheMaxAgeHours', 721, 'out_of_range'],
  ['UpdateMode', 'notify', 'valid', 'notify'],
  ['UpdateMode', 'DISABLED', 'valid', 'disabled'],
  ['UpdateMode', ' auto ', 'valid', 'auto'],
  ['UpdateMode', 'sometimes', 'not_allowed'],
  ['UpdateMode', 1, 'wrong_type'],
  ['LogLevel', 'debug', 'valid', 'debug'],
  ['LogLevel', 'trace', 'not_allowed'],
  ['ServerUrl', 'https://care.example.org', 'valid', 'https://care.example.org'],
  ['ServerUrl', 'https://care.example.org/clinic-a', 'valid', 'https://care.example.org/clinic-a'],
  ['ServerUrl', '  ', 'unset'],
  ['ServerUrl', '', 'unset'],
  ['ServerUrl', 'ftp://care.example.org', 'bad_format'],
  ['ServerUrl', 'https://nurse:secret@care.example.org', 'bad_format'],
  ['ServerUrl', 'https://care.example.org/#x', 'bad_format'],
  ['ServerUrl', 'care.example.org', 'bad_format'],
  ['ServerUrl', `https://care.example.org/${'a'.repeat(3000)}`, 'too_long'],
  ['UpdateUrl', 'https://updates.example.org/housecall/', 'valid', 'https://updates.example.org/housecall/'],
  ['UpdateUrl', 'http://updates.example.org/housecall', 'bad_format'],
  ['ProxyPacUrl', 'http://proxy.corp.example/proxy.pac', 'valid', 'http://proxy.corp.example/proxy.pac'],
  ['ProxyPacUrl', 'file:///etc/proxy.pac', 'bad_format'],
  ['ProxyServer', 'proxy.example.org:3128', 'valid', 'proxy.example.org:3128'],
  ['ProxyServer', 'http=proxy.example.org:3128;https=secure.example.org:8443', 'valid', 'http=proxy.example.org:3128;https=secure.example.org:8443'],
  ['ProxyServer', 'socks5://10.0.0.5:1080', 'valid', 'socks5://10.0.0.5:1080'],
  ['ProxyServer', 'https://proxy.example.org:443,direct://', 'valid', 'https://proxy.example.org:443,direct://'],
  ['ProxyServer', 'proxy.example.org:3128 --no-sandbox', 'bad_format'],
  ['ProxyServer', 'user:pass@proxy.example.org:3128', 'bad_format'],
  ['ProxyBypassList', '<local>,*.example.org,10.0.0.0/8', 'valid', '<local>,*.example.org,10.0.0.0/8'],
  ['ProxyBypassList', 'bad host name!', 'bad_format'],
];

describe('parsePolicyValue', () => {
  it.each(cases)('%s = %j -> %s', (key, raw, outcome, value) => {
    const checked = parsePolicyValue(key, raw);
    if (outcome === 'valid') expect(checked).toEqual({ kind: 'valid', value });
    else if (outcome === 'unset') expect(checked).toEqual({ kind: 'unset' });
    else expect(checked).toEqual({ kind: 'invalid', problem: outcome });
  });
});
