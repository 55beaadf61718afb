// Live-query hooks for features: they re-render when the cached rows change (in any window of the profile).
// Each returns undefined while loading (or when no data layer is open); null means "not on this device".
import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from 'zustand';
import type { DataLayer } from '../sync/data-layer';
import { useActiveLayerStore } from './active-layer';
import type { ConflictItem, LocalAppointment, LocalChart, LocalFieldRequest, LocalNote, LocalPatient, SyncStatus } from './contract';
import {
  queryAppointmentsInRange, queryConflicts, queryFieldRequestForAppointment, queryFieldRequestsForDay, queryNote, queryNoteForAppointment, queryPatient, queryPatientChart, queryPatients,
} from './queries';
import type { EngineStatus } from './status';
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

export function useConflicts(): ConflictItem[] | undefined {
  return useLayerQuery((layer) => queryConflicts(layer.core), []);
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
