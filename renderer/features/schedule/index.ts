// Schedule feature: the clinician's day and week of visits from the local cache, status changes, booking, the
// on-demand queue, the waiting room, and the way to a visit's note.
export { ScheduleWorkspace } from './ScheduleWorkspace';
export type { ScheduleWorkspaceProps } from './ScheduleWorkspace';
export { WaitingRoomIndicator, waitingRoom } from './WaitingRoomIndicator';
export { SeeClinicianNowLink } from './SeeClinicianNowLink';
export type { SeeClinicianNowLinkProps } from './SeeClinicianNowLink';
export { buildWeek, weekStartOf, weekRange, patientLocalTime } from './week-model';
export { resetScheduleStore, useScheduleStore, initialScheduleState } from './schedule-store';
export type { ScheduleState } from './schedule-store';
export { todayIn, addDays, dayRange, startOfDay } from './day-range';
export type { LocalDate } from './day-range';
