// The data layer's public face: features import from here only (hooks, actions, lifecycle, types).
export type {
  LocalFlags, LocalAppointment, LocalPatient, LocalNote, LocalPrescription, LocalTask, LocalEncounter, LocalVital, LocalChart, SyncPhase, SyncStatus, ConflictItem, ConflictAction, DataActions,
  LocalConversation, LocalMessage, MessageDelivery, LocalQueueRequest, LocalFieldRequest,
} from './contract';
export {
  useAppointmentsInRange, usePatients, usePatient, usePatientChart, useNote, useNoteForAppointment, useConflicts, useSyncStatus, useIcd10Index,
  usePrescriptionsForAppointment, useInboxTasks,
  useConversations, useThread, useUnreadMessageCount,
  useQueueRequests,
  useFieldRequestsForDay, useFieldRequestForAppointment,
} from './hooks';
export { onPatientsCheckedIn } from './check-in-events';
export type { AppointmentRangeOptions } from './hooks';
export { startDataLayer, stopDataLayer, flushBeforeSignOut, dataActions, OFFLINE_DATA_ROLES } from './lifecycle';
export { DataError } from './errors';
export type { DataErrorCode } from './errors';
export { MAX_CACHE_AGE_MS } from './cache';

/** A new id for a note the user starts (notes are created by their first draft save). */
export const newNoteId = (): string => crypto.randomUUID();

/** A new id for a prescription the user signs (it is created by its rx.sign mutation). */
export const newPrescriptionId = (): string => crypto.randomUUID();
