// Managed settings: every policy key with its effective value and who set it (organization, server or default), and
// any policy values the workstation ignored. Read-only: administrators change these through policy, not here.
import { Alert, Table } from '../../ui';
import type { Column } from '../../ui';
import { issueText, policyRows, type PolicyRow } from './policy-rows';
import { useEffectivePolicy } from './use-effective-policy';

const COLUMNS: readonly Column<PolicyRow>[] = [
  { key: 'setting', header: 'Setting', rowHeader: true, render: (row) => row.title },
  { key: 'value', header: 'Value', render: (row) => row.value },
  { key: 'source', header: 'Set by', render: (row) => row.source },
  { key: 'about', header: 'What it does', render: (row) => row.description },
];

export function ManagedSettingsPage() {
  const view = useEffectivePolicy();
  if (view === null) return <p role="status">Loading managed settings…</p>;
  const rows = policyRows(view.policy);
  const managedCount = rows.filter((row) => row.managed).length;
  return (
    <section aria-labelledby="hc-managed-settings-heading" className="hc-settings">
      <h2 id="hc-managed-settings-heading">Managed settings</h2>
      <p>
        {view.origin === 'shell'
          ? managedCount === 0
            ? 'Your organization has not set any policies on this computer; the defaults apply.'
            : `Your organization sets ${managedCount === 1 ? '1 of these settings' : `${managedCount} of these settings`} on this computer.`
          : 'In a web browser the care server sets the lock and offline settings; the others keep their defaults.'}
      </p>
      {view.issues.length > 0 ? (
        <Alert tone="info" title="Some policy values were ignored">
          <ul>
            {view.issues.map((issue, index) => (
              <li key={`${issue.source}-${issue.key}-${index}`}>{issueText(issue)}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      <Table caption="Managed settings" captionHidden columns={COLUMNS} rows={rows} rowKey={(row) => row.key} />
    </section>
  );
}
