// A printable prescription for the patient record: the browser's print (or "Save as PDF") prints only this
// view, through the print stylesheet in rx.css.
import type { LocalPrescription } from '../../data';
import { Button, Dialog, formatTimestamp } from '../../ui';
import { RX_STATUS_LABEL, sigText } from './rx-words';
import './rx.css';

export interface PrescriptionPrintProps {
  rx: LocalPrescription;
  patientName: string;
  open: boolean;
  onClose: () => void;
}

export function PrescriptionPrint({ rx, patientName, open, onClose }: PrescriptionPrintProps) {
  const o = rx.order;
  return (
    <Dialog open={open} title={`Prescription: ${rx.drugName}`} onClose={onClose} className="hc-rx-print">
      <dl className="hc-facts">
        <div><dt>Patient</dt><dd>{patientName}</dd></div>
        <div><dt>Drug</dt><dd>{rx.drugName} (RxNorm {rx.rxcui}){rx.schedule !== 'none' ? `, schedule ${rx.schedule}` : ''}</dd></div>
        <div><dt>Sig</dt><dd>{sigText(o)}</dd></div>
        <div><dt>Quantity</dt><dd>{o.quantity} {o.quantityUnit}</dd></div>
        <div><dt>Refills</dt><dd>{o.refills}</dd></div>
        <div><dt>Days' supply</dt><dd>{o.daysSupply}</dd></div>
        <div><dt>Substitution</dt><dd>{o.substitutionAllowed ? 'Allowed' : 'Dispense as written'}</dd></div>
        {o.pharmacyNote ? <div><dt>Note to pharmacy</dt><dd>{o.pharmacyNote}</dd></div> : null}
        <div><dt>Prescriber</dt><dd>{rx.prescriberName || 'You'}</dd></div>
        <div><dt>Signed</dt><dd>{formatTimestamp(rx.signedAt)}</dd></div>
        <div><dt>Status</dt><dd>{RX_STATUS_LABEL[rx.status]}{rx.cancelReason ? ` (${rx.cancelReason})` : ''}</dd></div>
        <div><dt>Content hash</dt><dd className="hc-mono">{rx.contentHash || 'assigned when the server accepts it'}</dd></div>
      </dl>
      {rx.overrides.length > 0 ? (
        <>
          <h3>Overridden warnings</h3>
          <ul className="hc-list">
            {rx.overrides.map((ov) => (
              <li key={ov.key}>{ov.message || ov.key}: {ov.reason}</li>
            ))}
          </ul>
        </>
      ) : null}
      <div className="hc-rx-print__actions">
        <Button variant="primary" onClick={() => window.print()}>
          Print
        </Button>
        <Button onClick={onClose}>Close</Button>
      </div>
    </Dialog>
  );
}
