// Live-query hooks for features: they re-render when the cached rows change (in any window of the profile).
// Each returns undefined while loading (or when no data layer is open); null means "not on this device".
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from 'zustand';
import type { DataLayer } from '../sync/data-layer';
import { useActiveLayerStore } from './active-layer';
import type { ConflictItem, LocalAppointment, LocalChart, LocalFieldRequest, LocalNote, LocalPatient, LocalPrescription, LocalQueueRequest, LocalTask, SyncStatus } from './contract';
import {
  queryAppointmentsInRange, queryConflicts, queryInboxTasks, queryNote, queryNoteForAppointment, queryPatient, queryPatientChart, queryPatients,
  queryPrescriptionsForAppointment, queryQueueRequests, queryFieldRequestForAppointment, queryFieldRequestsForDay,
} from './queries';
import { queryConversations, queryThread, queryUnreadTotal } from './chat-queries';
import type { LocalConversation, LocalMessage } from './contract';
import type { EngineStatus } from './status';
import type { Icd10Index } from '../../shared/notes/icd10-search';
import { icd10Index, storedIcd10Release } from './icd10-reference';
import { SIGNED_OUT_STATUS, composeSyncStatus, createEngineStatusStore, initialEngineStatus, readCacheCounts } from './status';

const useLayer = (): DataLayer | null => useActiveLayerStore((s) => s.layer);

function useLayerQuery<T>(query: (layer: DataLayer) => Promise<T>, deps: unknown[]): T | undefined {
  const layer = useLayer();
  return useLiveQuery(() => (layer ? query(layer) : undefined), [layer, ...deps]);
}

export interface AppointmentRangeOptions {
  /** Whose appointments: a clinician's id, or null for everyone's in the cache. Default: the signed-in user's. */
  clinicianId?: string | null;
}

/** Appointments starting in [fromIso, toIso), earliest first. */
export function useAppointmentsInRange(fromIso: string, toIso: string, options: AppointmentRangeOptions = {}): LocalAppointment[] | undefined {
  const clinician = options.clinicianId;
  return useLayerQuery((layer) => queryAppointmentsInRange(layer.core, fromIso, toIso, clinician === undefined ? layer.userId : clinician), [fromIso, toIso, clinician]);
}

/** Every cached patient, by family then given name. */
export function usePatients(): LocalPatient[] | undefined {
  return useLayerQuery((layer) => queryPatients(layer.core), []);
}

export function usePatient(patientId: string): LocalPatient | null | undefined {
  return useLayerQuery((layer) => queryPatient(layer.core, patientId), [patientId]);
}

export function usePatientChart(patientId: string): LocalChart | null | undefined {
  return useLayerQuery((layer) => queryPatientChart(layer.core, patientId), [patientId]);
}

export function useNote(noteId: string): LocalNote | null | undefined {
  return useLayerQuery((layer) => queryNote(layer.core, noteId), [noteId]);
}

/** The signed-in user's note for an appointment, or null when there is none yet. */
export function useNoteForAppointment(appointmentId: string): LocalNote | null | undefined {
  return useLayerQuery((layer) => queryNoteForAppointment(layer.core, appointmentId), [appointmentId]);
}

/** Prescriptions written in one visit (with their delivery status), newest first. */
export function usePrescriptionsForAppointment(appointmentId: string): LocalPrescription[] | undefined {
  return useLayerQuery((layer) => queryPrescriptionsForAppointment(layer.core, appointmentId), [appointmentId]);
}

/** The signed-in user's inbox tasks (e.g. failed deliveries), open first. */
export function useInboxTasks(): LocalTask[] | undefined {
  return useLayerQuery((layer) => queryInboxTasks(layer.core), []);
}

/** The on-demand queue requests on this device (order and eligibility are the feature's: shared/rules/queue). */
export function useQueueRequests(): LocalQueueRequest[] | undefined {
  return useLayerQuery((layer) => queryQueueRequests(layer.core), []);
}

export function useConflicts(): ConflictItem[] | undefined {
  return useLayerQuery((layer) => queryConflicts(layer.core), []);
}

/** The offline ICD-10-CM search index; null while the device has no code list yet (first sign-in offline). */
export function useIcd10Index(): Icd10Index | null | undefined {
  const layer = useLayer();
  const release = useLiveQuery(() => (layer ? storedIcd10Release(layer.core.db) : undefined), [layer]);
  return useLiveQuery(() => (layer && release !== undefined ? icd10Index(layer.core.db) : undefined), [layer, release]);
}

/** Conversations on this device, most recent first, with unread counts. */
export function useConversations(): LocalConversation[] | undefined {
  return useLayerQuery((layer) => queryConversations(layer.core), []);
}

/** A conversation (null until the server has it) and its messages in server order, unsent ones last. */
export function useThread(conversationId: string): { conversation: LocalConversation | null; messages: LocalMessage[] } | undefined {
  return useLayerQuery((layer) => queryThread(layer.core, conversationId), [conversationId]);
}

/** Unread messages across all conversations. */
export function useUnreadMessageCount(): number | undefined {
  return useLayerQuery((layer) => queryUnreadTotal(layer.core), []);
}

/** A city's field requests for a day (dispatchers), earliest window first. */
export function useFieldRequestsForDay(cityId: string, date: string): LocalFieldRequest[] | undefined {
  return useLayerQuery((layer) => queryFieldRequestsForDay(layer.core, cityId, date), [cityId, date]);
}

/** The field request behind a home visit (its assignee reports progress on it), or null. */
export function useFieldRequestForAppointment(appointmentId: string): LocalFieldRequest | null | undefined {
  return useLayerQuery((layer) => queryFieldRequestForAppointment(layer.core, appointmentId), [appointmentId]);
}

const idleStore = createEngineStatusStore();

/** The honest sync status: pending and conflict counts from the cache, reachability and phase from the engine. */
export function useSyncStatus(): SyncStatus {
  const layer = useLayer();
  const openError = useActiveLayerStore((s) => s.error);
  const engine: EngineStatus = useStore(layer?.core.status ?? idleStore);
  const counts = useLiveQuery(() => (layer ? readCacheCounts(layer.core.db) : undefined), [layer]);
  if (!layer) return openError ? { ...SIGNED_OUT_STATUS, lastError: openError } : SIGNED_OUT_STATUS;
  return composeSyncStatus(counts ? engine : { ...initialEngineStatus, storageWarning: engine.storageWarning }, counts ?? { pendingCount: 0, conflictCount: 0, lastSyncedAt: null });
}
