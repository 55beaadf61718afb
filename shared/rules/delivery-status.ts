// The delivery state machine: pharmacy_fill -> ready_for_pickup -> picked_up -> out_for_delivery (ETA) ->
// delivered (proof) | failed (reason) -> returned (-> ready_for_pickup again) or a redelivery attempt
// (failed -> out_for_delivery). Who may make each move, and the patient's plain-language status text.
import type { DeliveryStatus } from '../domain/prescription';
import type { Role } from '../domain/roles';

interface Move { to: DeliveryStatus; by: readonly Role[] }

const MOVES: Record<DeliveryStatus, readonly Move[]> = {
  pharmacy_fill: [{ to: 'ready_for_pickup', by: ['dispatcher'] }, { to: 'cancelled', by: ['clinician'] }],
  ready_for_pickup: [{ to: 'picked_up', by: ['courier'] }, { to: 'cancelled', by: ['clinician'] }],
  picked_up: [{ to: 'out_for_delivery', by: ['courier'] }],
  out_for_delivery: [{ to: 'delivered', by: ['courier'] }, { to: 'failed', by: ['courier'] }],
  failed: [{ to: 'out_for_delivery', by: ['courier'] }, { to: 'returned', by: ['courier', 'dispatcher'] }],
  returned: [{ to: 'ready_for_pickup', by: ['dispatcher'] }],
  delivered: [],
  cancelled: [],
};

/** The order of the happy path, to tell a skip from a backwards move in messages. */
const ORDER: DeliveryStatus[] = ['pharmacy_fill', 'ready_for_pickup', 'picked_up', 'out_for_delivery', 'delivered'];

export const DELIVERY_STATUS_LABEL: Record<DeliveryStatus, string> = {
  pharmacy_fill: 'Pharmacy fill', ready_for_pickup: 'Ready for pickup', picked_up: 'Picked up', out_for_delivery: 'Out for delivery',
  delivered: 'Delivered', failed: 'Delivery failed', returned: 'Returned to pharmacy', cancelled: 'Cancelled',
};

export const FAILURE_REASON_LABEL = { not_home: 'Not home', wrong_address: 'Wrong address', refused: 'Refused' } as const;

export type DeliveryTransitionCheck = { ok: true } | { ok: false; message: string };

/** The statuses a delivery may move to from `from` by someone in `role`. */
export function nextDeliveryStatuses(from: DeliveryStatus, role: Role): DeliveryStatus[] {
  return MOVES[from].filter((m) => m.by.includes(role)).map((m) => m.to);
}

export function checkDeliveryTransition(from: DeliveryStatus, to: DeliveryStatus, role: Role): DeliveryTransitionCheck {
  const l = DELIVERY_STATUS_LABEL;
  if (from === to) return { ok: false, message: `The delivery is already ${l[to].toLowerCase()}.` };
  const move = MOVES[from].find((m) => m.to === to);
  if (move) {
    return move.by.includes(role) ? { ok: true } : { ok: false, message: `Only a ${move.by.join(' or ')} may mark a delivery ${l[to].toLowerCase()}.` };
  }
  if (MOVES[from].length === 0) return { ok: false, message: `The delivery is ${l[from].toLowerCase()}; its status can no longer change.` };
  const fi = ORDER.indexOf(from);
  const ti = ORDER.indexOf(to);
  const allowed = MOVES[from].map((m) => l[m.to].toLowerCase()).join(' or ');
  if (fi >= 0 && ti >= 0 && ti < fi) return { ok: false, message: `A delivery cannot go back from ${l[from].toLowerCase()} to ${l[to].toLowerCase()}; next is ${allowed}.` };
  if (fi >= 0 && ti > fi + 1) return { ok: false, message: `A delivery cannot skip from ${l[from].toLowerCase()} to ${l[to].toLowerCase()}; next is ${allowed}.` };
  return { ok: false, message: `A delivery that is ${l[from].toLowerCase()} cannot become ${l[to].toLowerCase()}; next is ${allowed}.` };
}

/** The statuses the patient's conversation is told about. */
export const CHAT_NOTIFIED_STATUSES: ReadonlySet<DeliveryStatus> = new Set(['picked_up', 'delivered', 'failed']);

/**
 * The plain-language, PHI-free chat message for the patient at a delivery status (no drug name, no address),
 * or null for statuses the patient is not messaged about.
 */
export function deliveryStatusMessage(status: DeliveryStatus): string | null {
  switch (status) {
    case 'picked_up': return 'Your care courier has picked up your prescription from the pharmacy and will bring it to you soon.';
    case 'delivered': return 'Your prescription has been delivered. If anything looks wrong, reply here and your care team will help.';
    case 'failed': return 'Your care courier could not deliver your prescription this time. Your care team will arrange another delivery with you.';
    default: return null;
  }
}
