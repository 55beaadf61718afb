// Which user's data layer this window has open (session state, zustand): the hooks read through it.
// Clinical rows are never copied here; they stay in IndexedDB and are read with live queries.
import { create } from 'zustand';
import type { DataLayer } from '../sync/data-layer';

export interface ActiveLayerState {
  layer: DataLayer | null;
  /** Why the data layer could not be opened (plain, PHI-free), shown by the sync status. */
  error: string | null;
}

export const initialActiveLayerState: ActiveLayerState = { layer: null, error: null };

export const useActiveLayerStore = create<ActiveLayerState>()(() => ({ ...initialActiveLayerState }));
