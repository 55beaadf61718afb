// The Sync status dialog: connection, what is waiting, the last successful sync, the last problem, storage
// warnings, progress, "Sync now", and the changes that need attention with both versions.
import { useId } from 'react';
import type { SyncStatus } from '../../data';
import { Alert, Button, Dialog, formatRelative, formatTimestamp, useNow } from '../../ui';
import { dataActions, useConflicts } from '../../data';
import { ConflictList } from './ConflictList';
import { SyncProgress } from './SyncProgress';
import { changes, phaseText } from './sync-summary';

export interface SyncStatusPanelProps {
  open: boolean;
  status: SyncStatus;
  timeZone: string;
  onClose: () => void;
}

function PanelBody({ status, timeZone, onClose }: Omit<SyncStatusPanelProps, 'open'>) {
  const conflicts = useConflicts();
  const now = useNow(15_000);
  const conflictsId = useId();
  let waiting = `${changes(status.pendingCount)} saved on this device, not yet on the server.`;
  if (status.pendingCount === 0) {
    waiting =
      status.conflictCount === 0
        ? 'Nothing — every change made on this device has reached the server.'
        : `Nothing waiting to be sent; ${changes(status.conflictCount)} ${status.conflictCount === 1 ? 'needs' : 'need'} your decision below.`;
  }
  return (
    <div className="hc-sync-panel">
      <dl className="hc-facts">
        <div>
          <dt>Connection</dt>
          <dd>{status.online ? 'Online: connected to the care server.' : 'Offline: changes are kept on this device and sent when the connection returns.'}</dd>
        </div>
        <div>
          <dt>Waiting to be sent</dt>
          <dd>{waiting}</dd>
        </div>
        <div>
          <dt>Last successful sync</dt>
          <dd>
            {status.lastSyncedAt ? (
              <time dateTime={status.lastSyncedAt}>
                {formatRelative(status.lastSyncedAt, now)} ({formatTimestamp(status.lastSyncedAt, timeZone)})
              </time>
            ) : (
              'Not yet'
            )}
          </dd>
        </div>
        <div>
          <dt>Now</dt>
          <dd>{phaseText(status.phase)}</dd>
        </div>
      </dl>
      {status.progress || status.phase === 'first-sync' ? <SyncProgress progress={status.progress} /> : null}
      {status.lastError ? (
        <Alert tone="info" title="Last problem">
          {status.lastError}
        </Alert>
      ) : null}
      {status.storageWarning ? (
        <Alert tone="info" title="Storage on this device">
          {status.storageWarning}
        </Alert>
      ) : null}
      <div className="hc-form__actions">
        <Button variant="primary" onClick={() => dataActions.syncNow()}>
          Sync now
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
      <section aria-labelledby={conflictsId} className="hc-sync-panel__conflicts">
        <h3 id={conflictsId}>Changes that need attention{conflicts && conflicts.length > 0 ? ` (${conflicts.length})` : ''}</h3>
        <ConflictList conflicts={conflicts} timeZone={timeZone} />
      </section>
    </div>
  );
}

export function SyncStatusPanel({ open, status, timeZone, onClose }: SyncStatusPanelProps) {
  return (
    <Dialog open={open} title="Sync status" onClose={onClose} className="hc-dialog--wide">
      {open ? <PanelBody status={status} timeZone={timeZone} onClose={onClose} /> : null}
    </Dialog>
  );
}
