// Patients workspace UI state (zustand): the search text and the patient whose chart is open.
import { create } from 'zustand';

export interface PatientsState {
  query: string;
  openPatientId: string | null;
  /** The patient whose chart was last closed, to put focus back on their row. */
  returnFocusTo: string | null;
}

export const initialPatientsState: PatientsState = { query: '', openPatientId: null, returnFocusTo: null };

export const usePatientsStore = create<PatientsState>()(() => ({ ...initialPatientsState }));

export const setPatientQuery = (query: string): void => usePatientsStore.setState({ query, returnFocusTo: null });
export const openChart = (patientId: string): void => usePatientsStore.setState({ openPatientId: patientId, returnFocusTo: null });
export const closeChart = (): void => usePatientsStore.setState((s) => ({ openPatientId: null, returnFocusTo: s.openPatientId }));

export function resetPatientsStore(): void {
  usePatientsStore.setState({ ...initialPatientsState }, true);
}
