// The workspaces as separately loaded chunks (React.lazy): the sign-in screen and the app frame load none of them,
// and each workspace's code (and its heavy pieces: video, map, formulary, ICD-10, FHIR import) loads when first opened.
import { lazy } from 'react';

export const UsersWorkspace = lazy(() => import('../admin').then((m) => ({ default: m.UsersWorkspace })));
export const AuditWorkspace = lazy(() => import('../admin').then((m) => ({ default: m.AuditWorkspace })));
export const FhirImportWorkspace = lazy(() => import('../admin').then((m) => ({ default: m.FhirImportWorkspace })));
export const CourierDeliveries = lazy(() => import('../deliveries').then((m) => ({ default: m.CourierDeliveries })));
export const DispatcherDeliveries = lazy(() => import('../deliveries').then((m) => ({ default: m.DispatcherDeliveries })));
export const DispatchWorkspace = lazy(() => import('../dispatch').then((m) => ({ default: m.DispatchWorkspace })));
export const InboxTasks = lazy(() => import('../inbox').then((m) => ({ default: m.InboxTasks })));
export const ChatWorkspace = lazy(() => import('../chat').then((m) => ({ default: m.ChatWorkspace })));
export const PatientsWorkspace = lazy(() => import('../patients').then((m) => ({ default: m.PatientsWorkspace })));
export const ScheduleWorkspace = lazy(() => import('../schedule').then((m) => ({ default: m.ScheduleWorkspace })));
export const ManagedSettingsPage = lazy(() => import('../settings').then((m) => ({ default: m.ManagedSettingsPage })));
export const TwoStepSettings = lazy(() => import('../settings').then((m) => ({ default: m.TwoStepSettings })));
