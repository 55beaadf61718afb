// How a refused signature or addendum reads in the conflicts list: who it was for, what this device signed,
// and what the server holds.
import { describe, expect, it } from 'vitest';
import { conflictView } from '../../renderer/features/sync-status/conflict-view';
import type { ConflictItem } from '../../renderer/data';

const patientId = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const noteId = '3f2b8c1e-4a5d-4e6f-8a7b-9c0d1e2f3a4b';
const names = (id: string) => (id === patientId ? 'Ada Lovelace' : null);

describe('conflict view of note signatures', () => {
  it('a refused signature names the patient, the hash signed and the server state', () => {
    const conflict: ConflictItem = {
      id: 'c1', name: 'note.sign', reason: 'rule_violation', message: 'content hash mismatch', createdAt: '2030-01-01T00:00:00.000Z',
      mine: { noteId, patientId, contentHash: 'ab'.repeat(32) },
      theirs: { entity: 'note', id: noteId, version: 3, deleted: false, data: { status: 'draft', sections: { subjective: 'S', objective: '', assessment: 'A', plan: 'P' } } },
    };
    const view = conflictView(conflict, names);
    expect(view.title).toBe('Signature on the visit note for Ada Lovelace');
    expect(view.mine).toEqual({ lines: [{ label: 'Signed', value: `content hash ${'ab'.repeat(8)}…` }] });
    expect(view.theirs).toEqual({ lines: [
      { label: 'On the server', value: 'draft, not signed' }, { label: 'Subjective', value: 'S' }, { label: 'Objective', value: '(empty)' },
      { label: 'Assessment', value: 'A' }, { label: 'Plan', value: 'P' },
    ] });
  });

  it('a refused addendum shows its text; unreadable arguments are said to be unreadable', () => {
    const base = { id: 'c2', name: 'note.addAddendum' as const, reason: 'forbidden' as const, message: 'Only the author', createdAt: '2030-01-01T00:00:00.000Z', theirs: null };
    const view = conflictView({ ...base, mine: { noteId, patientId, addendumId: noteId, text: 'Result negative.', contentHash: 'c'.repeat(64) } }, names);
    expect(view).toMatchObject({ title: 'Addendum to the visit note for Ada Lovelace', mine: { lines: [{ label: 'Addendum', value: 'Result negative.' }] }, patientId });
    expect(conflictView({ ...base, mine: { noteId: 'x' } }, names)).toMatchObject({ title: 'Note addendum', mine: { note: 'This change could not be read.' } });
  });
});
