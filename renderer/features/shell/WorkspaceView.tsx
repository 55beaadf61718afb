// The content of <main> for a workspace: the feature that owns it, or its empty state until that feature arrives.
import type { User } from '../../../shared/domain/user';
import { EmptyState } from '../../ui';
import { AuditWorkspace, FhirImportWorkspace, UsersWorkspace } from '../admin';
import { CourierDeliveries, DispatcherDeliveries } from '../deliveries';
import { InboxWorkspace } from '../inbox';
import { PatientsWorkspace } from '../patients';
import { ScheduleWorkspace } from '../schedule';
import { ManagedSettingsPage } from '../settings';
import type { WorkspaceId } from './workspaces';

const EMPTY_STATES: Record<Exclude<WorkspaceId, 'users' | 'audit' | 'fhir-import' | 'schedule' | 'patients' | 'settings' | 'inbox' | 'deliveries'>, { title: string; hint: string }> = {
  dispatch: { title: 'No visits waiting for dispatch yet.', hint: 'Visits that need a clinician or courier assigned appear here.' },
};

export function WorkspaceView({ workspace, user }: { workspace: WorkspaceId; user: User }) {
  if (workspace === 'users') return <UsersWorkspace />;
  if (workspace === 'audit') return <AuditWorkspace />;
  if (workspace === 'fhir-import') return <FhirImportWorkspace />;
  if (workspace === 'schedule') return <ScheduleWorkspace user={user} />;
  if (workspace === 'patients') return <PatientsWorkspace user={user} />;
  if (workspace === 'settings') return <ManagedSettingsPage />;
  if (workspace === 'inbox') return <InboxWorkspace />;
  if (workspace === 'deliveries') return user.role === 'courier' ? <CourierDeliveries /> : <DispatcherDeliveries />;
  const empty = EMPTY_STATES[workspace];
  return <EmptyState title={empty.title}>{empty.hint}</EmptyState>;
}
