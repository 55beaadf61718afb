// The content of <main> for a workspace: the feature that owns it, or its empty state until that feature arrives.
import type { User } from '../../../shared/domain/user';
import { EmptyState } from '../../ui';
import { AuditWorkspace, UsersWorkspace } from '../admin';
import { PatientsWorkspace } from '../patients';
import { ChatWorkspace, openConversation } from '../chat';
import { selectWorkspace } from './shell-store';
import { ScheduleWorkspace } from '../schedule';
import { ManagedSettingsPage } from '../settings';
import type { WorkspaceId } from './workspaces';

const EMPTY_STATES: Record<Exclude<WorkspaceId, 'users' | 'audit' | 'schedule' | 'patients' | 'settings' | 'inbox'>, { title: string; hint: string }> = {
  dispatch: { title: 'No visits waiting for dispatch yet.', hint: 'Visits that need a clinician or courier assigned appear here.' },
  deliveries: { title: 'No deliveries assigned to you yet.', hint: 'Pickups and drop-offs assigned to you appear here.' },
};

/** From a chart to the patient's care conversation (its id is the patient's id) in the Inbox. */
function messagePatient(patientId: string): void {
  openConversation(patientId);
  selectWorkspace('inbox');
}

export function WorkspaceView({ workspace, user }: { workspace: WorkspaceId; user: User }) {
  if (workspace === 'users') return <UsersWorkspace />;
  if (workspace === 'audit') return <AuditWorkspace />;
  if (workspace === 'schedule') return <ScheduleWorkspace user={user} />;
  if (workspace === 'patients') return <PatientsWorkspace user={user} onMessagePatient={messagePatient} />;
  if (workspace === 'inbox') return <ChatWorkspace user={user} />;
  if (workspace === 'settings') return <ManagedSettingsPage />;
  const empty = EMPTY_STATES[workspace];
  return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
}
