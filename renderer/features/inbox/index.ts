// Inbox feature: the clinician's tasks (failed deliveries of their prescriptions).
export { InboxTasks } from './InboxWorkspace';
