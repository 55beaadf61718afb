// How appointment kinds, statuses and status changes are named on screen.
import type { Appointment, AppointmentStatus } from '../../../shared/domain/appointment';
import type { BadgeTone } from '../../ui';

export const KIND_WORDS: Record<Appointment['kind'], string> = { video: 'Video', home: 'Home', clinic: 'Clinic' };

export const STATUS_WORDS: Record<AppointmentStatus, string> = {
  booked: 'Booked',
  checked_in: 'Checked in',
  in_progress: 'In progress',
  completed: 'Completed',
  no_show: 'No-show',
  cancelled: 'Cancelled',
};

export const STATUS_TONES: Record<AppointmentStatus, BadgeTone> = {
  booked: 'neutral',
  checked_in: 'info',
  in_progress: 'warn',
  completed: 'ok',
  no_show: 'danger',
  cancelled: 'danger',
};

/** The button that moves an appointment to this status. */
export const ACTION_WORDS: Record<AppointmentStatus, string> = {
  booked: 'Rebook',
  checked_in: 'Check in',
  in_progress: 'Start visit',
  completed: 'Complete',
  no_show: 'No-show',
  cancelled: 'Cancel',
};

/** Changes that end the visit for good ask for confirmation first. */
export const CONFIRM: Partial<Record<AppointmentStatus, { title: string; body: string; confirm: string; cancel: string }>> = {
  cancelled: { title: 'Cancel this appointment?', body: 'will be marked cancelled. This cannot be undone.', confirm: 'Cancel appointment', cancel: 'Keep appointment' },
  no_show: { title: 'Mark as a no-show?', body: 'will be marked as a no-show. This cannot be undone.', confirm: 'Mark as no-show', cancel: 'Back' },
};
