// Schedule UI state (zustand): day or week view, the day and week shown, the appointment whose note or video
// visit is open, and the booking form (a new visit, or rescheduling one).
import { create } from 'zustand';
import type { LocalDate } from './day-range';

export type ScheduleView = 'day' | 'week';

export interface ScheduleState {
  view: ScheduleView;
  /** Null: today in the clinician's time zone. */
  day: LocalDate | null;
  /** The Monday of the week shown; null: this week. */
  week: LocalDate | null;
  openNoteFor: string | null;
  /** The video appointment whose visit screen is open. */
  openVideoFor: string | null;
  /** The appointment whose note was last closed, to put focus back on its row. */
  returnFocusTo: string | null;
  /** The booking form: 'new' for a new visit, an appointment id to reschedule it, null when closed. */
  booking: 'new' | string | null;
}

export const initialScheduleState: ScheduleState = { view: 'day', day: null, week: null, openNoteFor: null, openVideoFor: null, returnFocusTo: null, booking: null };

export const useScheduleStore = create<ScheduleState>()(() => ({ ...initialScheduleState }));

export const showView = (view: ScheduleView): void => useScheduleStore.setState({ view });
export const showDay = (day: LocalDate | null): void => useScheduleStore.setState({ day, returnFocusTo: null });
export const showWeek = (week: LocalDate | null): void => useScheduleStore.setState({ week });
export const openNote = (appointmentId: string): void => useScheduleStore.setState({ openNoteFor: appointmentId, returnFocusTo: null });
export const closeNote = (): void => useScheduleStore.setState((s) => ({ openNoteFor: null, returnFocusTo: s.openNoteFor }));
export const openVideo = (appointmentId: string): void => useScheduleStore.setState({ openVideoFor: appointmentId, returnFocusTo: null });
export const closeVideo = (): void => useScheduleStore.setState((s) => ({ openVideoFor: null, returnFocusTo: s.openVideoFor }));
export const openBooking = (what: 'new' | string): void => useScheduleStore.setState({ booking: what });
export const closeBooking = (): void => useScheduleStore.setState({ booking: null });
/** Opens a visit's note from elsewhere (the queue): today's day view, with the note open. */
export const openVisit = (appointmentId: string): void => useScheduleStore.setState({ view: 'day', day: null, openNoteFor: appointmentId, returnFocusTo: null });

export function resetScheduleStore(): void {
  useScheduleStore.setState({ ...initialScheduleState }, true);
}
