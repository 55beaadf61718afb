// The content of <main> for a workspace: the feature that owns it, or its empty state until that feature arrives.
import type { User } from '../../../shared/domain/user';
import { EmptyState } from '../../ui';
import { AuditWorkspace, UsersWorkspace } from '../admin';
import { DispatchWorkspace } from '../dispatch';
import { PatientsWorkspace } from '../patients';
import { ScheduleWorkspace } from '../schedule';
import { ManagedSettingsPage } from '../settings';
import type { WorkspaceId } from './workspaces';

const EMPTY_STATES: Record<Exclude<WorkspaceId, 'users' | 'audit' | 'schedule' | 'patients' | 'settings' | 'dispatch'>, { title: string; hint: string }> = {
  inbox: { title: 'No messages yet.', hint: 'Messages from patients and the care team appear here.' },
  deliveries: { title: 'No deliveries assigned to you yet.', hint: 'Pickups and drop-offs assigned to you appear here.' },
};

export function WorkspaceView({ workspace, user }: { workspace: WorkspaceId; user: User }) {
  if (workspace === 'users') return <UsersWorkspace />;
  if (workspace === 'audit') return <AuditWorkspace />;
  if (workspace === 'schedule') return <ScheduleWorkspace user={user} />;
  if (workspace === 'patients') return <PatientsWorkspace user={user} />;
  if (workspace === 'settings') return <ManagedSettingsPage />;
  if (workspace === 'dispatch') return <DispatchWorkspace user={user} />;
  const empty = EMPTY_STATES[workspace];
  return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
}
