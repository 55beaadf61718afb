// Shows whether the workstation can reach the care server; a polite live region named "Connection: …".
import type { Connectivity } from '../../platform';
import { useConnectivityStore } from './connectivity-store';

const LABELS: Record<Connectivity, string> = {
  online: 'online',
  offline: 'offline',
  'server-unreachable': 'server unreachable',
};

export function ConnectivityIndicator() {
  const status = useConnectivityStore((s) => s.status);
  const label = status ? LABELS[status] : 'checking';
  return (
    <div role="status" aria-label={`Connection: ${label}`} className={`hc-connection hc-connection--${status ?? 'checking'}`}>
      <span className="hc-connection__dot" aria-hidden="true" />
      <span className="hc-connection__text">{label}</span>
    </div>
  );
}
