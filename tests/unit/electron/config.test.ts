// Which care server the shell talks to: --server-url=, then HOUSECALL_SERVER_URL, then http://localhost:8787.
import { describe, expect, it } from 'vitest';
import { resolveServerConfig, type ServerUrlInputs } from '../../../electron/core/config';

const electronArgv = ['/opt/Housecall/housecall', '.'];

describe('resolveServerConfig', () => {
  it.each<[string, ServerUrlInputs, string, string]>([
    ['default when nothing is configured', { argv: electronArgv, env: {} }, 'http://localhost:8787', 'default'],
    ['environment variable', { argv: electronArgv, env: { HOUSECALL_SERVER_URL: 'https://care.example.org' } }, 'https://care.example.org', 'environment'],
    ['blank environment variable is ignored', { argv: electronArgv, env: { HOUSECALL_SERVER_URL: '  ' } }, 'http://localhost:8787', 'default'],
    [
      'argument beats the environment',
      { argv: [...electronArgv, '--server-url=https://arg.example.org/'], env: { HOUSECALL_SERVER_URL: 'https://env.example.org' } },
      'https://arg.example.org',
      'argument',
    ],
    [
      'the last argument wins',
      { argv: [...electronArgv, '--server-url=https://first.example.org', '--server-url=https://second.example.org'], env: {} },
      'https://second.example.org',
      'argument',
    ],
    ['path prefix kept', { argv: [...electronArgv, '--server-url=https://host.example/care'], env: {} }, 'https://host.example/care', 'argument'],
  ])('%s', (_label, inputs, baseUrl, source) => {
    const resolved = resolveServerConfig(inputs);
    expect(resolved).toMatchObject({ ok: true, value: { source, server: { baseUrl } } });
  });

  it('does not fall back to the environment when the argument is invalid', () => {
    const resolved = resolveServerConfig({ argv: [...electronArgv, '--server-url=ftp://x'], env: { HOUSECALL_SERVER_URL: 'https://care.example.org' } });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error).toMatch(/--server-url/);
  });

  it('names the environment variable when its value is invalid, without echoing secrets in it', () => {
    const resolved = resolveServerConfig({ argv: electronArgv, env: { HOUSECALL_SERVER_URL: 'https://nurse:hunter2@care.example.org' } });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) {
      expect(resolved.error).toMatch(/HOUSECALL_SERVER_URL/);
      expect(resolved.error).not.toMatch(/hunter2/);
    }
  });

  it('rejects an empty --server-url=', () => {
    expect(resolveServerConfig({ argv: [...electronArgv, '--server-url='], env: {} }).ok).toBe(false);
  });

  it('ignores look-alike arguments', () => {
    const resolved = resolveServerConfig({ argv: [...electronArgv, '--server-urls=https://x.example.org'], env: {} });
    expect(resolved).toMatchObject({ ok: true, value: { source: 'default' } });
  });
});

describe('resolveServerConfig with the ServerUrl policy', () => {
  it('lets managed policy beat the argument and the environment', () => {
    const resolved = resolveServerConfig({
      argv: [...electronArgv, '--server-url=https://arg.example.org'],
      env: { HOUSECALL_SERVER_URL: 'https://env.example.org' },
      policyServerUrl: 'https://policy.example.org/clinic',
    });
    expect(resolved).toMatchObject({ ok: true, value: { source: 'policy', server: { baseUrl: 'https://policy.example.org/clinic' } } });
  });

  it('ignores an unset (empty) policy', () => {
    expect(resolveServerConfig({ argv: electronArgv, env: {}, policyServerUrl: '' })).toMatchObject({ ok: true, value: { source: 'default' } });
  });

  it('refuses to start on an unusable policy URL rather than silently using another server', () => {
    const resolved = resolveServerConfig({ argv: electronArgv, env: { HOUSECALL_SERVER_URL: 'https://env.example.org' }, policyServerUrl: 'http://care.example.org' });
    expect(resolved.ok).toBe(false);
    if (!resolved.ok) expect(resolved.error).toMatch(/ServerUrl policy/);
  });
});
