// Connectivity probe: the browser's online flag and events, plus GET /api/health every 15 s with a timeout.
import { HealthSchema } from '../../shared/api/health';
import { send } from './http';

export type Connectivity = 'online' | 'offline' | 'server-unreachable';

export interface ConnectivityOptions {
  intervalMs?: number;
  timeoutMs?: number;
}

/** Watches connectivity and reports every change (and the first result). Returns a stop function. */
export function watchConnectivity(onChange: (status: Connectivity) => void, options: ConnectivityOptions = {}): () => void {
  const intervalMs = options.intervalMs ?? 15_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  let last: Connectivity | null = null;
  let stopped = false;
  let probeId = 0;

  const report = (status: Connectivity): void => {
    if (stopped || status === last) return;
    last = status;
    onChange(status);
  };

  const probe = async (): Promise<void> => {
    if (!navigator.onLine) {
      report('offline');
      return;
    }
    const id = ++probeId;
    const result = await send({ path: '/api/health', schema: HealthSchema, timeoutMs });
    if (id !== probeId) return; // a newer probe started meanwhile
    if (result.ok) report('online');
    else report(navigator.onLine ? 'server-unreachable' : 'offline');
  };

  const onOnline = (): void => void probe();
  const onOffline = (): void => {
    probeId++;
    report('offline');
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);
  const timer = window.setInterval(() => void probe(), intervalMs);
  void probe();

  return () => {
    stopped = true;
    window.clearInterval(timer);
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
  };
}
