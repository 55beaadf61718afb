// The header's sync control: a button whose name states the truth ("Sync: 3 changes waiting") and opens the
// Sync status panel. A polite status region announces only when the kind of state changes, not every count.
import type { User } from '../../../shared/domain/user';
import { useEffectiveSyncStatus } from './use-effective-sync-status';
import { SyncStatusPanel } from './SyncStatusPanel';
import { closeSyncPanel, openSyncPanel, useSyncPanelStore } from './sync-panel-store';
import type { SyncTone } from './sync-summary';
import { syncSummary } from './sync-summary';

const ANNOUNCEMENTS: Record<SyncTone, string> = {
  ok: 'All changes are saved to the server.',
  busy: 'Syncing with the care server.',
  waiting: 'Some changes are waiting to be sent.',
  offline: 'Offline. Changes are kept on this device.',
  attention: 'A change needs your attention. Open Sync status.',
};

export function SyncStatusControl({ user }: { user: User }) {
  const status = useEffectiveSyncStatus();
  const open = useSyncPanelStore((s) => s.open);
  const summary = syncSummary(status);
  return (
    <>
      <button
        type="button"
        className={`hc-sync hc-sync--${summary.tone}`}
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={openSyncPanel}
      >
        <span className="hc-sync__dot" aria-hidden="true" />
        <span className="hc-sync__text">{summary.label}</span>
      </button>
      <span role="status" className="hc-visually-hidden">
        {ANNOUNCEMENTS[summary.tone]}
      </span>
      <SyncStatusPanel open={open} status={status} timeZone={user.timeZone} onClose={closeSyncPanel} />
    </>
  );
}
