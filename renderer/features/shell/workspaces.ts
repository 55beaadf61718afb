// The workspaces of the app frame and which roles see which, in navigation order.
import type { Role } from '../../../shared/domain/roles';

export type WorkspaceId = 'schedule' | 'patients' | 'inbox' | 'dispatch' | 'deliveries' | 'users' | 'audit' | 'fhir-import' | 'settings';

export const WORKSPACE_LABELS: Record<WorkspaceId, string> = {
  schedule: 'Schedule',
  patients: 'Patients',
  inbox: 'Inbox',
  dispatch: 'Dispatch',
  deliveries: 'Deliveries',
  users: 'Users',
  audit: 'Audit',
  'fhir-import': 'FHIR import',
  settings: 'Managed settings',
};

export const WORKSPACES_BY_ROLE: Record<Role, readonly WorkspaceId[]> = {
  clinician: ['schedule', 'patients', 'inbox', 'settings'],
  dispatcher: ['dispatch', 'deliveries', 'inbox', 'settings'],
  courier: ['deliveries', 'settings'],
  admin: ['users', 'audit', 'fhir-import', 'settings'],
};

export function workspacesFor(role: Role): readonly WorkspaceId[] {
  return WORKSPACES_BY_ROLE[role];
}

/** The selected workspace if the role may see it, otherwise the role's first workspace. */
export function effectiveWorkspace(role: Role, selected: WorkspaceId | null): WorkspaceId {
  const allowed = workspacesFor(role);
  if (selected && allowed.includes(selected)) return selected;
  const first = allowed[0];
  if (!first) throw new Error('Every role has at least one workspace.');
  return first;
}

/** Roles whose work is kept on the device and synced (admins work online only). */
export const syncsData = (role: Role): boolean => role !== 'admin';
