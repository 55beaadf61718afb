// Connectivity as the UI shows it (zustand), fed by the platform probe while the app frame is mounted.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Connectivity } from '../../platform';
import { watchConnectivity } from '../../platform';

export interface ConnectivityState {
  /** Null until the first probe answers. */
  status: Connectivity | null;
}

export const initialConnectivityState: ConnectivityState = { status: null };

export const useConnectivityStore = create<ConnectivityState>()(() => ({ ...initialConnectivityState }));

/** Runs the connectivity probe for as long as the calling component is mounted. */
export function useConnectivityWatcher(): void {
  useEffect(() => {
    const stop = watchConnectivity((status) => useConnectivityStore.setState({ status }));
    return () => {
      stop();
      useConnectivityStore.setState({ ...initialConnectivityState }, true);
    };
  }, []);
}
