// Encounter-note logic shared by the workstation and the server: content hashes, templates, ICD-10-CM search.
export * from './content-hash';
export * from './templates';
export * from './icd10-search';
