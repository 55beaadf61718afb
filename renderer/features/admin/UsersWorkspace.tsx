// Admin "Users": every staff account with role, credential and whether two-step verification is on.
import type { User } from '../../../shared/domain/user';
import type { Column } from '../../ui';
import { Alert, Button, Table } from '../../ui';
import { roleLabel } from '../auth';
import { useUsers } from './use-users';

const COLUMNS: readonly Column<User>[] = [
  { key: 'name', header: 'Name', render: (u) => u.displayName },
  { key: 'email', header: 'Email', render: (u) => u.email },
  { key: 'role', header: 'Role', render: (u) => roleLabel(u.role) },
  { key: 'credential', header: 'Credential', render: (u) => u.credential ?? '—' },
  { key: 'totp', header: 'Two-step verification', render: (u) => (u.totpEnabled ? 'On' : 'Off') },
];

export function UsersWorkspace() {
  const { state, reload } = useUsers();
  if (state.status === 'loading') {
    return (
      <p role="status" className="hc-loading">
        Loading users…
      </p>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="hc-stack">
        <Alert>{state.message}</Alert>
        <Button onClick={reload}>Try again</Button>
      </div>
    );
  }
  return (
    <div className="hc-stack">
      <Table caption="Staff accounts" columns={COLUMNS} rows={state.users} rowKey={(u) => u.id} empty="No staff accounts yet." />
      <p className="hc-muted">{state.users.length === 1 ? '1 account' : `${state.users.length} accounts`}</p>
    </div>
  );
}
