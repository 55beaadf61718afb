// The static-scan gate: MEDIUM+ findings fail unless the allow-list names the check and file with a real reason.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyFindings, parseAllowList, type Finding } from '../../../scripts/electronegativity';

const root = path.resolve(import.meta.dirname, '../../..');
const finding = (id: string, severity: number, file: string): Finding => ({
  id,
  severity: { name: ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'][severity]!, value: severity },
  confidence: { name: 'FIRM' },
  file,
  line: 1,
  description: id,
});
const reason = 'Reviewed: the value comes from a core decision that is unit-tested and allow-listed.';

describe('classifyFindings', () => {
  const allowList = [
    { id: 'OPEN_EXTERNAL_JS_CHECK', files: ['electron/adapters/window.ts'], reason },
    { id: 'CSP_GLOBAL_CHECK', files: ['*'], reason },
    { id: 'SANDBOX_JS_CHECK', files: ['electron/adapters/old.ts'], reason },
  ];

  it('fails unexplained MEDIUM and HIGH findings, ignores LOW and INFORMATIONAL', () => {
    const result = classifyFindings(
      [finding('CONTEXT_ISOLATION_JS_CHECK', 3, 'electron/adapters/window.ts'), finding('AUXCLICK_JS_CHECK', 2, 'electron/x.ts'), finding('PRELOAD_JS_CHECK', 1, 'electron/x.ts'), finding('X', 0, 'N/A')],
      allowList,
    );
    expect(result.failing.map((f) => f.id)).toEqual(['CONTEXT_ISOLATION_JS_CHECK', 'AUXCLICK_JS_CHECK']);
  });

  it('allows a finding only for the check and file the entry names', () => {
    const result = classifyFindings(
      [finding('OPEN_EXTERNAL_JS_CHECK', 2, 'electron/adapters/window.ts'), finding('OPEN_EXTERNAL_JS_CHECK', 2, 'electron/adapters/other.ts'), finding('CSP_GLOBAL_CHECK', 2, 'N/A')],
      allowList,
    );
    expect(result.allowed.map((a) => a.finding.file)).toEqual(['electron/adapters/window.ts', 'N/A']);
    expect(result.failing.map((f) => f.file)).toEqual(['electron/adapters/other.ts']);
    expect(result.unused.map((entry) => entry.id)).toEqual(['SANDBOX_JS_CHECK']);
  });
});

describe('the committed allow-list', () => {
  const entries = parseAllowList(readFileSync(path.join(root, 'build/security/electronegativity-allowlist.json'), 'utf8'));

  it('justifies only the CSP global check and the guarded openExternal call', () => {
    expect(entries.map((entry) => entry.id).sort()).toEqual(['CSP_GLOBAL_CHECK', 'OPEN_EXTERNAL_JS_CHECK']);
    for (const entry of entries) expect(entry.reason.length).toBeGreaterThan(100);
  });

  it('never allow-lists the checks that guard isolation', () => {
    const forbidden = ['CONTEXT_ISOLATION_JS_CHECK', 'NODE_INTEGRATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK', 'PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK'];
    for (const entry of entries) expect(forbidden).not.toContain(entry.id);
  });

  it('rejects entries without a real reason', () => {
    expect(() => parseAllowList('{"entries":[{"id":"X","files":["*"],"reason":"ok"}]}')).toThrow(/real reason/);
    expect(() => parseAllowList('{"entries":{}}')).toThrow(/array/);
  });
});
