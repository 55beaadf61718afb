// Loads the deliveries the signed-in dispatcher or courier may see (online), refreshing every 15 seconds.
import { useCallback, useEffect, useState } from 'react';
import type { DeliveryView } from '../../../shared/api/deliveries';
import { listDeliveries } from '../../platform';

export type DeliveriesState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; deliveries: readonly DeliveryView[] };

const REFRESH_MS = 15_000;

export function useDeliveries(): { state: DeliveriesState; reload: () => void } {
  const [state, setState] = useState<DeliveriesState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    void listDeliveries(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'ready', deliveries: result.value } : { status: 'error', message: `The deliveries could not be loaded: ${result.error.message}` });
    });
    const timer = setTimeout(() => setAttempt((n) => n + 1), REFRESH_MS);
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [attempt]);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
