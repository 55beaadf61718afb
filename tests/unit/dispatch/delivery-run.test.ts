// Unit test: a delivery's window on the board (couriers' hours after the pharmacy fill, else the next day) and the run status of each courier step.
import { describe, expect, it } from 'vitest';
import { deliveryWindow, runStatusForDelivery } from '../../../shared/rules/dispatch/delivery-run';
import { instantAt } from '../../../shared/rules/time-zones';

const TZ = 'America/Los_Angeles';
const at = (date: string, hhmm: string) => instantAt(date, hhmm, TZ);

describe('delivery window', () => {
  it('starts an hour after signing (the pharmacy fill) and ends at 18:00 the same day', () => {
    expect(deliveryWindow(at('2026-11-27', '11:20'), TZ)).toEqual({ windowStart: at('2026-11-27', '12:20').toISOString(), windowEnd: at('2026-11-27', '18:00').toISOString() });
  });
  it('opens at 09:00 for a prescription signed early in the morning', () => {
    expect(deliveryWindow(at('2026-11-27', '06:10'), TZ).windowStart).toBe(at('2026-11-27', '09:00').toISOString());
  });
  it('moves to the next day when less than two hours of courier time would remain', () => {
    expect(deliveryWindow(at('2026-11-27', '15:30'), TZ)).toEqual({ windowStart: at('2026-11-28', '09:00').toISOString(), windowEnd: at('2026-11-28', '18:00').toISOString() });
    expect(deliveryWindow(at('2026-11-27', '23:50'), TZ).windowStart).toBe(at('2026-11-28', '09:00').toISOString());
  });
});

describe('run status of a courier step', () => {
  it('en route from pickup, completed at delivery, back to assigned after a failed attempt, unchanged otherwise', () => {
    expect(runStatusForDelivery('picked_up')).toBe('en_route');
    expect(runStatusForDelivery('out_for_delivery')).toBe('en_route');
    expect(runStatusForDelivery('delivered')).toBe('completed');
    expect(runStatusForDelivery('failed')).toBe('assigned');
    for (const s of ['pharmacy_fill', 'ready_for_pickup', 'returned', 'cancelled'] as const) expect(runStatusForDelivery(s)).toBeNull();
  });
});
