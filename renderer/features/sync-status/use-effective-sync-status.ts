// The data layer's sync status as the UI shows it: corrected for a browser that has no network (then nothing
// is reachable and nothing may be called "all saved to server"), and with download progress that stays on
// screen between pages of a first sync instead of blinking out while the next page is fetched.
import { useRef } from 'react';
import type { SyncStatus } from '../../data';
import { useSyncStatus } from '../../data';
import { useBrowserOnline } from './use-browser-online';

type Progress = SyncStatus['progress'];

export function useEffectiveSyncStatus(): SyncStatus {
  const status = useSyncStatus();
  const browserOnline = useBrowserOnline();
  const lastProgress = useRef<Progress>(null);

  const downloading = status.phase === 'first-sync';
  if (status.progress) lastProgress.current = status.progress;
  else if (!downloading) lastProgress.current = null;
  const progress = status.progress ?? (downloading ? lastProgress.current : null);

  const shown = progress === status.progress ? status : { ...status, progress };
  return browserOnline ? shown : { ...shown, online: false, allSynced: false };
}
