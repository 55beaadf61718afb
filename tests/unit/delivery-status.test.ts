// The delivery state machine (shared/rules/delivery-status): the happy path, failure and redelivery, who may
// make each move, skips and backwards moves refused, and the patient's PHI-free chat text.
import { describe, expect, it } from 'vitest';
import { CHAT_NOTIFIED_STATUSES, checkDeliveryTransition, deliveryStatusMessage, nextDeliveryStatuses } from '../../shared/rules/delivery-status';
import { DELIVERY_STATUSES } from '../../shared/domain/prescription';
import type { DeliveryStatus } from '../../shared/domain/prescription';
import type { Role } from '../../shared/domain/roles';

describe('delivery transitions', () => {
  const allowed: Array<[DeliveryStatus, DeliveryStatus, Role]> = [
    ['pharmacy_fill', 'ready_for_pickup', 'dispatcher'],
    ['ready_for_pickup', 'picked_up', 'courier'],
    ['picked_up', 'out_for_delivery', 'courier'],
    ['out_for_delivery', 'delivered', 'courier'],
    ['out_for_delivery', 'failed', 'courier'],
    ['failed', 'out_for_delivery', 'courier'], // redelivery attempt
    ['failed', 'returned', 'courier'],
    ['failed', 'returned', 'dispatcher'],
    ['returned', 'ready_for_pickup', 'dispatcher'], // redelivery later
    ['pharmacy_fill', 'cancelled', 'clinician'],
    ['ready_for_pickup', 'cancelled', 'clinician'],
  ];
  it.each(allowed)('%s -> %s by %s is allowed', (from, to, role) => {
    expect(checkDeliveryTransition(from, to, role)).toEqual({ ok: true });
    expect(nextDeliveryStatuses(from, role)).toContain(to);
  });

  const refused: Array<[DeliveryStatus, DeliveryStatus, Role, RegExp]> = [
    ['pharmacy_fill', 'delivered', 'courier', /cannot skip from pharmacy fill to delivered/],
    ['ready_for_pickup', 'out_for_delivery', 'courier', /cannot skip/],
    ['out_for_delivery', 'picked_up', 'courier', /cannot go back from out for delivery to picked up/],
    ['picked_up', 'ready_for_pickup', 'dispatcher', /cannot go back/],
    ['delivered', 'failed', 'courier', /can no longer change/],
    ['cancelled', 'ready_for_pickup', 'dispatcher', /can no longer change/],
    ['picked_up', 'picked_up', 'courier', /already picked up/],
    ['ready_for_pickup', 'picked_up', 'dispatcher', /Only a courier/],
    ['pharmacy_fill', 'ready_for_pickup', 'courier', /Only a dispatcher/],
    ['out_for_delivery', 'cancelled', 'clinician', /cannot become cancelled/],
    ['returned', 'delivered', 'courier', /cannot become delivered/],
  ];
  it.each(refused)('%s -> %s by %s is refused', (from, to, role, message) => {
    const check = checkDeliveryTransition(from, to, role);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.message).toMatch(message);
  });

  it('has no way out of delivered or cancelled', () => {
    for (const role of ['courier', 'dispatcher', 'clinician', 'admin'] as Role[]) {
      expect(nextDeliveryStatuses('delivered', role)).toEqual([]);
      expect(nextDeliveryStatuses('cancelled', role)).toEqual([]);
    }
  });
});

describe('chat status message', () => {
  it('tells the patient at pickup, at delivery and after a failed attempt, in plain words without any drug or address', () => {
    expect(deliveryStatusMessage('picked_up')).toMatch(/picked up your prescription/);
    expect(deliveryStatusMessage('delivered')).toMatch(/has been delivered/);
    expect(deliveryStatusMessage('failed')).toMatch(/could not deliver/);
    for (const s of DELIVERY_STATUSES) {
      const text = deliveryStatusMessage(s);
      if (!CHAT_NOTIFIED_STATUSES.has(s)) expect(text).toBeNull();
      else expect(text).not.toMatch(/\d|mg|street|avenue/i);
    }
  });
});
