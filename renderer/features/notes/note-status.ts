// The note editor's one-line save status, honest about where the text is: typed but not yet stored,
// stored on this device only, or acknowledged by the server.
import type { NoteSections } from '../../../shared/domain/note';
import { canonicalJson, canonicalSections } from '../../../shared/notes/content-hash';
import type { LocalNote } from '../../data';
import type { AutosaveState } from './use-autosave';

export type NoteSaveStatus = 'nothing-yet' | 'saving' | 'failed' | 'on-device' | 'on-server' | 'conflict';

/** Same content as far as a signature is concerned (texts, vitals as typed, diagnoses). */
export const sameSections = (a: NoteSections, b: NoteSections): boolean =>
  a.subjective === b.subjective && a.objective === b.objective && a.assessment === b.assessment && a.plan === b.plan &&
  canonicalJson(canonicalSections(a)) === canonicalJson(canonicalSections(b));

export function noteSaveStatus(autosave: AutosaveState, stored: LocalNote | null | undefined, shown: NoteSections, inConflict: boolean): NoteSaveStatus {
  if (autosave === 'failed') return 'failed';
  if (autosave !== 'saved') return 'saving';
  if (inConflict) return 'conflict';
  if (!stored) return 'nothing-yet';
  // Until the cache shows exactly what is on screen, the save has not been seen back yet.
  if (!sameSections(stored.sections, shown)) return 'saving';
  return stored.pending ? 'on-device' : 'on-server';
}

export const STATUS_TEXT: Record<NoteSaveStatus, string> = {
  'nothing-yet': 'Nothing typed yet',
  saving: 'Saving…',
  failed: 'Not saved: this device could not store the note. Keep this window open; trying again.',
  'on-device': 'Saved on this device',
  'on-server': 'Saved to server',
  conflict: 'Saved on this device — needs attention',
};
