// Schedule feature: the clinician's day of visits from the local cache, status changes, and the way to a visit's note.
export { ScheduleWorkspace } from './ScheduleWorkspace';
export { resetScheduleStore, useScheduleStore, initialScheduleState } from './schedule-store';
export type { ScheduleState } from './schedule-store';
export { todayIn, addDays, dayRange, startOfDay } from './day-range';
export type { LocalDate } from './day-range';
