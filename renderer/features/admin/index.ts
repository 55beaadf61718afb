// Admin feature: staff users and the audit log.
export { UsersWorkspace } from './UsersWorkspace';
export { AuditWorkspace } from './AuditWorkspace';
