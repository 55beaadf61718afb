// The demo clinic's sign-ins and what each role should see in the app frame.
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../../server/seed/demo-accounts';

export type DemoRole = keyof typeof DEMO_ACCOUNTS;

export interface DemoUser {
  role: DemoRole;
  email: string;
  roleLabel: string;
  nav: readonly string[];
}

export const demoPassword = DEMO_PASSWORD;

export const DEMO_USERS: readonly DemoUser[] = [
  { role: 'clinician', email: DEMO_ACCOUNTS.clinician, roleLabel: 'Clinician', nav: ['Schedule', 'Patients', 'Inbox', 'Managed settings'] },
  { role: 'dispatcher', email: DEMO_ACCOUNTS.dispatcher, roleLabel: 'Dispatcher', nav: ['Dispatch', 'Deliveries', 'Inbox', 'Managed settings'] },
  { role: 'courier', email: DEMO_ACCOUNTS.courier, roleLabel: 'Courier', nav: ['Deliveries', 'Managed settings'] },
  { role: 'admin', email: DEMO_ACCOUNTS.admin, roleLabel: 'Administrator', nav: ['Users', 'Audit', 'FHIR import', 'Managed settings'] },
];

export function demoUser(role: DemoRole): DemoUser {
  const user = DEMO_USERS.find((u) => u.role === role);
  if (!user) throw new Error(`no demo user for ${role}`);
  return user;
}
