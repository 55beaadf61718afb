// The appointment status state machine: booked -> checked_in (waiting) -> in_progress -> completed,
// plus no_show and cancelled. Pure; used by the server to validate and by the workstation to offer actions.
import type { AppointmentStatus } from '../domain/appointment';

const TRANSITIONS: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ['checked_in', 'no_show', 'cancelled'],
  checked_in: ['in_progress', 'no_show', 'cancelled'],
  in_progress: ['completed'],
  completed: [],
  no_show: [],
  cancelled: [],
};

export function allowedNextStatuses(from: AppointmentStatus): readonly AppointmentStatus[] {
  return TRANSITIONS[from];
}

export type TransitionCheck = { ok: true } | { ok: false; message: string };

export function checkStatusTransition(from: AppointmentStatus, to: AppointmentStatus): TransitionCheck {
  if (from === to) return { ok: false, message: `The appointment is already ${label(to)}.` };
  if (TRANSITIONS[from].includes(to)) return { ok: true };
  if (TRANSITIONS[from].length === 0) return { ok: false, message: `The appointment is ${label(from)}; its status can no longer change.` };
  return { ok: false, message: `An appointment that is ${label(from)} cannot become ${label(to)}; it can become ${TRANSITIONS[from].map(label).join(', ')}.` };
}

export function label(status: AppointmentStatus): string {
  return { booked: 'booked', checked_in: 'checked in', in_progress: 'in progress', completed: 'completed', no_show: 'a no-show', cancelled: 'cancelled' }[status];
}
