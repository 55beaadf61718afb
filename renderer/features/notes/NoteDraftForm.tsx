// A note's sections: subjective, objective with structured vitals, assessment with ICD-10-CM diagnoses, and
// plan, autosaved to the device on every change (through the data layer, which queues it for the server), with
// an honest save status, visit templates, and signing. A signed note is read-only and shows its addenda.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { NoteDiagnosis, NoteSections, NoteTextSection } from '../../../shared/domain/note';
import { NOTE_SECTION_MAX, NOTE_TEXT_SECTIONS } from '../../../shared/domain/note';
import type { DraftVitals } from '../../../shared/domain/note-vitals';
import { parseDraftVitals } from '../../../shared/domain/note-vitals';
import type { LocalNote } from '../../data';
import { Alert, TextArea } from '../../ui';
import { dataActions, useIcd10Index } from '../../data';
import { noteSaveStatus, sameSections, STATUS_TEXT } from './note-status';
import { useAutosave } from './use-autosave';
import { VitalsFields } from './VitalsFields';
import { DiagnosisPicker } from './DiagnosisPicker';
import { TemplatePicker } from './TemplatePicker';
import { SignedNote, SignNoteButton } from './NoteSignature';

const SECTIONS: Readonly<Record<NoteTextSection, { label: string; hint: string }>> = {
  subjective: { label: 'Subjective', hint: 'What the patient reports: complaint, history, symptoms.' },
  objective: { label: 'Objective', hint: 'Examination and test results; vital signs below.' },
  assessment: { label: 'Assessment', hint: 'Your diagnosis or impression; pick the diagnoses below.' },
  plan: { label: 'Plan', hint: 'Treatment, orders, follow-up.' },
};

/** How many of our own recent saves to recognise when they come back from the cache. */
const RECENT_SAVES = 30;

export interface NoteDraftFormProps {
  noteId: string;
  patientId: string;
  appointmentId: string | null;
  /** The note as the local cache holds it now (live); null before its first save. */
  stored: LocalNote | null;
  inConflict: boolean;
  timeZone: string;
  /** Lets the editor flush before it goes away (Back). */
  flushRef: { current: (() => void) | null };
  /** Called before the first change is saved (the editor then keeps this note id). */
  onFirstEdit: () => void;
}

export function NoteDraftForm({ noteId, patientId, appointmentId, stored, inConflict, timeZone, flushRef, onFirstEdit }: NoteDraftFormProps) {
  const [sections, setSections] = useState<NoteSections>(() => stored?.sections ?? { subjective: '', objective: '', assessment: '', plan: '' });
  const recentSaves = useRef<NoteSections[]>([]);
  const sectionsRef = useRef(sections);
  sectionsRef.current = sections;
  const icd10 = useIcd10Index();

  const save = useCallback(
    async (value: NoteSections): Promise<void> => {
      recentSaves.current = [...recentSaves.current.slice(1 - RECENT_SAVES), value];
      await dataActions.saveNoteDraft({ noteId, patientId, appointmentId, sections: value });
    },
    [noteId, patientId, appointmentId],
  );
  // Saved as typed (unsent saves of a note coalesce in the outbox): a reload or crash mid-typing loses at most
  // the keystrokes of the one save in flight.
  const autosave = useAutosave(save, 0);
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
  const vitals = parseDraftVitals(sections.vitals);
  const vitalErrors = vitals.ok ? {} : vitals.errors;

  const update = (next: NoteSections): void => {
    if (signed) return;
    if (!stored) onFirstEdit();
    setSections(next);
    autosave.change(next);
  };

  const problems: string[] = [];
  if (NOTE_TEXT_SECTIONS.every((k) => sections[k].trim() === '')) problems.push('Write the note before signing it.');
  problems.push(...Object.values(vitalErrors));
  if (icd10) for (const d of sections.diagnoses ?? []) if (!icd10.has(d.code)) problems.push(`${d.code} is not in the ICD-10-CM code list.`);
  if (inConflict) problems.push('Resolve the conflict with the other device first.');

  return (
    <form className="hc-note__form" noValidate onSubmit={(event) => event.preventDefault()}>
      <p role="status" className={`hc-note__status hc-note__status--${status}`}>
        {STATUS_TEXT[status]}
      </p>
      {status === 'failed' ? <Alert>Your text could not be stored on this device yet. Do not close this window; Housecall keeps trying.</Alert> : null}
      {signed && stored ? <SignedNote note={stored} timeZone={timeZone} /> : <TemplatePicker sections={sections} onApply={update} />}
      {NOTE_TEXT_SECTIONS.map((key) => (
        <div key={key} className="hc-note__section">
          <TextArea
            label={SECTIONS[key].label}
            hint={SECTIONS[key].hint}
            name={key}
            rows={key === 'plan' || key === 'subjective' ? 6 : 4}
            maxLength={NOTE_SECTION_MAX}
            readOnly={signed}
            value={sections[key]}
            onChange={(event) => update({ ...sections, [key]: event.target.value })}
            onBlur={autosave.flush}
          />
          {key === 'objective' ? (
            <VitalsFields vitals={sections.vitals ?? {}} errors={vitalErrors} readOnly={signed} onBlur={autosave.flush} onChange={(v: DraftVitals) => update({ ...sections, vitals: v })} />
          ) : null}
          {key === 'assessment' ? (
            <DiagnosisPicker diagnoses={sections.diagnoses ?? []} readOnly={signed} onChange={(d: NoteDiagnosis[]) => update({ ...sections, diagnoses: d })} />
          ) : null}
        </div>
      ))}
      {signed ? null : <SignNoteButton noteId={noteId} problems={problems} flush={autosave.settle} disabled={status === 'failed'} />}
    </form>
  );
}
