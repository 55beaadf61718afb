// Signing a note and adding a signed addendum on this device: the content hash is computed (shared code, the
// same the server recomputes) from the note exactly as the device shows it, then the change is queued.
import { NoteSectionsSchema } from '../../shared/domain/note';
import { addendumContentHash, noteContentHash } from '../../shared/notes/content-hash';
import type { CacheCore } from './cache';
import { DataError } from './errors';
import { queueMutation } from './outbox';
import { queryNote } from './queries';

export async function signNoteOnDevice(core: CacheCore, noteId: string): Promise<string> {
  const note = await queryNote(core, noteId);
  if (!note) throw new DataError('invalid', 'Write the note before signing it.');
  if (note.authorId !== core.userId) throw new DataError('invalid', 'Only the author of a note can sign it.');
  const sections = NoteSectionsSchema.parse(note.sections);
  const contentHash = noteContentHash({ noteId, patientId: note.patientId, sections });
  await queueMutation(core, 'note.sign', { noteId, patientId: note.patientId, contentHash });
  return contentHash;
}

export async function addAddendumOnDevice(core: CacheCore, noteId: string, text: string): Promise<void> {
  const note = await queryNote(core, noteId);
  if (!note) throw new DataError('invalid', 'This note is not on this device.');
  const addendumId = crypto.randomUUID();
  const contentHash = addendumContentHash({ noteId, addendumId, text });
  await queueMutation(core, 'note.addAddendum', { noteId, patientId: note.patientId, addendumId, text, contentHash });
}
