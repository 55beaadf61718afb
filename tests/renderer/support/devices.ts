// Simulated workstations for renderer tests: each device has its own IndexedDB (a separate fake-indexeddb
// factory), lock manager, clock, network switch and signed-in session against the test server, and runs
// the real data layer and sync engine through the real platform HTTP code (with a per-device fetch).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import WebSocket from 'ws';
import type { DataEnvironment, LockManagerLike } from '../../../renderer/data/environment';
import type { DataLayer, DataLayerOptions } from '../../../renderer/sync/data-layer';
import { createDataLayer } from '../../../renderer/sync/data-layer';
import { createMemoryLockManager } from '../../../renderer/sync/memory-locks';
import { send } from '../../../renderer/platform/http';
import { setServerBaseUrl } from '../../../renderer/platform/server-url';
import { connectRealtime } from '../../../renderer/platform/realtime';
import type { SocketFactory } from '../../../renderer/platform/realtime';
import { createSyncApi } from '../../../renderer/platform/sync-api';
import type { ApiRequester, SyncApi } from '../../../renderer/platform/sync-api';
import { TEST_PASSWORD } from '../../server/support/fixtures';
import type { TestServer } from './server';

/** What the test controls about a device's network. */
export interface Network {
  online: boolean;
  /** The next N pushes reach the server but their answers are lost on the way back. */
  loseNextPushAnswers: number;
  requests: number;
}

export interface TestEnvironment extends DataEnvironment {
  clock: { offsetMs: number };
  fireOnline(): void;
}

export function testEnvironment(options: { locks?: LockManagerLike; channelPrefix?: string | null } = {}): TestEnvironment {
  const factory = new IDBFactory();
  const listeners = new Set<() => void>();
  const clock = { offsetMs: 0 };
  const prefix = options.channelPrefix ?? null;
  return {
    indexedDB: factory,
    IDBKeyRange,
    locks: options.locks ?? createMemoryLockManager(),
    openChannel: (name) => (prefix === null ? null : new BroadcastChannel(`${prefix}:${name}`)) as ReturnType<DataEnvironment['openChannel']>,
    storage: null,
    onOnline(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    now: () => Date.now() + clock.offsetMs,
    clock,
    fireOnline: () => listeners.forEach((l) => l()),
  };
}

export async function signInTokens(server: TestServer, email: string): Promise<{ accessToken: string; userId: string }> {
  const res = await fetch(`${server.baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-housecall-device': 'renderer-test-device' },
    body: JSON.stringify({ email, password: TEST_PASSWORD }),
  });
  const body = (await res.json()) as { status: string; accessToken: string; user: { id: string } };
  if (body.status !== 'signed_in') throw new Error('test sign-in failed');
  return { accessToken: body.accessToken, userId: body.user.id };
}

export function deviceFetch(network: Network): typeof fetch {
  return async (input, init) => {
    network.requests += 1;
    if (!network.online) throw new TypeError('fetch failed');
    const response = await fetch(input, init);
    if (network.loseNextPushAnswers > 0 && String(input).includes('/api/sync/push')) {
      network.loseNextPushAnswers -= 1;
      await response.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return response;
  };
}

export interface TestDevice {
  readonly name: string;
  readonly userId: string;
  readonly env: TestEnvironment;
  readonly network: Network;
  /** The device's sync API (its own session and network). */
  readonly api: SyncApi;
  layer: DataLayer;
  /** Closes the data layer and opens it again on the same IndexedDB (an app restart). */
  restart(options?: Partial<DataLayerOptions>): Promise<void>;
  close(options?: { wipe: boolean }): Promise<void>;
}

export interface DeviceOptions extends Partial<Omit<DataLayerOptions, 'user' | 'realtime'>> {
  name?: string;
  env?: TestEnvironment;
  /** Connect the realtime socket (default: no socket). */
  realtime?: boolean;
  /** Wraps the device's sync API (e.g. to record the server's answers). */
  wrapApi?: (api: SyncApi) => SyncApi;
}

/** A signed-in device with its own session (or sharing `env` with another window of the same profile). */
export async function openDevice(server: TestServer, email: string, options: DeviceOptions = {}): Promise<TestDevice> {
  const { accessToken, userId } = await signInTokens(server, email);
  const env = options.env ?? testEnvironment();
  const network: Network = { online: true, loseNextPushAnswers: 0, requests: 0 };
  const fetchImpl = deviceFetch(network);
  setServerBaseUrl(server.baseUrl);
  const requester: ApiRequester = ({ auth: _auth, ...rest }) => send({ ...rest, bearer: accessToken, fetch: fetchImpl });
  const { name, env: _env, realtime, wrapApi, ...layerExtras } = options;
  const api = wrapApi ? wrapApi(createSyncApi(requester)) : createSyncApi(requester);
  const layerOptions = (): DataLayerOptions => ({
    user: { id: userId, role: 'clinician' },
    env,
    api,
    engine: { periodMs: 3_600_000, backoff: { baseMs: 50, maxMs: 200 } },
    realtime: realtime
      ? (handlers) => connectRealtime({ ...handlers, url: server.wsUrl, token: async () => (network.online ? accessToken : null), WebSocketImpl: WebSocket as unknown as SocketFactory, backoff: { baseMs: 50, maxMs: 200 } })
      : null,
    icd10: null, // the ICD-10-CM list is fetched only by tests that ask for it (options.icd10)
    ...layerExtras,
  });
  const device: TestDevice = {
    name: name ?? email,
    userId,
    env,
    network,
    api,
    layer: await createDataLayer(layerOptions()),
    async restart(extra = {}) {
      await device.layer.close({ wipe: false });
      device.layer = await createDataLayer({ ...layerOptions(), ...extra });
    },
    close: (opts = { wipe: false }) => device.layer.close(opts),
  };
  return device;
}
