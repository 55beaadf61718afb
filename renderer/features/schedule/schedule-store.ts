// Schedule UI state (zustand): the day shown and the appointment whose note or video visit is open.
import { create } from 'zustand';
import type { LocalDate } from './day-range';

export interface ScheduleState {
  /** Null: today in the clinician's time zone. */
  day: LocalDate | null;
  openNoteFor: string | null;
  /** The video appointment whose visit screen is open. */
  openVideoFor: string | null;
  /** The appointment whose note was last closed, to put focus back on its row. */
  returnFocusTo: string | null;
}

export const initialScheduleState: ScheduleState = { day: null, openNoteFor: null, openVideoFor: null, returnFocusTo: null };

export const useScheduleStore = create<ScheduleState>()(() => ({ ...initialScheduleState }));

export const showDay = (day: LocalDate | null): void => useScheduleStore.setState({ day, returnFocusTo: null });
export const openNote = (appointmentId: string): void => useScheduleStore.setState({ openNoteFor: appointmentId, returnFocusTo: null });
export const closeNote = (): void => useScheduleStore.setState((s) => ({ openNoteFor: null, returnFocusTo: s.openNoteFor }));
export const openVideo = (appointmentId: string): void => useScheduleStore.setState({ openVideoFor: appointmentId, returnFocusTo: null });
export const closeVideo = (): void => useScheduleStore.setState((s) => ({ openVideoFor: null, returnFocusTo: s.openVideoFor }));

export function resetScheduleStore(): void {
  useScheduleStore.setState({ ...initialScheduleState }, true);
}
