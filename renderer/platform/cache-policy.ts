// The offline-cache policy the data layer follows: OfflineCacheEnabled and OfflineCacheMaxAgeHours. In Electron
// it comes from the shell's managed policy (a local IPC call); in the browser from the care server's settings,
// remembered (no PHI) so an offline start never waits for the network.
import { getBridge } from './bridge';
import { getEffectivePolicy } from './policy';

export interface CachePolicy {
  /** false: the device keeps no copy beyond a session (any end of the session wipes it). */
  enabled: boolean;
  /** Drop what came from the server when it has not been reached for this long. */
  maxAgeHours: number;
}

export const DEFAULT_CACHE_POLICY: CachePolicy = { enabled: true, maxAgeHours: 72 };
const STORAGE_KEY = 'housecall.cachePolicy';

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

/** The last policy seen on this device, or the defaults; anything malformed counts as the defaults. */
export function lastKnownCachePolicy(storage: KeyValueStore | undefined = globalThis.localStorage): CachePolicy {
  try {
    const raw = storage?.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_CACHE_POLICY;
    const parsed = JSON.parse(raw) as Partial<CachePolicy>;
    const hours = parsed.maxAgeHours;
    if (typeof parsed.enabled !== 'boolean' || typeof hours !== 'number' || !Number.isInteger(hours) || hours < 1 || hours > 720) return DEFAULT_CACHE_POLICY;
    return { enabled: parsed.enabled, maxAgeHours: hours };
  } catch {
    return DEFAULT_CACHE_POLICY;
  }
}

export function rememberCachePolicy(policy: CachePolicy, storage: KeyValueStore | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(policy));
  } catch {
    // storage full or blocked: the defaults apply next time
  }
}

async function fetchCachePolicy(): Promise<CachePolicy> {
  const { policy } = await getEffectivePolicy();
  const fresh = { enabled: policy.OfflineCacheEnabled.value, maxAgeHours: policy.OfflineCacheMaxAgeHours.value };
  rememberCachePolicy(fresh);
  return fresh;
}

/**
 * The policy to start the data layer with. The shell answers locally, so Electron waits for it; the browser
 * uses the remembered value at once and refreshes it in the background for the next start.
 */
export async function currentCachePolicy(): Promise<CachePolicy> {
  if (getBridge() !== null) return fetchCachePolicy();
  void fetchCachePolicy().catch(() => undefined);
  return lastKnownCachePolicy();
}

/** Options for startDataLayer from a cache policy. */
export const dataLayerOptionsFor = (policy: CachePolicy) => ({ maxCacheAgeMs: policy.maxAgeHours * 3_600_000 });
