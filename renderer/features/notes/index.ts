// Notes feature: the encounter note draft editor (autosaved on the device, synced by the data layer).
export { NoteEditor } from './NoteEditor';
export type { NoteEditorProps } from './NoteEditor';
