// Turns a rejected change (ConflictItem) into what a person reads: a title, the reason in plain words, and
// both versions side by side as labelled lines. Pure; the server's data is read defensively.
import { AppointmentStatusSchema } from '../../../shared/domain/appointment';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { NoteSectionsSchema } from '../../../shared/domain/note';
import { mutationArgs } from '../../../shared/sync/mutations';
import { curatedFormulary } from '../../../shared/rx/formulary';
import type { RejectionReason } from '../../../shared/sync/protocol';
import type { ConflictItem } from '../../data';

export interface VersionLine {
  label: string;
  value: string;
}

/** One side of a conflict: labelled lines, or a sentence when there is nothing to show. */
export type VersionView = { lines: VersionLine[] } | { note: string };

export interface ConflictView {
  title: string;
  reason: string;
  mine: VersionView;
  theirs: VersionView;
  patientId: string | null;
}

const REASONS: Record<RejectionReason, string> = {
  stale_version: 'This was changed on another device or by someone else before your change reached the server.',
  rule_violation: 'The server could not apply your change as it stands now.',
  forbidden: 'You no longer have access to this patient, so the server refused the change.',
  not_found: 'The server no longer has this record, or it is no longer on your schedule.',
  invalid_args: 'The change was not complete or not valid, so the server could not apply it.',
  unknown_mutation: 'This version of Housecall sent a kind of change the server does not know. Update Housecall.',
  out_of_order: 'Your changes reached the server out of order.',
};

export const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_progress: 'In progress',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

const SECTION_LABELS = [
  ['subjective', 'Subjective'],
  ['objective', 'Objective'],
  ['assessment', 'Assessment'],
  ['plan', 'Plan'],
] as const;

const CONTACT_LABELS = [
  ['phone', 'Phone'],
  ['email', 'Email'],
  ['addressLine', 'Address'],
  ['addressCity', 'City'],
  ['addressState', 'State'],
  ['postalCode', 'ZIP code'],
] as const;

const EMPTY = '(empty)';

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}

const text = (value: unknown): string => (typeof value === 'string' && value.trim() !== '' ? value : value === null ? 'None' : EMPTY);

function sectionLines(value: unknown): VersionView {
  const parsed = NoteSectionsSchema.safeParse(value);
  if (!parsed.success) return { note: 'The note text could not be read.' };
  return { lines: SECTION_LABELS.map(([key, label]) => ({ label, value: parsed.data[key] || EMPTY })) };
}

const sectionLinesOf = (value: unknown): VersionLine[] => {
  const view = sectionLines(value);
  return 'lines' in view ? view.lines : [];
};

function statusLine(value: unknown): VersionView {
  const parsed = AppointmentStatusSchema.safeParse(value);
  return parsed.success ? { lines: [{ label: 'Status', value: STATUS_WORDS[parsed.data] }] } : { note: 'The status could not be read.' };
}

/** The server's wire form of a patient keeps the address nested; flatten it like the mutation's fields. */
function patientContact(data: Record<string, unknown>): Record<string, unknown> {
  const address = record(data.address) ?? {};
  return { phone: data.phone, email: data.email, addressLine: address.line, addressCity: address.city, addressState: address.state, postalCode: address.postalCode };
}

function theirsView(conflict: ConflictItem, pick: (data: Record<string, unknown>) => VersionView): VersionView {
  if (!conflict.theirs) return { note: 'The server did not send its version (for example because you no longer have access).' };
  if (conflict.theirs.deleted) return { note: 'This record was removed on the server.' };
  const data = record(conflict.theirs.data);
  return data ? pick(data) : { note: 'The server did not send its version.' };
}

const unreadable = (title: string, conflict: ConflictItem): ConflictView => ({
  title,
  reason: reasonText(conflict),
  mine: { note: 'This change could not be read.' },
  theirs: { note: 'Not available.' },
  patientId: null,
});

export function reasonText(conflict: ConflictItem): string {
  return REASONS[conflict.reason] ?? 'The server refused this change.';
}

/** `patientName` finds a name for a patient id in the local cache (null when unknown). */
export function conflictView(conflict: ConflictItem, patientName: (id: string) => string | null): ConflictView {
  const who = (id: string | null | undefined): string => (id ? (patientName(id) ?? 'a patient') : 'a patient');
  switch (conflict.name) {
    case 'note.saveDraft': {
      const mine = mutationArgs['note.saveDraft'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Visit note', conflict);
      return {
        title: `Visit note for ${who(mine.data.patientId)}`,
        reason: reasonText(conflict),
        mine: sectionLines(mine.data.sections),
        theirs: theirsView(conflict, (data) => sectionLines(data.sections)),
        patientId: mine.data.patientId,
      };
    }
    case 'appointment.setStatus': {
      const mine = mutationArgs['appointment.setStatus'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Appointment status', conflict);
      const data = record(conflict.theirs?.data);
      const patientId = typeof data?.patientId === 'string' ? data.patientId : null;
      const name = patientId ? patientName(patientId) : null;
      const fallback = typeof data?.patientName === 'string' ? data.patientName : null;
      return {
        title: `Appointment status for ${name ?? fallback ?? 'a patient'}`,
        reason: reasonText(conflict),
        mine: statusLine(mine.data.status),
        theirs: theirsView(conflict, (d) => statusLine(d.status)),
        patientId,
      };
    }
    case 'patient.updateContact': {
      const mine = mutationArgs['patient.updateContact'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Contact details', conflict);
      const keys = CONTACT_LABELS.filter(([key]) => mine.data.fields[key] !== undefined);
      return {
        title: `Contact details of ${who(mine.data.patientId)}`,
        reason: reasonText(conflict),
        mine: { lines: keys.map(([key, label]) => ({ label, value: text(mine.data.fields[key]) })) },
        theirs: theirsView(conflict, (data) => {
          const contact = patientContact(data);
          return { lines: keys.map(([key, label]) => ({ label, value: text(contact[key]) })) };
        }),
        patientId: mine.data.patientId,
      };
    }
    case 'patient.confirmLocation': {
      const mine = mutationArgs['patient.confirmLocation'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Patient location', conflict);
      return {
        title: `Location of ${who(mine.data.patientId)}`,
        reason: reasonText(conflict),
        mine: { lines: [{ label: 'Located in', value: mine.data.locationState }] },
        theirs: theirsView(conflict, (data) => ({ lines: [{ label: 'Located in', value: text(data.locationState) }] })),
        patientId: mine.data.patientId,
      };
    }
    case 'rx.sign': {
      const mine = mutationArgs['rx.sign'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('A prescription', conflict);
      const o = mine.data.order;
      const drug = curatedFormulary().byCode.get(o.rxcui)?.name ?? `RxNorm ${o.rxcui}`;
      return {
        title: `Prescription for ${who(mine.data.patientId)}: not signed`,
        reason: reasonText(conflict),
        mine: { lines: [
          { label: 'Drug', value: drug },
          { label: 'Sig', value: `${o.sig.dose} ${o.sig.route}, ${o.sig.frequency}, ${o.sig.durationDays} days` },
          { label: 'Quantity', value: `${o.quantity} ${o.quantityUnit}, ${o.refills} refills` },
        ] },
        theirs: { note: 'The server did not sign it; nothing was sent to the pharmacy.' },
        patientId: mine.data.patientId,
      };
    }
    case 'note.sign': {
      const mine = mutationArgs['note.sign'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Note signature', conflict);
      return {
        title: `Signature on the visit note for ${who(mine.data.patientId)}`,
        reason: reasonText(conflict),
        mine: { lines: [{ label: 'Signed', value: `content hash ${mine.data.contentHash.slice(0, 16)}…` }] },
        theirs: theirsView(conflict, (data) => ({ lines: [{ label: 'On the server', value: data.status === 'signed' ? 'signed' : 'draft, not signed' }, ...sectionLinesOf(data.sections)] })),
        patientId: mine.data.patientId,
      };
    }
    case 'note.addAddendum': {
      const mine = mutationArgs['note.addAddendum'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Note addendum', conflict);
      return {
        title: `Addendum to the visit note for ${who(mine.data.patientId)}`,
        reason: reasonText(conflict),
        mine: { lines: [{ label: 'Addendum', value: mine.data.text }] },
        theirs: theirsView(conflict, (data) => ({ lines: [{ label: 'On the server', value: data.status === 'signed' ? 'signed' : 'draft, not signed' }] })),
        patientId: mine.data.patientId,
      };
    }
    case 'fieldRequest.assign': {
      const mine = mutationArgs['fieldRequest.assign'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Dispatch assignment', conflict);
      const data = record(conflict.theirs?.data);
      const patientId = typeof data?.patientId === 'string' ? data.patientId : null;
      return {
        title: `Dispatch assignment${data && typeof data.reason === 'string' ? `: ${data.reason}` : ''} for ${who(patientId)}`,
        reason: reasonText(conflict),
        mine: { lines: [{ label: 'Assign to', value: mine.data.assigneeId === null ? 'nobody (take off the route)' : 'the person you chose' }] },
        theirs: theirsView(conflict, (d) => ({ lines: [{ label: 'Assigned to', value: text(d.assigneeName ?? 'nobody') }, { label: 'Assigned by', value: text(d.assignedByName) }, { label: 'Status', value: text(d.status) }] })),
        patientId,
      };
    }
    case 'fieldRequest.setStatus': {
      const mine = mutationArgs['fieldRequest.setStatus'].safeParse(conflict.mine);
      if (!mine.success) return unreadable('Visit progress', conflict);
      return {
        title: 'Visit progress',
        reason: reasonText(conflict),
        mine: { lines: [{ label: 'Status', value: mine.data.status.replace('_', ' ') }] },
        theirs: theirsView(conflict, (d) => ({ lines: [{ label: 'Status', value: text(d.status) }] })),
        patientId: null,
      };
    }
    default:
      return unreadable('A change', conflict);
  }
}
