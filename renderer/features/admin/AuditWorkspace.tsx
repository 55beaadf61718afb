// Admin "Audit": the audit log, newest first, filterable, with older entries loaded on demand.
import { useState } from 'react';
import type { AuditEntry } from '../../../shared/api/admin';
import type { Column } from '../../ui';
import { Alert, Button, Table } from '../../ui';
import type { AuditFilter } from './audit-filters';
import { AuditFilterForm } from './AuditFilterForm';
import { formatTimestamp } from './failure-text';
import { useAuditLog } from './use-audit-log';

const dash = (value: string | null): string => value ?? '—';

const COLUMNS: readonly Column<AuditEntry>[] = [
  { key: 'at', header: 'Time', render: (e) => <time dateTime={e.at}>{formatTimestamp(e.at)}</time>, className: 'hc-nowrap' },
  { key: 'user', header: 'User', render: (e) => dash(e.userEmail ?? e.userId) },
  { key: 'role', header: 'Role', render: (e) => dash(e.role) },
  { key: 'action', header: 'Action', render: (e) => <code>{e.action}</code>, className: 'hc-nowrap' },
  { key: 'outcome', header: 'Outcome', render: (e) => <span className={`hc-outcome hc-outcome--${e.outcome}`}>{e.outcome}</span> },
  { key: 'patient', header: 'Patient ID', render: (e) => dash(e.patientId), className: 'hc-mono' },
  { key: 'resource', header: 'Resource', render: (e) => (e.resource ? `${e.resource}${e.resourceId ? ` ${e.resourceId}` : ''}` : '—') },
  { key: 'device', header: 'Device', render: (e) => dash(e.deviceId), className: 'hc-mono' },
  { key: 'ip', header: 'IP address', render: (e) => dash(e.ip), className: 'hc-mono' },
];

export function AuditWorkspace() {
  const [filter, setFilter] = useState<AuditFilter>({});
  const [attempt, setAttempt] = useState(0);
  const log = useAuditLog(filter, attempt);
  const filtered = Object.keys(filter).length > 0;

  const apply = (next: AuditFilter): void => {
    setFilter(next);
    setAttempt((n) => n + 1); // re-query even when the filter is unchanged
  };

  return (
    <div className="hc-stack">
      <AuditFilterForm onApply={apply} busy={log.loading} />
      {log.error ? <Alert>{log.error}</Alert> : null}
      <Table
        caption="Audit log entries"
        captionHidden
        columns={COLUMNS}
        rows={log.entries}
        rowKey={(e) => e.id}
        empty={log.loading ? 'Loading…' : filtered ? 'No entries match these filters.' : 'No audit entries yet.'}
      />
      <div className="hc-table-footer">
        <p role="status" className="hc-muted">
          {log.loading ? 'Loading audit entries…' : `Showing ${log.entries.length} ${log.entries.length === 1 ? 'entry' : 'entries'}${filtered ? ' matching the filters' : ''}.`}
        </p>
        {log.nextBefore !== null ? (
          <Button onClick={log.loadMore} busy={log.loading}>
            Load more
          </Button>
        ) : null}
      </div>
    </div>
  );
}
