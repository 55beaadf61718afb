// FHIR R4 contract shared by the server and the workstation: schemas, validation, code systems, the import report.
export * from './primitives';
export * from './datatypes';
export * from './resources';
export * from './bundle';
export * from './references';
export * from './resource-types';
export * from './systems';
export * from './us-states';
export * from './validate';
export * from './export-profile';
export * from './import-report';
