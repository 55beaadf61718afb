// Bad-input fuzzing of the Electron shell's inputs, enumerated from shared/ (so channels and policy keys added
// later are covered): every IPC channel's request schema through the dispatcher, and managed-policy files and
// values through the policy merge. Invalid input is refused (no handler runs) or ignored and reported.
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { IPC_CHANNEL_NAMES, ipcChannels, type IpcChannel } from '../../../shared/ipc';
import { POLICY_KEYS, EffectivePolicySchema, parsePolicyValue, defaultEffectivePolicy, type PolicyKey } from '../../../shared/policy';
import { createIpcDispatcher, type IpcHandlers } from '../../../electron/core/ipc-dispatch';
import { mergePolicy, SHELL_POLICY_SOURCES } from '../../../electron/core/policy-merge';
import { mergePolicyFiles, parsePolicyObject } from '../../../electron/core/policy-sources';
import { around, garbage, POLLUTION_KEYS } from '../../support/schema-arbitrary';

const APP_ORIGIN = 'app://housecall';
const RUNS_PER_CHANNEL = 200;
const RUNS_PER_POLICY_KEY = 200;
const counts: Record<string, number> = {};
const count = (surface: string) => { counts[surface] = (counts[surface] ?? 0) + 1; };

afterAll(() => {
  console.log(`shell input fuzzing: ${Object.values(counts).reduce((a, b) => a + b, 0)} generated cases`);
  for (const [surface, n] of Object.entries(counts)) console.log(`  ${surface}: ${n}`);
});

describe('fuzzing every IPC channel', () => {
  const calls: Array<{ channel: IpcChannel; request: unknown }> = [];
  // Each handler records that it ran; the fuzz never needs a real answer (a bad one becomes 'internal').
  const handlers = Object.fromEntries(IPC_CHANNEL_NAMES.map((channel) => [channel, (request: unknown) => {
    calls.push({ channel, request });
    return { ok: false, error: { code: 'unavailable', message: 'fuzz handler' } };
  }])) as unknown as IpcHandlers;
  const errors: unknown[] = [];
  const dispatch = createIpcDispatcher({ handlers, appOrigin: APP_ORIGIN, reportError: (_c, e) => errors.push(e) });
  const sender = { frameUrl: `${APP_ORIGIN}/index.html`, isTopFrame: true };

  it.each([...IPC_CHANNEL_NAMES])('%s: input outside the request schema is refused before the handler, naming no values', async (channel) => {
    await fc.assert(fc.asyncProperty(around(ipcChannels[channel].request), async (payload) => {
      count(`ipc ${channel}`);
      calls.length = 0;
      const fits = ipcChannels[channel].request.safeParse(payload).success;
      const result = await dispatch(channel, sender, payload);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      if (fits) {
        expect(calls).toHaveLength(1);
        return;
      }
      expect(calls).toHaveLength(0);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('bad_request');
      for (const text of stringsIn(payload)) if (text.length >= 8) expect(result.error.message).not.toContain(text);
    }), { numRuns: RUNS_PER_CHANNEL });
    expect(errors).toEqual([]);
  });

  it('unknown channels, embedded frames and other origins are refused whatever the payload', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ maxLength: 40 }), garbage(), fc.constantFrom('unknown', 'frame', 'origin', 'gone'), async (name, payload, how) => {
      count('ipc unknown channel / wrong sender');
      calls.length = 0;
      const channel = how === 'unknown' ? `x-${name}` : IPC_CHANNEL_NAMES[name.length % IPC_CHANNEL_NAMES.length]!;
      const from = how === 'frame' ? { ...sender, isTopFrame: false } : how === 'origin' ? { frameUrl: `https://evil.example/${name}`, isTopFrame: true } : how === 'gone' ? null : sender;
      const result = await dispatch(channel, from, payload);
      expect(result.ok).toBe(false);
      expect(calls).toHaveLength(0);
      if (!result.ok) expect(result.error.code).toBe(how === 'unknown' ? 'unknown_channel' : 'forbidden');
    }), { numRuns: RUNS_PER_CHANNEL });
  });
});

describe('fuzzing managed policy', () => {
  const policyValue = fc.oneof(garbage(), fc.boolean(), fc.integer({ min: -10, max: 100_000 }), fc.constantFrom(0, 1, 'true', 'https://care.example.org', 'direct://', ''));
  const sourceValues = fc.dictionary(
    fc.oneof(fc.constantFrom(...POLICY_KEYS), fc.constantFrom(...POLICY_KEYS).map((k) => k.toUpperCase()), fc.constantFrom(...POLLUTION_KEYS), fc.string({ maxLength: 20 })),
    policyValue, { maxKeys: 8 });

  it.each([...POLICY_KEYS])('%s: an invalid value is ignored and reported, a valid one applies', (key: PolicyKey) => {
    fc.assert(fc.property(policyValue, fc.constantFrom(...SHELL_POLICY_SOURCES), (raw, source) => {
      count(`policy ${key}`);
      const merged = mergePolicy({ [source]: { [key]: raw } });
      const check = parsePolicyValue(key, raw);
      expect(EffectivePolicySchema.safeParse(merged.policy).success).toBe(true);
      if (check.kind === 'valid') {
        expect(merged.policy[key]).toEqual({ value: check.value, source });
        expect(merged.issues).toEqual([]);
      } else {
        expect(merged.policy[key]).toEqual(defaultEffectivePolicy()[key]);
        if (check.kind === 'invalid') expect(merged.issues).toEqual([{ key, source, problem: check.problem }]);
      }
      expect(JSON.stringify(merged.issues)).not.toContain(typeof raw === 'string' && raw.length >= 8 ? raw : '\u0000never');
    }), { numRuns: RUNS_PER_POLICY_KEY });
  });

  it('policy files (JSON text, several per folder, every source) never yield an invalid effective policy or pollute prototypes', () => {
    fc.assert(fc.property(fc.array(fc.oneof(sourceValues.map((v) => JSON.stringify(v)), fc.string({ maxLength: 30 }), fc.constant('{"__proto__":{"DisableUpdates":true},"constructor":{"prototype":{"x":1}}}')), { maxLength: 3 }), fc.constantFrom(...SHELL_POLICY_SOURCES), (texts, source) => {
      count('policy files');
      const files = texts.map(parsePolicyObject).filter((v) => v !== null);
      const merged = mergePolicy({ [source]: mergePolicyFiles(files) });
      expect(EffectivePolicySchema.safeParse(merged.policy).success).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).DisableUpdates).toBeUndefined();
      for (const key of POLICY_KEYS) {
        const entry = merged.policy[key];
        if (entry.source !== 'default') expect(parsePolicyValue(key, entry.value).kind).toBe('valid');
      }
      for (const issue of merged.issues) expect(issue.key).toMatch(/^[A-Za-z][A-Za-z0-9_.-]{0,63}$|^\(unreadable name\)$/);
    }), { numRuns: 500 });
  });
});

function stringsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) stringsIn(v, out);
  return out;
}
