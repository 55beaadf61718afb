// What each mutation does to the cached entity on the device before the server answers (the optimistic
// view), which entity it targets, and the checks the device can make first. Pure: (entity data, args) -> data.
import type { EntityName } from './protocol';
import type { MutationArgs, MutationName } from './mutations';
import { isMutationName } from './mutations';
import { checkStatusTransition } from '../rules/appointment-status';
import type { AppointmentStatus } from '../domain/appointment';
import { curatedFormulary } from '../rx/formulary';
import { checkBookingTimes } from '../rules/booking';
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
export const VERSION_CHECKED_MUTATIONS: ReadonlySet<MutationName> = new Set<MutationName>(['note.saveDraft', 'queue.take', 'fieldRequest.assign']);

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
    case 'appointment.setStatus':
    case 'appointment.reschedule': {
      const id = str(a.appointmentId);
      return id ? { entity: 'appointment', id, patientId: null } : null;
    }
    case 'appointment.book': {
      const id = str(a.appointmentId);
      return id ? { entity: 'appointment', id, patientId: str(a.patientId) } : null;
    }
    case 'queue.take': {
      const id = str(a.requestId);
      return id ? { entity: 'queue', id, patientId: null } : null;
    }
    case 'note.saveDraft':
    case 'note.sign':
    case 'note.addAddendum': {
      const id = str(a.noteId);
      return id ? { entity: 'note', id, patientId: str(a.patientId) } : null;
    }
    case 'rx.sign': {
      const id = str(a.prescriptionId);
      return id ? { entity: 'prescription', id, patientId: str(a.patientId) } : null;
    }
    case 'rx.cancel': {
      const id = str(a.prescriptionId);
      return id ? { entity: 'prescription', id, patientId: null } : null;
    }
    case 'task.complete': {
      const id = str(a.taskId);
      return id ? { entity: 'task', id, patientId: null } : null;
    }
    case 'message.send': {
      const id = str(a.messageId);
      return id ? { entity: 'message', id, patientId: null } : null;
    }
    case 'message.markRead': {
      const id = str(a.conversationId);
      return id ? { entity: 'conversation', id, patientId: null } : null;
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
  if (name === 'appointment.book' || name === 'appointment.reschedule') {
    const a = args as MutationArgs<'appointment.reschedule'>;
    if (name === 'appointment.book' && data) return { ok: false, message: 'This appointment already exists.' };
    if (name === 'appointment.reschedule' && data && data.status !== 'booked') return { ok: false, message: 'Only a booked visit can be rescheduled.' };
    const times = checkBookingTimes(a.startsAt, a.endsAt);
    if (!times.ok) return times;
  }
  if (name === 'queue.take' && data && data.status !== 'waiting') {
    return { ok: false, message: data.status === 'taken' ? 'This patient was already taken by another clinician.' : 'This request was cancelled.' };
  }
  if (name === 'note.saveDraft' && data) {
    const a = args as MutationArgs<'note.saveDraft'>;
    if (data.status === 'signed') return { ok: false, message: 'This note is signed and can no longer be edited; add an addendum instead.' };
    if (data.patientId !== a.patientId) return { ok: false, message: 'This note belongs to another patient.' };
  }
  if (name === 'rx.sign') {
    if (data) return { ok: false, message: 'This prescription is already signed; change it to make a new one.' };
    const a = args as MutationArgs<'rx.sign'>;
    const product = curatedFormulary().byCode.get(a.order.rxcui);
    if (!product) return { ok: false, message: `RxNorm code ${a.order.rxcui} is not in the formulary.` };
    if (product.schedule !== 'none') return { ok: false, message: 'Controlled substances are signed online with your authenticator code.' };
  }
  if (name === 'rx.cancel' && data && data.status !== 'active') return { ok: false, message: 'Only an active prescription can be cancelled.' };
  if (name === 'task.complete' && data && data.status === 'done') return { ok: false, message: 'This task is already done.' };
  if (name === 'note.sign') {
    const a = args as MutationArgs<'note.sign'>;
    if (!data) return { ok: false, message: 'Write the note before signing it.' };
    if (data.status === 'signed') return { ok: false, message: 'This note is already signed.' };
    if (data.patientId !== a.patientId) return { ok: false, message: 'This note belongs to another patient.' };
  }
  if (name === 'note.addAddendum') {
    if (!data || data.status !== 'signed') return { ok: false, message: 'An addendum can only be added to a signed note.' };
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

function signRx(data: EntityData | null, args: MutationArgs<'rx.sign'>, ctx: EffectContext): EntityData | null {
  if (data) return data; // signed content never changes
  const product = curatedFormulary().byCode.get(args.order.rxcui);
  return {
    id: args.prescriptionId, patientId: args.patientId, appointmentId: args.appointmentId, prescriberId: ctx.userId, prescriberName: '',
    rxcui: args.order.rxcui, drugName: product?.name ?? args.order.rxcui, schedule: product?.schedule ?? 'none', order: args.order,
    overrides: args.overrides.map((o) => ({ ...o, kind: 'order', message: '' })), status: 'active', supersedesId: args.supersedesId,
    supersededById: null, cancelReason: null, signedAt: ctx.nowIso, contentHash: '', delivery: null, version: 0,
  };
}

function signNote(data: EntityData | null, args: MutationArgs<'note.sign'>, ctx: EffectContext): EntityData | null {
  if (!data) return null;
  return { ...data, status: 'signed', signedBy: ctx.userId, signedAt: ctx.nowIso, contentHash: args.contentHash };
}

function addAddendum(data: EntityData | null, args: MutationArgs<'note.addAddendum'>, ctx: EffectContext): EntityData | null {
  if (!data) return null;
  const addenda = Array.isArray(data.addenda) ? (data.addenda as Array<{ id: string }>) : [];
  if (addenda.some((a) => a.id === args.addendumId)) return data;
  const added = { id: args.addendumId, text: args.text, authorId: ctx.userId, signedAt: ctx.nowIso, contentHash: args.contentHash };
  return { ...data, addenda: [...addenda, added] };
}

function sendMessage(data: EntityData | null, args: MutationArgs<'message.send'>, ctx: EffectContext): EntityData {
  if (data) return data; // already sent (a message never changes)
  return {
    id: args.messageId, conversationId: args.conversationId, patientId: null, seq: null, senderKind: 'staff', senderUserId: ctx.userId,
    senderName: '', body: args.body, attachment: args.attachmentId ? { id: args.attachmentId, contentType: null, byteSize: null } : null,
    sentAt: ctx.nowIso,
  };
}

function markRead(data: EntityData | null, args: MutationArgs<'message.markRead'>, ctx: EffectContext): EntityData | null {
  if (!data) return null;
  const receipts = { ...((data.receipts as Record<string, { deliveredSeq: number; readSeq: number }> | undefined) ?? {}) };
  const key = `user:${ctx.userId}`;
  const mine = receipts[key] ?? { deliveredSeq: 0, readSeq: 0 };
  receipts[key] = { deliveredSeq: Math.max(mine.deliveredSeq, args.upToSeq), readSeq: Math.max(mine.readSeq, args.upToSeq) };
  return { ...data, receipts };
}

function book(args: MutationArgs<'appointment.book'>, ctx: EffectContext): EntityData {
  return {
    id: args.appointmentId, patientId: args.patientId, clinicianId: ctx.userId, kind: args.kind, status: 'booked',
    startsAt: new Date(args.startsAt).toISOString(), endsAt: new Date(args.endsAt).toISOString(), reason: args.reason, cityId: null,
    version: 0, patientName: '', patientLocationState: null, checkedInAt: null,
  };
}

/**
 * The entity as the device shows it once the mutation is applied locally. Null in, null out, except for
 * mutations that create their entity (note.saveDraft, appointment.book, rx.sign, message.send). Unknown names and malformed args change nothing.
 */
export function applyLocalEffect(name: string, data: EntityData | null, args: unknown, ctx: EffectContext): EntityData | null {
  if (!isMutationName(name) || typeof args !== 'object' || args === null) return data;
  try {
    switch (name) {
      case 'patient.updateContact':
        return updateContact(data, args as MutationArgs<'patient.updateContact'>);
      case 'patient.confirmLocation':
        return data ? { ...data, locationState: (args as MutationArgs<'patient.confirmLocation'>).locationState } : null;
      case 'appointment.setStatus': {
        const { status } = args as MutationArgs<'appointment.setStatus'>;
        return data ? { ...data, status, ...(status === 'checked_in' ? { checkedInAt: ctx.nowIso } : {}) } : null;
      }
      case 'appointment.book':
        return data ?? book(args as MutationArgs<'appointment.book'>, ctx);
      case 'appointment.reschedule': {
        const a = args as MutationArgs<'appointment.reschedule'>;
        return data ? { ...data, startsAt: new Date(a.startsAt).toISOString(), endsAt: new Date(a.endsAt).toISOString() } : null;
      }
      case 'queue.take': {
        const a = args as MutationArgs<'queue.take'>;
        return data ? { ...data, status: 'taken', takenBy: ctx.userId, takenAt: ctx.nowIso, appointmentId: a.appointmentId } : null;
      }
      case 'note.saveDraft':
        return saveDraft(data, args as MutationArgs<'note.saveDraft'>, ctx);
      case 'rx.sign':
        return signRx(data, args as MutationArgs<'rx.sign'>, ctx);
      case 'rx.cancel':
        return data ? { ...data, status: 'cancelled', cancelReason: (args as MutationArgs<'rx.cancel'>).reason } : null;
      case 'task.complete':
        return data ? { ...data, status: 'done' } : null;
      case 'note.sign':
        return signNote(data, args as MutationArgs<'note.sign'>, ctx);
      case 'note.addAddendum':
        return addAddendum(data, args as MutationArgs<'note.addAddendum'>, ctx);
      case 'message.send':
        return sendMessage(data, args as MutationArgs<'message.send'>, ctx);
      case 'message.markRead':
        return markRead(data, args as MutationArgs<'message.markRead'>, ctx);
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
