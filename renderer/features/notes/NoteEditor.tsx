// The encounter note editor for one appointment: the patient's name, the visit, the draft's four sections
// autosaved on this device, a warning when the note is in conflict, and "Back to schedule".
import { useEffect, useId, useRef, useState } from 'react';
import { mutationArgs } from '../../../shared/sync/mutations';
import type { LocalAppointment } from '../../data';
import { Alert, Button, formatDayAndClock } from '../../ui';
import { useConflicts, useNote, useNoteForAppointment } from '../../data';
import { openSyncPanel } from '../sync-status';
import { NoteDraftForm } from './NoteDraftForm';

export interface NoteEditorProps {
  appointment: LocalAppointment;
  timeZone: string;
  onBack: () => void;
}

const KIND = { video: 'Video visit', home: 'Home visit', clinic: 'Clinic visit' } as const;

/** The server's reason for refusing this note's signature or addendum, if one is waiting in the conflicts list. */
function useSignatureRefusal(noteId: string): string | null {
  const conflicts = useConflicts();
  const refused = conflicts?.find((c) => {
    if (c.name !== 'note.sign' && c.name !== 'note.addAddendum') return false;
    const mine = c.mine as { noteId?: unknown } | null;
    return mine?.noteId === noteId;
  });
  return refused ? refused.message : null;
}

function useNoteInConflict(noteId: string | null): boolean {
  const conflicts = useConflicts();
  if (!noteId || !conflicts) return false;
  return conflicts.some((c) => {
    if (c.name !== 'note.saveDraft') return false;
    const args = mutationArgs['note.saveDraft'].safeParse(c.mine);
    return args.success && args.data.noteId === noteId;
  });
}

export function NoteEditor({ appointment, timeZone, onBack }: NoteEditorProps) {
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const flushRef = useRef<(() => void) | null>(null);
  const existing = useNoteForAppointment(appointment.id);
  const [newId] = useState(() => crypto.randomUUID());
  // The note this editor writes to: the appointment's note once one is known (it may arrive from another device
  // while the editor is open and still untouched), or a new one from the first keystroke on. Never changes after.
  const [committedId, setCommittedId] = useState<string | null>(null);
  if (committedId === null && existing) setCommittedId(existing.id);
  const noteId = committedId ?? newId;
  const live = useNote(noteId);
  // A live query may answer for the previous id for a moment: never show another note's (or no) text.
  const stored = existing === undefined || live === undefined ? undefined : live?.id === noteId ? live : existing?.id === noteId ? existing : null;
  const inConflict = useNoteInConflict(noteId);
  const refusal = useSignatureRefusal(noteId);

  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  const back = (): void => {
    flushRef.current?.();
    onBack();
  };

  return (
    <section className="hc-note" aria-labelledby={headingId}>
      <Button variant="quiet" onClick={back} className="hc-note__back">
        <span aria-hidden="true">←</span> Back to schedule
      </Button>
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="hc-note__heading">
        Note for {appointment.patientName}
      </h2>
      <p className="hc-muted">
        {KIND[appointment.kind]} · {formatDayAndClock(appointment.startsAt, timeZone)} · {appointment.reason}
      </p>
      {inConflict ? (
        <Alert title="This note was also changed on another device">
          <p>Both versions are kept. Open Sync status to compare them and choose which to keep.</p>
          <Button onClick={openSyncPanel}>Open Sync status</Button>
        </Alert>
      ) : null}
      {refusal ? (
        <Alert title="The server refused a signature on this note">
          <p>{refusal}</p>
          <Button onClick={openSyncPanel}>Open Sync status</Button>
        </Alert>
      ) : null}
      {stored === undefined ? (
        <p role="status" className="hc-loading">
          Opening the note…
        </p>
      ) : (
        <NoteDraftForm
          key={noteId}
          noteId={noteId}
          patientId={appointment.patientId}
          appointmentId={appointment.id}
          stored={stored}
          inConflict={inConflict}
          timeZone={timeZone}
          flushRef={flushRef}
          onFirstEdit={() => setCommittedId((id) => id ?? newId)}
        />
      )}
    </section>
  );
}
