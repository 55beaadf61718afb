// The data layer's public face: features import from here only (hooks, actions, lifecycle, types).
export type {
  LocalFlags, LocalAppointment, LocalPatient, LocalNote, LocalFieldRequest, LocalChart, SyncPhase, SyncStatus, ConflictItem, ConflictAction, DataActions,
} from './contract';
export {
  useAppointmentsInRange, usePatients, usePatient, usePatientChart, useNote, useNoteForAppointment, useConflicts, useSyncStatus,
  useFieldRequestsForDay, useFieldRequestForAppointment,
} from './hooks';
export type { AppointmentRangeOptions } from './hooks';
export { startDataLayer, stopDataLayer, flushBeforeSignOut, dataActions, OFFLINE_DATA_ROLES } from './lifecycle';
export { DataError } from './errors';
export type { DataErrorCode } from './errors';
export { MAX_CACHE_AGE_MS } from './cache';

/** A new id for a note the user starts (notes are created by their first draft save). */
export const newNoteId = (): string => crypto.randomUUID();
