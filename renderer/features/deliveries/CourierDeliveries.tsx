// The courier view: only the deliveries assigned to the signed-in courier, each with the next steps the state
// machine allows (picked up, out for delivery with an ETA, delivered with proof, failed with a reason, returned).
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { DeliveryStatusBody, DeliveryView } from '../../../shared/api/deliveries';
import { FAILURE_REASONS } from '../../../shared/domain/prescription';
import type { FailureReason } from '../../../shared/domain/prescription';
import { DELIVERY_STATUS_LABEL, FAILURE_REASON_LABEL, nextDeliveryStatuses } from '../../../shared/rules/delivery-status';
import { updateDeliveryStatus } from '../../platform';
import { Alert, Badge, Button, TextField, formatTimestamp } from '../../ui';
import { useDeliveries } from './use-deliveries';
import './deliveries.css';

/** An ETA one hour from now, in the local time a datetime-local input shows. */
function defaultEta(): string {
  const d = new Date(Date.now() + 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function DeliveryCard({ d, onDone }: { d: DeliveryView; onDone: () => void }) {
  const id = useId();
  const [eta, setEta] = useState(defaultEta);
  const [recipient, setRecipient] = useState('');
  const [proofRef, setProofRef] = useState('');
  const [reason, setReason] = useState<FailureReason>('not_home');
  const [error, setError] = useState<string | null>(null);
  const next = nextDeliveryStatuses(d.status, 'courier');

  const send = async (body: DeliveryStatusBody) => {
    setError(null);
    const result = await updateDeliveryStatus(d.id, body);
    if (!result.ok) setError(result.error.message);
    else onDone();
  };
  const etaIso = () => (eta ? new Date(eta).toISOString() : '');
  const delivered = (e: FormEvent) => {
    e.preventDefault();
    if (!recipient.trim() || !proofRef.trim()) {
      setError('Enter who received it and a signature or photo reference.');
      return;
    }
    void send({ status: 'delivered', version: d.version, proof: { recipientName: recipient.trim(), deliveredAt: new Date().toISOString(), signatureRef: proofRef.trim(), photoRef: null } });
  };

  return (
    <article className="hc-card" aria-label={`Delivery for ${d.patientName}`}>
      <h3>{d.patientName}</h3>
      <p>{d.address.line}, {d.address.city}, {d.address.state} {d.address.postalCode}</p>
      <p>{d.drugName}</p>
      <p>
        <Badge tone={d.status === 'failed' ? 'danger' : d.status === 'delivered' ? 'ok' : 'info'}>{DELIVERY_STATUS_LABEL[d.status]}</Badge>
        {d.eta && d.status === 'out_for_delivery' ? <span className="hc-muted"> ETA {formatTimestamp(d.eta)}</span> : null}
        {d.failureReason ? <span className="hc-muted"> · {FAILURE_REASON_LABEL[d.failureReason]}</span> : null}
      </p>
      {next.includes('picked_up') ? <Button variant="primary" onClick={() => void send({ status: 'picked_up', version: d.version })}>Mark picked up</Button> : null}
      {next.includes('out_for_delivery') ? (
        <div className="hc-inline-form">
          <TextField label="ETA" type="datetime-local" value={eta} onChange={(e) => setEta(e.target.value)} />
          <Button variant="primary" onClick={() => void send({ status: 'out_for_delivery', version: d.version, eta: etaIso() })}>
            {d.status === 'failed' ? 'Start redelivery' : 'Mark out for delivery'}
          </Button>
        </div>
      ) : null}
      {next.includes('delivered') ? (
        <form onSubmit={delivered} className="hc-inline-form">
          <TextField label="Recipient name" value={recipient} onChange={(e) => setRecipient(e.target.value)} />
          <TextField label="Signature or photo reference" value={proofRef} onChange={(e) => setProofRef(e.target.value)} />
          <Button type="submit" variant="primary">Mark delivered</Button>
        </form>
      ) : null}
      {next.includes('failed') ? (
        <div className="hc-inline-form">
          <label htmlFor={`${id}-reason`}>Failure reason</label>
          <select id={`${id}-reason`} className="hc-field__input" value={reason} onChange={(e) => setReason(e.target.value as FailureReason)}>
            {FAILURE_REASONS.map((r) => <option key={r} value={r}>{FAILURE_REASON_LABEL[r]}</option>)}
          </select>
          <Button variant="danger" onClick={() => void send({ status: 'failed', version: d.version, reason })}>Mark failed</Button>
        </div>
      ) : null}
      {next.includes('returned') ? <Button onClick={() => void send({ status: 'returned', version: d.version })}>Mark returned to pharmacy</Button> : null}
      {error ? <Alert>{error}</Alert> : null}
    </article>
  );
}

export function CourierDeliveries() {
  const { state, reload } = useDeliveries();
  return (
    <section className="hc-deliveries" aria-label="My deliveries">
      <h2>My deliveries</h2>
      {state.status === 'loading' ? <p className="hc-loading">Loading your deliveries…</p> : null}
      {state.status === 'error' ? <Alert>{state.message}</Alert> : null}
      {state.status === 'ready' && state.deliveries.length === 0 ? <p className="hc-muted">No deliveries assigned to you right now.</p> : null}
      {state.status === 'ready' ? state.deliveries.map((d) => <DeliveryCard key={`${d.id}:${d.version}`} d={d} onDone={reload} />) : null}
      <Button variant="quiet" onClick={reload}>Refresh</Button>
    </section>
  );
}
