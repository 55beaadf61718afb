// Board UI state (zustand): the city and day the coordinator is looking at, and a request to select on arrival
// (set when another workspace, e.g. Deliveries, shows a delivery's run on the board).
import { create } from 'zustand';

export interface DispatchViewState {
  cityId: string | null;
  /** YYYY-MM-DD, or null for the city's own today. */
  date: string | null;
  focusRequestId: string | null;
}

export const initialDispatchViewState: DispatchViewState = { cityId: null, date: null, focusRequestId: null };

export const useDispatchViewStore = create<DispatchViewState>()(() => ({ ...initialDispatchViewState }));

export const chooseDispatchCity = (cityId: string): void => useDispatchViewStore.setState({ cityId, focusRequestId: null });
export const chooseDispatchDay = (date: string): void => useDispatchViewStore.setState({ date, focusRequestId: null });

/** Opens the board on a request's city and day with the request selected. */
export const showRequestOnBoard = (cityId: string, date: string, requestId: string): void =>
  useDispatchViewStore.setState({ cityId, date, focusRequestId: requestId });

export function resetDispatchViewStore(): void {
  useDispatchViewStore.setState({ ...initialDispatchViewState }, true);
}
