// The actions of one appointment row: the status changes the state machine allows (queued through the data
// layer, applied at once on this device) and "Open note". Cancel and No-show ask for confirmation.
import { useEffect, useRef, useState } from 'react';
import type { AppointmentStatus } from '../../../shared/domain/appointment';
import { allowedNextStatuses } from '../../../shared/rules/appointment-status';
import type { LocalAppointment } from '../../data';
import { Button, ConfirmDialog, formatClock } from '../../ui';
import { dataActions } from '../../data';
import { ACTION_WORDS, CONFIRM } from './appointment-words';

/** Appointments that can no longer have a visit. */
const CLOSED = new Set<AppointmentStatus>(['completed', 'no_show', 'cancelled']);

export interface AppointmentActionsProps {
  appointment: LocalAppointment;
  timeZone: string;
  onOpenNote: (appointmentId: string) => void;
  /** Opens the video visit screen (video appointments that are not closed). */
  onStartVideo?: (appointmentId: string) => void;
  onReschedule: (appointmentId: string) => void;
  onFailure: () => void;
  /** Put focus on "Open note" when mounted (coming back from the note). */
  focusOpenNote?: boolean;
}

export function AppointmentActions({ appointment, timeZone, onOpenNote, onStartVideo, onReschedule, onFailure, focusOpenNote = false }: AppointmentActionsProps) {
  const [confirming, setConfirming] = useState<AppointmentStatus | null>(null);
  // The dialog is mounted on first use only (a day view has hundreds of rows), then kept so that closing it
  // still returns focus to the button that opened it.
  const [dialogMounted, setDialogMounted] = useState(false);
  const [busy, setBusy] = useState(false);
  const openNoteRef = useRef<HTMLButtonElement>(null);
  const groupRef = useRef<HTMLDivElement>(null);
  const movedByMe = useRef(false);
  useEffect(() => {
    if (focusOpenNote) openNoteRef.current?.focus();
  }, [focusOpenNote]);
  // The pressed button goes away with the old status: keep focus in the row, on its first action.
  useEffect(() => {
    if (!movedByMe.current) return;
    movedByMe.current = false;
    groupRef.current?.querySelector('button')?.focus();
  }, [appointment.status]);

  const setStatus = async (status: AppointmentStatus): Promise<void> => {
    setBusy(true);
    movedByMe.current = true;
    try {
      await dataActions.queueMutation('appointment.setStatus', { appointmentId: appointment.id, status }, { baseVersion: appointment.version });
    } catch {
      movedByMe.current = false;
      onFailure();
    } finally {
      setBusy(false);
      setConfirming(null);
    }
  };

  const press = (status: AppointmentStatus): void => {
    if (CONFIRM[status]) {
      setDialogMounted(true);
      setConfirming(status);
    } else void setStatus(status);
  };

  const confirm = confirming ? CONFIRM[confirming] : undefined;
  return (
    <div className="hc-row-actions" ref={groupRef}>
      {allowedNextStatuses(appointment.status).map((status) => (
        <Button key={status} variant={status === 'cancelled' || status === 'no_show' ? 'quiet' : 'secondary'} disabled={busy} onClick={() => press(status)}>
          {ACTION_WORDS[status]}
        </Button>
      ))}
      {onStartVideo && appointment.kind === 'video' && !CLOSED.has(appointment.status) && (
        <Button variant="primary" onClick={() => onStartVideo(appointment.id)}>
          Start video visit
        </Button>
      )}
      {appointment.status === 'booked' ? (
        <Button variant="quiet" disabled={busy} onClick={() => onReschedule(appointment.id)}>
          Reschedule
        </Button>
      ) : null}
      <Button ref={openNoteRef} variant="primary" onClick={() => onOpenNote(appointment.id)}>
        Open note
      </Button>
      {dialogMounted ? (
        <ConfirmDialog
          open={confirm !== undefined}
          title={confirm?.title ?? ''}
          confirmLabel={confirm?.confirm ?? ''}
          cancelLabel={confirm?.cancel ?? 'Back'}
          busy={busy}
          onCancel={() => setConfirming(null)}
          onConfirm={() => confirming && void setStatus(confirming)}
        >
          <p>
            The visit with {appointment.patientName} at {formatClock(appointment.startsAt, timeZone)} {confirm?.body}
          </p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
