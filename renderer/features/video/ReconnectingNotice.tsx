// "Reconnecting…" with the time since the call dropped, shown on both sides while a new peer is built.
import { useNow } from '../../ui';
import { formatElapsed } from './call-quality';

export function ReconnectingNotice({ since }: { since: number }) {
  const now = useNow(1_000);
  return (
    <p className="hc-call__reconnecting" role="status">
      Reconnecting… <span className="hc-mono">{formatElapsed(now - since)}</span>
    </p>
  );
}
