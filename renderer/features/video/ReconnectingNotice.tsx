// "Reconnecting…" with the time since the call dropped, shown on both sides while a new peer is built; after
// a while also "Video unavailable — continue in chat" (the call keeps trying, the visit goes on).
import { useNow } from '../../ui';
import { formatElapsed } from './call-quality';
import { VIDEO_UNAVAILABLE_AFTER_MS, VideoUnavailableNotice } from './VideoUnavailableNotice';

export function ReconnectingNotice({ since }: { since: number }) {
  const now = useNow(1_000);
  return (
    <>
      <p className="hc-call__reconnecting" role="status">
        Reconnecting… <span className="hc-mono">{formatElapsed(now - since)}</span>
      </p>
      {now - since >= VIDEO_UNAVAILABLE_AFTER_MS ? <VideoUnavailableNotice reason="not_recovering" /> : null}
    </>
  );
}
