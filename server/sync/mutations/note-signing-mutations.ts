// Signing encounter notes and adding signed addenda. Only the author signs; the server recomputes the content
// hash from the note it holds and refuses a mismatch (the device signed different text), checks every diagnosis
// against the ICD-10-CM code list and the vitals against their ranges, then locks the note and records its vitals
// (under the visit's encounter, made for the appointment if it has none yet).
import type { MutationHandler } from './types';
import { reject } from './types';
import type { Queryable } from '../../db/database';
import type { NoteSections } from '../../../shared/domain/note';
import { NoteSectionsSchema } from '../../../shared/domain/note';
import type { NoteVitals } from '../../../shared/domain/note-vitals';
import { parseDraftVitals, vitalsErrorText } from '../../../shared/domain/note-vitals';
import { VITAL_SIGNS } from '../../../shared/domain/vitals';
import { CLASS_OF_VISIT_KIND } from '../../../shared/domain/encounter';
import type { APPOINTMENT_KINDS, AppointmentStatus } from '../../../shared/domain/appointment';

type AppointmentKind = (typeof APPOINTMENT_KINDS)[number];
import { addendumContentHash, noteContentHash } from '../../../shared/notes/content-hash';
import { icd10CodeSet } from '../../icd10/icd10-codes';
import { loadEntity } from '../entity-sources';
import { recordChange } from '../change-log';

interface NoteRow {
  author_id: string;
  patient_id: string;
  appointment_id: string | null;
  status: string;
  sections: unknown;
  content_hash: string | null;
}

async function lockNote(tx: Queryable, noteId: string): Promise<NoteRow | undefined> {
  const { rows } = await tx.query<NoteRow>('SELECT author_id, patient_id, appointment_id, status, sections, content_hash FROM encounter_notes WHERE id = $1 FOR UPDATE', [noteId]);
  return rows[0];
}

/** The first diagnosis problem in plain words (codes are not patient data), or null when all are valid. */
export function diagnosisProblem(sections: NoteSections): string | null {
  const codes = icd10CodeSet();
  for (const d of sections.diagnoses ?? []) {
    const found = codes.get(d.code);
    if (!found) return `Unknown ICD-10-CM code ${d.code} (code set ${codes.release}); nothing was signed. Pick the diagnosis from the code search.`;
    if (!found.billable) return `ICD-10-CM ${d.code} is a category, not a billable code; nothing was signed. Pick a more specific code.`;
  }
  return null;
}

const LOINC = (key: string): string => VITAL_SIGNS.find((v) => v.key === key)!.loinc;
const display = (key: string): string => VITAL_SIGNS.find((v) => v.key === key)!.display;

/** The vital_signs rows a signed note's vitals become (one row per measurement; blood pressure is one row). */
function vitalRows(v: NoteVitals): Array<{ loinc: string; display: string; value: number | null; systolic: number | null; diastolic: number | null; unit: string }> {
  const rows: Array<{ loinc: string; display: string; value: number | null; systolic: number | null; diastolic: number | null; unit: string }> = [];
  const single = (key: string, value: number | undefined, unit: string) => {
    if (value !== undefined) rows.push({ loinc: LOINC(key), display: display(key), value, systolic: null, diastolic: null, unit });
  };
  if (v.systolic !== undefined && v.diastolic !== undefined) {
    rows.push({ loinc: LOINC('blood_pressure'), display: display('blood_pressure'), value: null, systolic: v.systolic, diastolic: v.diastolic, unit: 'mm[Hg]' });
  }
  single('heart_rate', v.heartRate, '/min');
  single('temperature', v.temperatureF, '[degF]');
  single('respiratory_rate', v.respiratoryRate, '/min');
  single('oxygen_saturation', v.spo2, '%');
  single('weight', v.weightLb, '[lb_av]');
  return rows;
}

/** FHIR Encounter.status for the visit a note was signed for. */
const ENCOUNTER_STATUS_OF: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'planned', checked_in: 'arrived', in_progress: 'in-progress', completed: 'finished', no_show: 'cancelled', cancelled: 'cancelled',
};

/**
 * The Housecall encounter of the note's appointment: the existing one, or one made now (so the visit shows
 * among the chart's encounters and its vitals belong to it). Null for a note without an appointment.
 */
async function visitEncounter(tx: Queryable, appointmentId: string | null, clinicianId: string): Promise<string | null> {
  if (!appointmentId) return null;
  const found = await tx.query<{ id: string }>('SELECT id FROM encounters WHERE appointment_id = $1 ORDER BY created_at LIMIT 1', [appointmentId]);
  if (found.rows[0]) return found.rows[0].id;
  const { rows } = await tx.query<{ patient_id: string; kind: AppointmentKind; status: AppointmentStatus; reason: string; starts_at: Date; ends_at: Date }>(
    'SELECT patient_id, kind, status, reason, starts_at, ends_at FROM appointments WHERE id = $1', [appointmentId]);
  const appt = rows[0];
  if (!appt) return null;
  const id = crypto.randomUUID();
  await tx.query(
    `INSERT INTO encounters (id, patient_id, appointment_id, clinician_id, class_code, status, reason_display, starts_at, ends_at, source)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'housecall')`,
    [id, appt.patient_id, appointmentId, clinicianId, CLASS_OF_VISIT_KIND[appt.kind], ENCOUNTER_STATUS_OF[appt.status], appt.reason, appt.starts_at, appt.ends_at]);
  await recordChange(tx, 'encounter', id);
  return id;
}

export const signNote: MutationHandler<'note.sign'> = {
  name: 'note.sign',
  roles: ['clinician'],
  async apply({ tx, principal }, { noteId, patientId, contentHash }) {
    const note = await lockNote(tx, noteId);
    if (!note) return reject('not_found', 'This note has not reached the server; nothing was signed.');
    if (note.author_id !== principal.userId) return reject('forbidden', 'Only the author of a note can sign it.', null, note.patient_id); // audited as denied
    if (note.patient_id !== patientId) return reject('invalid_args', 'This note belongs to another patient.');
    const current = (await loadEntity(tx, 'note', noteId))!.state;
    if (note.status === 'signed') {
      // A replay of the same signature (e.g. from another device) changes nothing.
      if (note.content_hash === contentHash) return { status: 'applied', state: current, patientId };
      return reject('rule_violation', 'This note is already signed; add an addendum instead.', current, patientId);
    }
    const sections = NoteSectionsSchema.parse(note.sections);
    if (noteContentHash({ noteId, patientId, sections }) !== contentHash) {
      return reject('rule_violation', 'The note on the server differs from the note you signed (content hash mismatch); nothing was signed. Review the note and sign again.', current, patientId);
    }
    const vitals = parseDraftVitals(sections.vitals);
    if (!vitals.ok) return reject('rule_violation', `Vital signs out of range: ${vitalsErrorText(vitals.errors)} Nothing was signed.`, current, patientId);
    const diagnosis = diagnosisProblem(sections);
    if (diagnosis) return reject('rule_violation', diagnosis, current, patientId);

    const { rows } = await tx.query<{ signed_at: Date | string }>(
      `UPDATE encounter_notes SET status = 'signed', signed_by = $2, signed_at = now(), content_hash = $3, version = version + 1, updated_at = now()
        WHERE id = $1 RETURNING signed_at`,
      [noteId, principal.userId, contentHash]);
    const encounterId = await visitEncounter(tx, note.appointment_id, principal.userId);
    for (const v of vitalRows(vitals.vitals)) {
      const id = crypto.randomUUID();
      await tx.query(
        `INSERT INTO vital_signs (id, patient_id, encounter_id, note_id, loinc_code, display, value, systolic, diastolic, unit, status, effective_at, source)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'final', $11, 'housecall')`,
        [id, patientId, encounterId, noteId, v.loinc, v.display, v.value, v.systolic, v.diastolic, v.unit, rows[0]!.signed_at]);
      await recordChange(tx, 'vital', id);
    }
    return { status: 'applied', state: await recordChange(tx, 'note', noteId), patientId };
  },
};

export const addNoteAddendum: MutationHandler<'note.addAddendum'> = {
  name: 'note.addAddendum',
  roles: ['clinician'],
  async apply({ tx, principal }, { noteId, patientId, addendumId, text, contentHash }) {
    const note = await lockNote(tx, noteId);
    if (!note) return reject('not_found', 'This note has not reached the server; the addendum was not added.');
    if (note.author_id !== principal.userId) return reject('forbidden', 'Only the author of a note can add an addendum to it.', null, note.patient_id);
    if (note.patient_id !== patientId) return reject('invalid_args', 'This note belongs to another patient.');
    const current = (await loadEntity(tx, 'note', noteId))!.state;
    const existing = await tx.query<{ note_id: string; content_hash: string }>('SELECT note_id, content_hash FROM note_addenda WHERE id = $1', [addendumId]);
    if (existing.rows[0]) {
      if (existing.rows[0].note_id === noteId && existing.rows[0].content_hash === contentHash) return { status: 'applied', state: current, patientId };
      return reject('invalid_args', 'An addendum with this id already exists.', current, patientId);
    }
    if (note.status !== 'signed') return reject('rule_violation', 'An addendum can only be added to a signed note; edit the draft instead.', current, patientId);
    if (addendumContentHash({ noteId, addendumId, text }) !== contentHash) {
      return reject('rule_violation', 'The addendum text differs from what was signed (content hash mismatch); nothing was added.', current, patientId);
    }
    await tx.query('INSERT INTO note_addenda (id, note_id, author_id, text, content_hash) VALUES ($1, $2, $3, $4, $5)', [addendumId, noteId, principal.userId, text, contentHash]);
    await tx.query('UPDATE encounter_notes SET version = version + 1, updated_at = now() WHERE id = $1', [noteId]);
    return { status: 'applied', state: await recordChange(tx, 'note', noteId), patientId };
  },
};
