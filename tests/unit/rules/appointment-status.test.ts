// The appointment status state machine, every pair of statuses.
import { describe, expect, it } from 'vitest';
import { allowedNextStatuses, checkStatusTransition } from '../../../shared/rules/appointment-status';
import { APPOINTMENT_STATUSES } from '../../../shared/domain/appointment';

const ALLOWED = new Set([
  'booked>checked_in', 'booked>no_show', 'booked>cancelled',
  'checked_in>in_progress', 'checked_in>no_show', 'checked_in>cancelled',
  'in_progress>completed',
]);

describe('appointment status transitions', () => {
  const pairs = APPOINTMENT_STATUSES.flatMap((from) => APPOINTMENT_STATUSES.map((to) => [from, to] as const));
  it.each(pairs)('%s -> %s', (from, to) => {
    const result = checkStatusTransition(from, to);
    expect(result.ok).toBe(ALLOWED.has(`${from}>${to}`));
    if (!result.ok) expect(result.message).toMatch(/\w/);
  });

  it('completed, no-show and cancelled are final', () => {
    for (const s of ['completed', 'no_show', 'cancelled'] as const) expect(allowedNextStatuses(s)).toEqual([]);
  });
});
