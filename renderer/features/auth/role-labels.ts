// How roles and credentials are named to people.
import type { Role } from '../../../shared/domain/roles';

const ROLE_LABELS: Record<Role, string> = {
  clinician: 'Clinician',
  dispatcher: 'Dispatcher',
  courier: 'Courier',
  admin: 'Administrator',
};

export const roleLabel = (role: Role): string => ROLE_LABELS[role];
