// Words the prescription screens show for statuses, delivery steps and a sig.
import type { DeliveryStatus, PrescriptionStatus, RxOrder } from '../../../shared/domain/prescription';
import { DELIVERY_STATUS_LABEL, FAILURE_REASON_LABEL } from '../../../shared/rules/delivery-status';
import type { BadgeTone } from '../../ui';
import type { LocalPrescription } from '../../data';

export const RX_STATUS_LABEL: Record<PrescriptionStatus, string> = { active: 'Active', cancelled: 'Cancelled', superseded: 'Replaced by a change' };

export const DELIVERY_TONE: Record<DeliveryStatus, BadgeTone> = {
  pharmacy_fill: 'neutral', ready_for_pickup: 'info', picked_up: 'info', out_for_delivery: 'info', delivered: 'ok', failed: 'danger', returned: 'warn', cancelled: 'neutral',
};

export function sigText(order: RxOrder): string {
  const s = order.sig;
  return `${s.dose} ${s.route}, ${s.frequency}, for ${s.durationDays} day${s.durationDays === 1 ? '' : 's'}`;
}

/** "Delivered", "Delivery failed (not home)", "Out for delivery": the delivery line of a prescription. */
export function deliveryText(rx: LocalPrescription): string {
  const d = rx.delivery;
  if (!d) return rx.pending ? 'Delivery starts when the server accepts the prescription' : 'No delivery';
  const base = DELIVERY_STATUS_LABEL[d.status];
  if (d.status === 'failed' && d.failureReason) return `${base} (${FAILURE_REASON_LABEL[d.failureReason].toLowerCase()})`;
  return d.attempt > 1 && d.status !== 'delivered' ? `${base} (attempt ${d.attempt})` : base;
}
