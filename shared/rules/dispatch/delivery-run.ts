// A prescription delivery as a courier run on the dispatch board: its time window (couriers' day in the
// patient's city, after the pharmacy fill) and how the courier's delivery steps move the request's live status.
import type { DeliveryStatus } from '../../domain/prescription';
import type { FieldRequestStatus } from '../../domain/dispatch';
import { addDays, instantAt, localDate } from '../time-zones';

/** Couriers' delivery hours (local wall clock) and the time the pharmacy needs to fill a prescription. */
export const DELIVERY_DAY = { opens: '09:00', closes: '18:00', fillMinutes: 60, latestStartBeforeCloseMinutes: 120 } as const;
export const DELIVERY_RUN = { durationMinutes: 10, priority: 'soon', reason: 'Prescription delivery' } as const;

/**
 * The window a delivery signed at `signedAt` is brought in: from the later of opening time and the end of the
 * pharmacy fill, to closing time, the same local day; when less than two hours would remain, the next day's hours.
 */
export function deliveryWindow(signedAt: Date, timeZone: string): { windowStart: string; windowEnd: string } {
  const today = localDate(signedAt, timeZone);
  const ready = signedAt.getTime() + DELIVERY_DAY.fillMinutes * 60_000;
  const opens = instantAt(today, DELIVERY_DAY.opens, timeZone).getTime();
  const closes = instantAt(today, DELIVERY_DAY.closes, timeZone).getTime();
  const start = Math.max(ready, opens);
  if (closes - start >= DELIVERY_DAY.latestStartBeforeCloseMinutes * 60_000) {
    return { windowStart: new Date(start).toISOString(), windowEnd: new Date(closes).toISOString() };
  }
  const next = addDays(today, 1);
  return {
    windowStart: instantAt(next, DELIVERY_DAY.opens, timeZone).toISOString(),
    windowEnd: instantAt(next, DELIVERY_DAY.closes, timeZone).toISOString(),
  };
}

/**
 * The board status a courier's delivery step puts its request in, or null for no change: on the way from pickup,
 * done at delivery, and back on the route (assigned, not started) after a failed attempt, for a retry or another courier.
 */
export function runStatusForDelivery(status: DeliveryStatus): Exclude<FieldRequestStatus, 'unassigned' | 'cancelled'> | null {
  switch (status) {
    case 'picked_up': case 'out_for_delivery': return 'en_route';
    case 'delivered': return 'completed';
    case 'failed': return 'assigned';
    default: return null;
  }
}

/** Delivery statuses in which the courier may still be chosen or changed (before pickup, or after a failed attempt). */
export const COURIER_ASSIGNABLE_STATUSES: readonly DeliveryStatus[] = ['pharmacy_fill', 'ready_for_pickup', 'returned', 'failed'];
