// The workspaces as separately loaded chunks (React.lazy): the sign-in screen and the app frame load none of them,
// and each workspace's code (and its heavy pieces: video, map, formulary, ICD-10, FHIR import) loads when first opened,
// except each role's home workspace, preloaded with the app frame so a start does not suspend on it.
import { preloadableLazy } from '../../ui';

export const UsersWorkspace = preloadableLazy(() => import('../admin').then((m) => m.UsersWorkspace));
export const AuditWorkspace = preloadableLazy(() => import('../admin').then((m) => m.AuditWorkspace));
export const FhirImportWorkspace = preloadableLazy(() => import('../admin').then((m) => m.FhirImportWorkspace));
export const CourierDeliveries = preloadableLazy(() => import('../deliveries').then((m) => m.CourierDeliveries));
export const DispatcherDeliveries = preloadableLazy(() => import('../deliveries').then((m) => m.DispatcherDeliveries));
export const DispatchWorkspace = preloadableLazy(() => import('../dispatch').then((m) => m.DispatchWorkspace));
export const InboxTasks = preloadableLazy(() => import('../inbox').then((m) => m.InboxTasks));
export const ChatWorkspace = preloadableLazy(() => import('../chat').then((m) => m.ChatWorkspace));
export const PatientsWorkspace = preloadableLazy(() => import('../patients').then((m) => m.PatientsWorkspace));
export const ScheduleWorkspace = preloadableLazy(() => import('../schedule').then((m) => m.ScheduleWorkspace));
export const ManagedSettingsPage = preloadableLazy(() => import('../settings').then((m) => m.ManagedSettingsPage));
export const TwoStepSettings = preloadableLazy(() => import('../settings').then((m) => m.TwoStepSettings));

/** The first workspace of each role (schedule, dispatch board, courier deliveries, staff list): small chunks. */
export async function preloadHomeWorkspaces(): Promise<void> {
  await Promise.allSettled([ScheduleWorkspace, DispatchWorkspace, CourierDeliveries, UsersWorkspace].map((home) => home.preload()));
}
