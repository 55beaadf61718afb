// The content of <main> for a workspace: the feature that owns it, or its empty state until that feature arrives.
import type { User } from '../../../shared/domain/user';
import { EmptyState } from '../../ui';
import { AuditWorkspace, UsersWorkspace } from '../admin';
import { PatientsWorkspace, openChart } from '../patients';
import { ScheduleWorkspace } from '../schedule';
import { ManagedSettingsPage } from '../settings';
import type { WorkspaceId } from './workspaces';
import { selectWorkspace } from './shell-store';

/** From the schedule's week view to the patient's chart. */
function openChartFromSchedule(patientId: string): void {
  openChart(patientId);
  selectWorkspace('patients');
}

const EMPTY_STATES: Record<Exclude<WorkspaceId, 'users' | 'audit' | 'schedule' | 'patients' | 'settings'>, { title: string; hint: string }> = {
  inbox: { title: 'No messages yet.', hint: 'Messages from patients and the care team appear here.' },
  dispatch: { title: 'No visits waiting for dispatch yet.', hint: 'Visits that need a clinician or courier assigned appear here.' },
  deliveries: { title: 'No deliveries assigned to you yet.', hint: 'Pickups and drop-offs assigned to you appear here.' },
};

export function WorkspaceView({ workspace, user }: { workspace: WorkspaceId; user: User }) {
  if (workspace === 'users') return <UsersWorkspace />;
  if (workspace === 'audit') return <AuditWorkspace />;
  if (workspace === 'schedule') return <ScheduleWorkspace user={user} onOpenChart={openChartFromSchedule} />;
  if (workspace === 'patients') return <PatientsWorkspace user={user} />;
  if (workspace === 'settings') return <ManagedSettingsPage />;
  const empty = EMPTY_STATES[workspace];
  return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
}
