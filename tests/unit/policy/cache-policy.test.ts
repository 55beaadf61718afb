// The offline-cache policy on the workstation: remembered without PHI, malformed values ignored, and with the
// cache disabled every end of a session wipes the device's copy.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CACHE_POLICY, dataLayerOptionsFor, lastKnownCachePolicy, rememberCachePolicy } from '../../../renderer/platform/cache-policy';
import { endWipes } from '../../../renderer/features/auth/data-session';

function memoryStorage(initial: Record<string, string> = {}) {
  const map = new Map(Object.entries(initial));
  return { getItem: (k: string) => map.get(k) ?? null, setItem: (k: string, v: string) => void map.set(k, v), map };
}

describe('offline cache policy', () => {
  it('uses the defaults until a policy was seen, then the remembered one', () => {
    const storage = memoryStorage();
    expect(lastKnownCachePolicy(storage)).toEqual(DEFAULT_CACHE_POLICY);
    rememberCachePolicy({ enabled: false, maxAgeHours: 8 }, storage);
    expect(lastKnownCachePolicy(storage)).toEqual({ enabled: false, maxAgeHours: 8 });
  });

  it.each([
    ['not JSON', '{'],
    ['wrong types', '{"enabled":"no","maxAgeHours":8}'],
    ['out of bounds', '{"enabled":true,"maxAgeHours":0}'],
    ['fractional hours', '{"enabled":true,"maxAgeHours":1.5}'],
  ])('ignores a remembered value that is %s', (_name, raw) => {
    expect(lastKnownCachePolicy(memoryStorage({ 'housecall.cachePolicy': raw }))).toEqual(DEFAULT_CACHE_POLICY);
  });

  it('turns the maximum age into the data layer option', () => {
    expect(dataLayerOptionsFor({ enabled: true, maxAgeHours: 24 })).toEqual({ maxCacheAgeMs: 86_400_000 });
  });

  it('sign-out always wipes; any other end of a session wipes only when offline caching is off', () => {
    expect(endWipes(true, { enabled: true, maxAgeHours: 72 })).toBe(true);
    expect(endWipes(false, { enabled: true, maxAgeHours: 72 })).toBe(false);
    expect(endWipes(false, { enabled: false, maxAgeHours: 72 })).toBe(true);
  });
});
