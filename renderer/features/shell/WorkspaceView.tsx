// The content of <main> for a workspace: admin views are real; the others show their empty state until
// their features arrive and replace them here.
import { EmptyState } from '../../ui';
import { AuditWorkspace, UsersWorkspace } from '../admin';
import type { WorkspaceId } from './workspaces';

const EMPTY_STATES: Record<Exclude<WorkspaceId, 'users' | 'audit'>, { title: string; hint: string }> = {
  schedule: { title: 'No appointments to show yet.', hint: 'Your scheduled visits appear here, grouped by day.' },
  patients: { title: 'No patients to show yet.', hint: 'Patients on your panel appear here.' },
  inbox: { title: 'No messages yet.', hint: 'Messages from patients and the care team appear here.' },
  dispatch: { title: 'No visits waiting for dispatch yet.', hint: 'Visits that need a clinician or courier assigned appear here.' },
  deliveries: { title: 'No deliveries assigned to you yet.', hint: 'Pickups and drop-offs assigned to you appear here.' },
};

export function WorkspaceView({ workspace }: { workspace: WorkspaceId }) {
  if (workspace === 'users') return <UsersWorkspace />;
  if (workspace === 'audit') return <AuditWorkspace />;
  const empty = EMPTY_STATES[workspace];
  return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
}
