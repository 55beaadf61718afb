// Reads for the live-query hooks: Dexie reads first, then decryption (wrapped in Promise.resolve, as Dexie's
// liveQuery requires for non-Dexie async work), so the hooks re-run whenever the rows they read change.
import type { Allergy, Medication, Problem } from '../../shared/domain/patient';
import type { EntityState } from '../../shared/sync/protocol';
import type { MutationName } from '../../shared/sync/mutations';
import type { CachedEntityName, EntityData } from '../../shared/sync/local-effects';
import type { CacheCore } from './cache';
import type { ConflictItem, LocalAppointment, LocalChart, LocalEncounter, LocalFieldRequest, LocalNote, LocalPatient, LocalPrescription, LocalQueueRequest, LocalTask, LocalVital } from './contract';
import { label, unseal } from './crypto';
import { DataError } from './errors';
import { dispatchKeyOf, entityKey, openView } from './entity-store';
import { allMemberRows, membersOf } from './chart-groups';
import { isChartGroupEntity } from '../../shared/sync/chart-groups';
import type { EntityRow, LegacySealed, Sealed } from './schema';

/**
 * Decrypted views already opened, per open cache (dropped with it at lock and sign-out), keyed by the entity and
 * the random IV of the sealed value shown: a re-sealed (changed) row has a new IV, so an entry is never stale.
 * Saves re-decrypting thousands of rows each time a screen (week view, patient list) reads them again.
 */
const openedViews = new WeakMap<CacheCore, Map<string, EntityData | null>>();
const MAX_OPENED_VIEWS = 60_000;

function openedCache(core: CacheCore): Map<string, EntityData | null> {
  let cache = openedViews.get(core);
  if (!cache) {
    cache = new Map();
    openedViews.set(core, cache);
  }
  return cache;
}

function viewCacheKey(ek: string, row: EntityRow): string | null {
  const sealed: Sealed | LegacySealed | null = row.loc ?? row.srv;
  if (!sealed) return null;
  // The IV is fresh for every seal, so it identifies this exact sealed value (the first 12 bytes; older rows: .iv).
  const iv = sealed instanceof Uint8Array ? sealed.subarray(0, 12) : (sealed as LegacySealed).iv;
  return `${ek}|${String.fromCharCode(...iv)}`;
}

async function openViewCached(core: CacheCore, cache: Map<string, EntityData | null>, ek: string, row: EntityRow): Promise<EntityData | null> {
  const cacheKey = viewCacheKey(ek, row);
  if (cacheKey !== null && cache.has(cacheKey)) return cache.get(cacheKey)!;
  const data = await openView(core.key, ek, row);
  if (cacheKey !== null) {
    if (cache.size >= MAX_OPENED_VIEWS) cache.clear();
    cache.set(cacheKey, data);
  }
  return data;
}

async function views<T>(core: CacheCore, entity: CachedEntityName, rows: readonly EntityRow[]): Promise<Array<T & { pending: boolean }>> {
  const cache = openedCache(core);
  try {
    const opened = await Promise.resolve(Promise.all(rows.map((row) => openViewCached(core, cache, entityKey(entity, row.id), row))));
    const out: Array<T & { pending: boolean }> = [];
    opened.forEach((data, i) => {
      if (data) out.push({ ...(data as T), pending: rows[i]!.pending > 0 });
    });
    return out;
  } catch {
    throw new DataError('locked', 'Offline data on this device cannot be read.');
  }
}

const byStart = (a: { startsAt: string }, b: { startsAt: string }) => a.startsAt.localeCompare(b.startsAt);
const byName = (a: LocalPatient, b: LocalPatient) => a.familyName.localeCompare(b.familyName) || a.givenName.localeCompare(b.givenName);
const byUpdatedDesc = (a: LocalNote, b: LocalNote) => b.updatedAt.localeCompare(a.updatedAt);
const bySignedDesc = (a: LocalPrescription, b: LocalPrescription) => b.signedAt.localeCompare(a.signedAt);

/** Appointments starting in [from, to), of one clinician (or everyone's when clinicianId is null). */
export async function queryAppointmentsInRange(core: CacheCore, fromIso: string, toIso: string, clinicianId: string | null): Promise<LocalAppointment[]> {
  const from = new Date(fromIso).toISOString();
  const to = new Date(toIso).toISOString();
  if (!(from < to)) return [];
  const table = core.db.appointments;
  const rows = clinicianId
    ? await table.where('[clinicianId+startsAt]').between([clinicianId, from], [clinicianId, to], true, false).toArray()
    : await table.where('startsAt').between(from, to, true, false).toArray();
  return (await views<LocalAppointment>(core, 'appointment', rows)).sort(byStart);
}

export async function queryPatients(core: CacheCore): Promise<LocalPatient[]> {
  const rows = (await core.db.charts.toArray()).flatMap((group) => membersOf(group, 'patient'));
  return (await views<LocalPatient>(core, 'patient', rows)).sort(byName);
}

export async function queryPatient(core: CacheCore, patientId: string): Promise<LocalPatient | null> {
  const [row] = membersOf(await core.db.charts.get(patientId), 'patient');
  return row ? ((await views<LocalPatient>(core, 'patient', [row]))[0] ?? null) : null;
}

const strip = <T>(items: Array<T & { pending: boolean }>): T[] =>
  items.map((item) => {
    const { pending: _pending, patientId: _patientId, ...rest } = item as T & { pending: boolean; patientId?: unknown };
    return rest as T;
  });

/** Everything cached about one patient; null when the patient is not on this device. */
export async function queryPatientChart(core: CacheCore, patientId: string): Promise<LocalChart | null> {
  const { db } = core;
  const group = await db.charts.get(patientId);
  const [patientRow] = membersOf(group, 'patient');
  if (!patientRow) return null;
  const [appointmentRows, noteRows, rxRows] = await Promise.all([
    db.appointments.where('patientId').equals(patientId).toArray(),
    db.notes.where('patientId').equals(patientId).toArray(),
    db.prescriptions.where('patientId').equals(patientId).toArray(),
  ]);
  const allergyRows = membersOf(group, 'allergy');
  const medicationRows = membersOf(group, 'medication');
  const problemRows = membersOf(group, 'problem');
  const encounterRows = membersOf(group, 'encounter');
  const vitalRows = membersOf(group, 'vital');
  const [patient, allergies, medications, problems, appointments, notes, prescriptions, encounters, vitals] = await Promise.all([
    views<LocalPatient>(core, 'patient', [patientRow]),
    views<Allergy>(core, 'allergy', allergyRows),
    views<Medication>(core, 'medication', medicationRows),
    views<Problem>(core, 'problem', problemRows),
    views<LocalAppointment>(core, 'appointment', appointmentRows),
    views<LocalNote>(core, 'note', noteRows),
    views<LocalPrescription>(core, 'prescription', rxRows),
    views<LocalEncounter>(core, 'encounter', encounterRows),
    views<LocalVital>(core, 'vital', vitalRows),
  ]);
  if (!patient[0]) return null;
  return {
    patient: patient[0],
    allergies: strip(allergies).sort((a, b) => a.substance.localeCompare(b.substance)),
    medications: strip(medications).sort((a, b) => a.status.localeCompare(b.status) || a.name.localeCompare(b.name)),
    problems: strip(problems).sort((a, b) => a.status.localeCompare(b.status) || a.description.localeCompare(b.description)),
    appointments: appointments.sort(byStart),
    notes: notes.sort(byUpdatedDesc),
    prescriptions: prescriptions.sort(bySignedDesc),
    encounters: strip(encounters).sort((a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? '')),
    vitals: strip(vitals).sort((a, b) => b.effectiveAt.localeCompare(a.effectiveAt)),
  };
}

export async function queryNote(core: CacheCore, noteId: string): Promise<LocalNote | null> {
  const row = await core.db.notes.get(noteId);
  return row ? ((await views<LocalNote>(core, 'note', [row]))[0] ?? null) : null;
}

/** The signed-in user's note for an appointment (the most recently edited one if there are several). */
export async function queryNoteForAppointment(core: CacheCore, appointmentId: string): Promise<LocalNote | null> {
  const rows = await core.db.notes.where('appointmentId').equals(appointmentId).toArray();
  const notes = (await views<LocalNote>(core, 'note', rows)).filter((n) => n.authorId === core.userId).sort(byUpdatedDesc);
  return notes[0] ?? null;
}

/** Prescriptions written in one visit, newest first. */
export async function queryPrescriptionsForAppointment(core: CacheCore, appointmentId: string): Promise<LocalPrescription[]> {
  const rows = await core.db.prescriptions.where('appointmentId').equals(appointmentId).toArray();
  return (await views<LocalPrescription>(core, 'prescription', rows)).sort(bySignedDesc);
}

/** The signed-in user's inbox tasks: open ones first, newest first within each. */
export async function queryInboxTasks(core: CacheCore): Promise<LocalTask[]> {
  const rows = await core.db.tasks.toArray();
  return (await views<LocalTask>(core, 'task', rows)).sort((a, b) => a.status.localeCompare(b.status) * -1 || b.createdAt.localeCompare(a.createdAt));
}

/** Every on-demand queue request on this device (the server sends only those in the user's scope), unordered. */
export async function queryQueueRequests(core: CacheCore): Promise<LocalQueueRequest[]> {
  return views<LocalQueueRequest>(core, 'queue', await core.db.queue.toArray());
}

export async function queryConflicts(core: CacheCore): Promise<ConflictItem[]> {
  const rows = (await core.db.conflicts.orderBy('createdAt').toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.seq - b.seq);
  try {
    return await Promise.resolve(
      Promise.all(
        rows.map(async (c): Promise<ConflictItem> => ({
          id: c.id,
          name: c.name as MutationName,
          reason: c.reason,
          message: c.message,
          mine: await unseal(core.key, c.mine, label.args(c.entityKey)),
          theirs: c.theirs ? await unseal<EntityState>(core.key, c.theirs, label.theirs(c.id)) : null,
          createdAt: c.createdAt,
        })),
      ),
    );
  } catch {
    throw new DataError('locked', 'Offline data on this device cannot be read.');
  }
}

/** Every cached entity's current view by table, for tests and diagnostics (never logged: it is PHI). */
export async function queryAllViews(core: CacheCore, entity: CachedEntityName): Promise<Array<EntityData & { pending: boolean }>> {
  const rows = isChartGroupEntity(entity) ? await allMemberRows(core.db, entity) : await core.db.entityTable(entity).toArray();
  return views<EntityData>(core, entity, rows);
}

/** A city's field requests for a day (the dispatch board), earliest window first. */
export async function queryFieldRequestsForDay(core: CacheCore, cityId: string, date: string): Promise<LocalFieldRequest[]> {
  const rows = await core.db.fieldRequests.where('dispatchKey').equals(dispatchKeyOf(cityId, date)).toArray();
  return (await views<LocalFieldRequest>(core, 'fieldRequest', rows)).sort((a, b) => a.windowStart.localeCompare(b.windowStart) || a.id.localeCompare(b.id));
}

/** The field request behind a home visit on the schedule, or null when the visit was not dispatched. */
export async function queryFieldRequestForAppointment(core: CacheCore, appointmentId: string): Promise<LocalFieldRequest | null> {
  const rows = await core.db.fieldRequests.where('appointmentId').equals(appointmentId).toArray();
  return (await views<LocalFieldRequest>(core, 'fieldRequest', rows))[0] ?? null;
}
