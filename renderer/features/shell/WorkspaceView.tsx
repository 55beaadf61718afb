// The content of <main> for a workspace: the feature that owns it, loaded on first use (see lazy-workspaces.tsx).
import type { User } from '../../../shared/domain/user';
import { Suspense } from 'react';
import { EmptyState } from '../../ui';
import { openChart } from '../patients';
import { openConversation } from '../chat';
import { showRequestOnBoard } from '../dispatch';
import {
  AuditWorkspace,
  ChatWorkspace,
  CourierDeliveries,
  DispatcherDeliveries,
  DispatchWorkspace,
  FhirImportWorkspace,
  InboxTasks,
  ManagedSettingsPage,
  PatientsWorkspace,
  ScheduleWorkspace,
  TwoStepSettings,
  UsersWorkspace,
} from './lazy-workspaces';
import type { WorkspaceId } from './workspaces';
import { selectWorkspace } from './shell-store';

/** From the schedule's week view to the patient's chart. */
function openChartFromSchedule(patientId: string): void {
  openChart(patientId);
  selectWorkspace('patients');
}

/** From the Deliveries list to the delivery's courier run on the dispatch board (its city and day, selected). */
function showDeliveryOnBoard(board: { requestId: string; cityId: string; date: string }): void {
  showRequestOnBoard(board.cityId, board.date, board.requestId);
  selectWorkspace('dispatch');
}

/** From a chart to the patient's care conversation (its id is the patient's id) in the Inbox. */
function messagePatient(patientId: string): void {
  openConversation(patientId);
  selectWorkspace('inbox');
}

export function WorkspaceView({ workspace, user }: { workspace: WorkspaceId; user: User }) {
  return (
    <Suspense fallback={<p role="status">Loading…</p>}>
      <WorkspaceContent workspace={workspace} user={user} />
    </Suspense>
  );
}

function WorkspaceContent({ workspace, user }: { workspace: WorkspaceId; user: User }) {
  if (workspace === 'users') return <UsersWorkspace />;
  if (workspace === 'audit') return <AuditWorkspace />;
  if (workspace === 'fhir-import') return <FhirImportWorkspace />;
  if (workspace === 'schedule') return <ScheduleWorkspace user={user} onOpenChart={openChartFromSchedule} />;
  if (workspace === 'patients') return <PatientsWorkspace user={user} onMessagePatient={messagePatient} />;
  if (workspace === 'inbox') {
    return (
      <>
        <InboxTasks />
        <ChatWorkspace user={user} />
      </>
    );
  }
  if (workspace === 'settings') {
    return (
      <>
        <TwoStepSettings user={user} />
        <ManagedSettingsPage />
      </>
    );
  }
  if (workspace === 'deliveries') return user.role === 'courier' ? <CourierDeliveries /> : <DispatcherDeliveries onShowOnBoard={showDeliveryOnBoard} />;
  if (workspace === 'dispatch') return <DispatchWorkspace user={user} />;
  return <EmptyState title="Nothing to show here.">This workspace is not available for your role.</EmptyState>;
}
