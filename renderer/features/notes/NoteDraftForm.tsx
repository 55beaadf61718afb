// The four sections of a note draft as labelled text areas, autosaved to the device on every change
// (through the data layer, which queues it for the server), with an honest save status.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteSections } from '../../../shared/domain/note';
import { NOTE_SECTION_MAX } from '../../../shared/domain/note';
import type { LocalNote } from '../../data';
import { Alert, TextArea } from '../../ui';
import { dataActions } from '../../data';
import { noteSaveStatus, sameSections, STATUS_TEXT } from './note-status';
import { useAutosave } from './use-autosave';

const SECTIONS: readonly { key: keyof NoteSections; label: string; hint: string }[] = [
  { key: 'subjective', label: 'Subjective', hint: 'What the patient reports: complaint, history, symptoms.' },
  { key: 'objective', label: 'Objective', hint: 'Vital signs, examination and test results.' },
  { key: 'assessment', label: 'Assessment', hint: 'Your diagnosis or impression.' },
  { key: 'plan', label: 'Plan', hint: 'Treatment, orders, follow-up.' },
];

/** How many of our own recent saves to recognise when they come back from the cache. */
const RECENT_SAVES = 30;

export interface NoteDraftFormProps {
  noteId: string;
  patientId: string;
  appointmentId: string | null;
  /** The note as the local cache holds it now (live); null before its first save. */
  stored: LocalNote | null;
  inConflict: boolean;
  /** Lets the editor flush before it goes away (Back). */
  flushRef: { current: (() => void) | null };
  /** Called before the first change is saved (the editor then keeps this note id). */
  onFirstEdit: () => void;
}

export function NoteDraftForm({ noteId, patientId, appointmentId, stored, inConflict, flushRef, onFirstEdit }: NoteDraftFormProps) {
  const [sections, setSections] = useState<NoteSections>(() => stored?.sections ?? { subjective: '', objective: '', assessment: '', plan: '' });
  const recentSaves = useRef<NoteSections[]>([]);
  const sectionsRef = useRef(sections);
  sectionsRef.current = sections;

  const save = useCallback(
    async (value: NoteSections): Promise<void> => {
      recentSaves.current = [...recentSaves.current.slice(1 - RECENT_SAVES), value];
      await dataActions.saveNoteDraft({ noteId, patientId, appointmentId, sections: value });
    },
    [noteId, patientId, appointmentId],
  );
  const autosave = useAutosave(save, 150);
  useEffect(() => {
    flushRef.current = autosave.flush;
    return () => {
      flushRef.current = null;
    };
  }, [autosave.flush, flushRef]);

  // The cached note changed while nothing typed here is waiting: show what the device holds (another device's
  // text, a resolved conflict, our own latest save). Only an older save of ours coming back late is ignored.
  useEffect(() => {
    if (!stored || autosave.busy()) return;
    const older = recentSaves.current.slice(0, -1);
    if (older.some((s) => sameSections(s, stored.sections))) return;
    if (sameSections(sectionsRef.current, stored.sections)) return;
    recentSaves.current = []; // text from elsewhere replaces ours: our earlier saves no longer matter
    setSections(stored.sections);
  }, [stored]); // only when the cached note changes

  const signed = stored?.status === 'signed';
  const status = noteSaveStatus(autosave.state, stored, sections, inConflict);

  const onChange = (key: keyof NoteSections, text: string): void => {
    const next = { ...sections, [key]: text };
    if (!stored) onFirstEdit();
    setSections(next);
    autosave.change(next);
  };

  return (
    <form className="hc-note__form" noValidate onSubmit={(event) => event.preventDefault()}>
      <p role="status" className={`hc-note__status hc-note__status--${status}`}>
        {STATUS_TEXT[status]}
      </p>
      {status === 'failed' ? <Alert>Your text could not be stored on this device yet. Do not close this window; Housecall keeps trying.</Alert> : null}
      {signed ? <Alert tone="info">This note is signed and can no longer be edited.</Alert> : null}
      {SECTIONS.map(({ key, label, hint }) => (
        <TextArea
          key={key}
          label={label}
          hint={hint}
          name={key}
          rows={key === 'plan' || key === 'subjective' ? 6 : 4}
          maxLength={NOTE_SECTION_MAX}
          readOnly={signed}
          value={sections[key]}
          onChange={(event) => onChange(key, event.target.value)}
          onBlur={autosave.flush}
        />
      ))}
    </form>
  );
}
