// Note drafts belong to their author. A save based on an older version than the server's is never merged
// silently: its text is kept as a 'conflict' version and the save is rejected with the current note, so
// the author can keep theirs as a new version or discard it.
import type { MutationHandler } from './types';
import { reject } from './types';
import { canSeePatient } from '../../auth/patient-access';
import { loadEntity } from '../entity-sources';
import { recordChange } from '../change-log';

export const saveNoteDraft: MutationHandler<'note.saveDraft'> = {
  name: 'note.saveDraft',
  roles: ['clinician'],
  async apply({ tx, principal, baseVersion, clientId }, { noteId, patientId, appointmentId, sections }) {
    const { rows } = await tx.query<{ author_id: string; patient_id: string; status: string; version: number }>(
      'SELECT author_id, patient_id, status, version FROM encounter_notes WHERE id = $1 FOR UPDATE', [noteId]);
    const existing = rows[0];
    if (!existing) {
      if (!(await canSeePatient(tx, principal, patientId))) return reject('forbidden', 'You do not have access to this patient.');
      if (appointmentId) {
        const appt = await tx.query('SELECT 1 FROM appointments WHERE id = $1 AND patient_id = $2', [appointmentId, patientId]);
        if (appt.rows.length === 0) return reject('invalid_args', 'The appointment does not belong to this patient.');
      }
      await tx.query(
        `INSERT INTO encounter_notes (id, patient_id, appointment_id, author_id, status, sections, version) VALUES ($1, $2, $3, $4, 'draft', $5, 1)`,
        [noteId, patientId, appointmentId, principal.userId, JSON.stringify(sections)]);
      await tx.query(`INSERT INTO note_versions (note_id, version, kind, sections, author_id, client_id) VALUES ($1, 1, 'saved', $2, $3, $4)`,
        [noteId, JSON.stringify(sections), principal.userId, clientId]);
      return { status: 'applied', state: await recordChange(tx, 'note', noteId), patientId };
    }
    if (existing.author_id !== principal.userId) return reject('forbidden', 'Only the author can edit this note.');
    if (existing.patient_id !== patientId) return reject('invalid_args', 'This note belongs to another patient.');
    const current = (await loadEntity(tx, 'note', noteId))!.state;
    if (existing.status !== 'draft') return reject('rule_violation', 'This note is signed and can no longer be edited; add an addendum instead.', current, patientId);
    if (baseVersion !== existing.version) {
      await tx.query(`INSERT INTO note_versions (note_id, version, kind, sections, author_id, client_id) VALUES ($1, $2, 'conflict', $3, $4, $5)`,
        [noteId, baseVersion ?? 0, JSON.stringify(sections), principal.userId, clientId]);
      return { ...reject('stale_version', 'This note was changed on another device since you started editing. Your text was kept; choose which to keep.', current, patientId), keepWrites: true };
    }
    await tx.query(`UPDATE encounter_notes SET sections = $2, version = version + 1, updated_at = now() WHERE id = $1`, [noteId, JSON.stringify(sections)]);
    await tx.query(`INSERT INTO note_versions (note_id, version, kind, sections, author_id, client_id) VALUES ($1, $2, 'saved', $3, $4, $5)`,
      [noteId, existing.version + 1, JSON.stringify(sections), principal.userId, clientId]);
    return { status: 'applied', state: await recordChange(tx, 'note', noteId), patientId };
  },
};
