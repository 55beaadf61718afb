// Loads the board's non-clinical inputs from the server: the service cities, and the field staff on shift for
// the chosen city and day (refreshed every minute so shift changes show). Requests come from the local cache.
import { useEffect, useState } from 'react';
import type { DispatchCity, DispatchStaffResponse } from '../../../shared/domain/dispatch';
import { getDispatchStaff, listDispatchCities } from '../../platform';
import type { ApiFailure } from '../../platform';

export type Loaded<T> = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

function failureText(what: string, failure: ApiFailure): string {
  if (failure.code === 'network_error' || failure.code === 'timeout' || failure.code === 'unavailable') {
    return `Could not load ${what}: the Housecall server cannot be reached. Requests already on this device are still shown.`;
  }
  return `Could not load ${what}: ${failure.message}`;
}

export function useDispatchCities(): Loaded<DispatchCity[]> {
  const [state, setState] = useState<Loaded<DispatchCity[]>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    void listDispatchCities(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      setState(result.ok ? { status: 'ready', value: result.value.cities } : { status: 'error', message: failureText('the cities', result.error) });
    });
    return () => controller.abort();
  }, []);
  return state;
}

const STAFF_REFRESH_MS = 60_000;

export function useDispatchStaff(cityId: string | null, date: string): Loaded<DispatchStaffResponse> {
  const [state, setState] = useState<Loaded<DispatchStaffResponse>>({ status: 'loading' });
  useEffect(() => {
    if (!cityId) return undefined;
    const controller = new AbortController();
    setState({ status: 'loading' });
    const load = () => void getDispatchStaff(cityId, date, controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) setState({ status: 'ready', value: result.value });
      else setState((prev) => (prev.status === 'ready' ? prev : { status: 'error', message: failureText('the staff on shift', result.error) }));
    });
    load();
    const timer = setInterval(load, STAFF_REFRESH_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [cityId, date]);
  return state;
}
