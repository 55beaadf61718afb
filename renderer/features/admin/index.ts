// Admin feature: staff users, the audit log and FHIR bundle import.
export { UsersWorkspace } from './UsersWorkspace';
export { AuditWorkspace } from './AuditWorkspace';
export { FhirImportWorkspace } from './FhirImportWorkspace';
