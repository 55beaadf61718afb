// What each mutation does to the cached entity on the device before the server answers (the optimistic
// view), which entity it targets, and the checks the device can make first. Pure: (entity data, args) -> data.
import type { EntityName } from './protocol';
import type { MutationArgs, MutationName } from './mutations';
import { isMutationName } from './mutations';
import { checkStatusTransition } from '../rules/appointment-status';
import type { AppointmentStatus } from '../domain/appointment';
import type { FieldRequestStatus } from '../domain/dispatch';
import { STARTED_STATUSES } from '../domain/dispatch';

export type EntityData = Record<string, unknown>;
export type CachedEntityName = Exclude<EntityName, 'access'>;

/** What the effect may depend on besides the data and the args (never used to order anything). */
export interface EffectContext {
  userId: string;
  nowIso: string;
}

export interface MutationTarget {
  entity: CachedEntityName;
  id: string;
  /** The patient the entity belongs to when the args say so (otherwise the device looks it up). */
  patientId: string | null;
}

/** Mutations whose server handler compares baseVersion (a stale one is rejected, not applied). */
export const VERSION_CHECKED_MUTATIONS: ReadonlySet<MutationName> = new Set<MutationName>(['note.saveDraft', 'fieldRequest.assign']);

/** Mutations where a newer unsent save of the same entity replaces the older one (every field is sent). */
export const COALESCING_MUTATIONS: ReadonlySet<MutationName> = new Set<MutationName>(['note.saveDraft']);

const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

/** The entity a mutation changes, or null when the name or args are not understood. */
export function mutationTarget(name: string, args: unknown): MutationTarget | null {
  if (!isMutationName(name) || typeof args !== 'object' || args === null) return null;
  const a = args as Record<string, unknown>;
  switch (name) {
    case 'patient.updateContact':
    case 'patient.confirmLocation': {
      const id = str(a.patientId);
      return id ? { entity: 'patient', id, patientId: id } : null;
    }
    case 'appointment.setStatus': {
      const id = str(a.appointmentId);
      return id ? { entity: 'appointment', id, patientId: null } : null;
    }
    case 'note.saveDraft': {
      const id = str(a.noteId);
      return id ? { entity: 'note', id, patientId: str(a.patientId) } : null;
    }
    case 'fieldRequest.assign':
    case 'fieldRequest.setStatus': {
      const id = str(a.requestId);
      return id ? { entity: 'fieldRequest', id, patientId: null } : null;
    }
  }
}

export type LocalCheck = { ok: true } | { ok: false; message: string };

/**
 * Checks the device can make against its cached view before queueing (the server checks again on its own
 * state). Messages are plain and PHI-free.
 */
export function checkLocally<N extends MutationName>(name: N, data: EntityData | null, args: MutationArgs<N>): LocalCheck {
  if (name === 'appointment.setStatus' && data) {
    const { status } = args as MutationArgs<'appointment.setStatus'>;
    return checkStatusTransition(data.status as AppointmentStatus, status);
  }
  if (name === 'note.saveDraft' && data) {
    const a = args as MutationArgs<'note.saveDraft'>;
    if (data.status === 'signed') return { ok: false, message: 'This note is signed and can no longer be edited; add an addendum instead.' };
    if (data.patientId !== a.patientId) return { ok: false, message: 'This note belongs to another patient.' };
  }
  if (name === 'fieldRequest.assign' && data) {
    if (STARTED_STATUSES.includes(data.status as FieldRequestStatus)) return { ok: false, message: 'This visit has already started and cannot be moved.' };
    if (data.status === 'cancelled') return { ok: false, message: 'This request was cancelled.' };
  }
  return { ok: true };
}

function updateContact(data: EntityData | null, args: MutationArgs<'patient.updateContact'>): EntityData | null {
  if (!data) return null;
  const f = args.fields;
  const next: EntityData = { ...data };
  const address = { ...((data.address as Record<string, unknown> | undefined) ?? {}) };
  if (f.phone !== undefined) next.phone = f.phone;
  if (f.email !== undefined) next.email = f.email;
  if (f.addressLine !== undefined) address.line = f.addressLine;
  if (f.addressCity !== undefined) address.city = f.addressCity;
  if (f.addressState !== undefined) address.state = f.addressState;
  if (f.postalCode !== undefined) address.postalCode = f.postalCode;
  next.address = address;
  return next;
}

function saveDraft(data: EntityData | null, args: MutationArgs<'note.saveDraft'>, ctx: EffectContext): EntityData {
  if (!data) {
    return {
      id: args.noteId, patientId: args.patientId, appointmentId: args.appointmentId, authorId: ctx.userId,
      status: 'draft', sections: { ...args.sections }, version: 0, updatedAt: ctx.nowIso,
    };
  }
  return { ...data, sections: { ...args.sections }, updatedAt: ctx.nowIso };
}

/**
 * The entity as the device shows it once the mutation is applied locally. Null in, null out, except for
 * mutations that create their entity (note.saveDraft). Unknown names and malformed args change nothing.
 */
export function applyLocalEffect(name: string, data: EntityData | null, args: unknown, ctx: EffectContext): EntityData | null {
  if (!isMutationName(name) || typeof args !== 'object' || args === null) return data;
  try {
    switch (name) {
      case 'patient.updateContact':
        return updateContact(data, args as MutationArgs<'patient.updateContact'>);
      case 'patient.confirmLocation':
        return data ? { ...data, locationState: (args as MutationArgs<'patient.confirmLocation'>).locationState } : null;
      case 'appointment.setStatus':
        return data ? { ...data, status: (args as MutationArgs<'appointment.setStatus'>).status } : null;
      case 'note.saveDraft':
        return saveDraft(data, args as MutationArgs<'note.saveDraft'>, ctx);
      case 'fieldRequest.assign': {
        const { assigneeId } = args as MutationArgs<'fieldRequest.assign'>;
        if (!data) return null;
        return assigneeId === null
          ? { ...data, assigneeId: null, assigneeName: null, status: 'unassigned', routePosition: null, plannedArrival: null }
          : { ...data, assigneeId, status: 'assigned' };
      }
      case 'fieldRequest.setStatus':
        return data ? { ...data, status: (args as MutationArgs<'fieldRequest.setStatus'>).status, statusAt: ctx.nowIso } : null;
    }
  } catch {
    return data; // args of an unexpected shape (e.g. queued by an older version): leave the view as it was
  }
}

/** Applies pending mutations in order on top of the server's state: the device's current view. */
export function foldLocalEffects(
  server: EntityData | null, pending: ReadonlyArray<{ name: string; args: unknown }>, ctx: EffectContext,
): EntityData | null {
  let data = server;
  for (const m of pending) data = applyLocalEffect(m.name, data, m.args, ctx);
  return data;
}
