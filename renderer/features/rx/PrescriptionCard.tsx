// One prescription with its delivery status: sig and amounts, overridden warnings, and what the prescriber
// can do with it (print; change or cancel while it is active: both are new events, the signed content stays).
import { useState } from 'react';
import type { FormEvent } from 'react';
import { dataActions, DataError } from '../../data';
import type { LocalPrescription } from '../../data';
import { Alert, Badge, Button, TextField, formatTimestamp } from '../../ui';
import { PrescriptionPrint } from './PrescriptionPrint';
import { DELIVERY_TONE, RX_STATUS_LABEL, deliveryText, sigText } from './rx-words';

export interface PrescriptionCardProps {
  rx: LocalPrescription;
  patientName: string;
  /** Offered only for the prescriber's own active prescriptions. */
  onChange?: (rx: LocalPrescription) => void;
  canAct: boolean;
}

export function PrescriptionCard({ rx, patientName, onChange, canAct }: PrescriptionCardProps) {
  const [printing, setPrinting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const d = rx.delivery;

  const cancel = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (reason.trim().length < 3) {
      setError('Give a reason for cancelling.');
      return;
    }
    try {
      await dataActions.queueMutation('rx.cancel', { prescriptionId: rx.id, reason: reason.trim() });
      setCancelling(false);
    } catch (e) {
      setError(e instanceof DataError ? e.message : 'The cancellation could not be saved on this device.');
    }
  };

  return (
    <article className="hc-rx-card" aria-label={`Prescription ${rx.drugName}`}>
      <p>
        <strong>{rx.drugName}</strong> · {sigText(rx.order)} · {rx.order.quantity} {rx.order.quantityUnit} · {rx.order.refills} refill{rx.order.refills === 1 ? '' : 's'}
      </p>
      <p>
        <Badge tone={rx.status === 'active' ? 'ok' : 'neutral'}>{RX_STATUS_LABEL[rx.status]}</Badge>{' '}
        {rx.pending ? <Badge tone="warn">Pending sync</Badge> : null}{' '}
        <span>
          Delivery: <Badge tone={d ? DELIVERY_TONE[d.status] : 'neutral'}>{deliveryText(rx)}</Badge>
        </span>
        {d?.eta && d.status === 'out_for_delivery' ? <span className="hc-muted"> · ETA {formatTimestamp(d.eta)}</span> : null}
        {d?.status === 'delivered' && d.recipientName ? <span className="hc-muted"> · received by {d.recipientName}{d.deliveredAt ? ` at ${formatTimestamp(d.deliveredAt)}` : ''}</span> : null}
      </p>
      <p className="hc-muted">Signed {formatTimestamp(rx.signedAt)}{rx.cancelReason ? ` · cancelled: ${rx.cancelReason}` : ''}</p>
      {rx.overrides.length > 0 ? (
        <ul className="hc-list hc-muted" aria-label="Overridden warnings">
          {rx.overrides.map((o) => (
            <li key={o.key}>Overridden: {o.message || o.key} — {o.reason}</li>
          ))}
        </ul>
      ) : null}
      <div className="hc-rx-card__actions">
        <Button onClick={() => setPrinting(true)}>Print prescription</Button>
        {canAct && rx.status === 'active' && !rx.pending ? (
          <>
            {onChange ? <Button onClick={() => onChange(rx)}>Change</Button> : null}
            <Button variant="danger" onClick={() => setCancelling((c) => !c)}>
              Cancel prescription
            </Button>
          </>
        ) : null}
      </div>
      {cancelling ? (
        <form onSubmit={(e) => void cancel(e)} className="hc-rx-card__cancel">
          <TextField label="Reason for cancelling" value={reason} onChange={(e) => setReason(e.target.value)} />
          <Button type="submit" variant="danger">
            Confirm cancel
          </Button>
        </form>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <PrescriptionPrint rx={rx} patientName={patientName} open={printing} onClose={() => setPrinting(false)} />
    </article>
  );
}
