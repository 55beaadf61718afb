// Progress of a first sync or a large catch-up: a progress bar named "Downloading your patients" and the counts
// (indeterminate until the server has said how much there is).
import { ProgressBar } from '../../ui';
import { progressPercent } from './sync-summary';

/** progress null: the download is starting and its size is not known yet (an indeterminate bar). */
export function SyncProgress({ progress }: { progress: { done: number; total: number } | null }) {
  if (!progress) {
    return (
      <div className="hc-sync-progress">
        <ProgressBar label="Downloading your patients" value={0} max={0} valueText="Starting" />
        <p className="hc-muted">Starting the download…</p>
      </div>
    );
  }
  const counts = `${progress.done.toLocaleString()} of ${progress.total.toLocaleString()} records`;
  return (
    <div className="hc-sync-progress">
      <ProgressBar label="Downloading your patients" value={progress.done} max={progress.total} valueText={`${progressPercent(progress)}%, ${counts}`} />
      <p className="hc-muted">
        {progressPercent(progress)}% — {counts}
      </p>
    </div>
  );
}
