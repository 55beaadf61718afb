// Shown in the app frame while patients are downloaded for the first time (or a large catch-up runs), so
// nobody wonders why lists are still filling in.
import { useEffectiveSyncStatus } from './use-effective-sync-status';
import { SyncProgress } from './SyncProgress';

export function FirstSyncNotice() {
  const status = useEffectiveSyncStatus();
  if (!status.progress && status.phase !== 'first-sync') return null;
  return (
    <section className="hc-first-sync" aria-label="Download progress">
      <p className="hc-first-sync__title">
        {status.phase === 'first-sync' ? 'Downloading your patients so they are available offline.' : 'Catching up with changes from the care server.'}
      </p>
      <SyncProgress progress={status.progress} />
    </section>
  );
}
