// Queue rules: ordering (urgency, then longest wait), eligibility by active license where the patient is
// (expiry in the licensing state's calendar, a patient who moves), and the waited-time wording.
import { describe, expect, it } from 'vitest';
import { checkQueueEligibility, orderQueue, waitedMinutes, waitedText } from '../../../shared/rules/queue';
import type { StateLicense } from '../../../shared/domain/user';

describe('orderQueue', () => {
  it('puts the most urgent first and, within an urgency, the longest waiting', () => {
    const requests = [
      { id: '1', urgency: 'routine', requestedAt: '2026-11-28T10:00:00Z' },
      { id: '2', urgency: 'urgent', requestedAt: '2026-11-28T10:20:00Z' },
      { id: '3', urgency: 'routine', requestedAt: '2026-11-28T09:50:00Z' },
      { id: '4', urgency: 'emergent', requestedAt: '2026-11-28T10:30:00Z' },
      { id: '5', urgency: 'urgent', requestedAt: '2026-11-28T10:05:00Z' },
    ] as const;
    expect(orderQueue(requests).map((r) => r.id)).toEqual(['4', '5', '2', '3', '1']);
  });

  it('orders equal requests by id, so every device shows the same order', () => {
    const same = { urgency: 'routine' as const, requestedAt: '2026-11-28T10:00:00Z' };
    expect(orderQueue([{ id: 'b', ...same }, { id: 'a', ...same }]).map((r) => r.id)).toEqual(['a', 'b']);
  });
});

describe('checkQueueEligibility', () => {
  const licenses: StateLicense[] = [
    { state: 'WA', licenseNumber: 'MD1', expiresOn: '2027-06-30' },
    { state: 'NY', licenseNumber: 'MD2', expiresOn: '2026-11-28' },
  ];
  it.each([
    ['waiting in a licensed state', 'WA', 'waiting', '2026-11-28T18:00:00Z', true, undefined],
    ['waiting in an unlicensed state', 'TX', 'waiting', '2026-11-28T18:00:00Z', false, 'no_license'],
    ['last day of the NY license, evening in New York', 'NY', 'waiting', '2026-11-29T04:30:00Z', true, undefined],
    ['the NY license expired at midnight in New York', 'NY', 'waiting', '2026-11-29T05:30:00Z', false, 'license_expired'],
    ['already taken', 'WA', 'taken', '2026-11-28T18:00:00Z', false, 'not_waiting'],
    ['cancelled', 'WA', 'cancelled', '2026-11-28T18:00:00Z', false, 'not_waiting'],
  ] as const)('%s', (_name, state, status, at, eligible, reason) => {
    const result = checkQueueEligibility(licenses, { locationState: state, status }, new Date(at));
    expect(result.eligible).toBe(eligible);
    if (!result.eligible) expect(result.reason).toBe(reason);
  });

  it('follows a patient who moves: eligible in Washington, not once they confirm Texas, again back home', () => {
    const at = new Date('2026-11-28T18:00:00Z');
    const request = { status: 'waiting' as const, locationState: 'WA' as const };
    expect(checkQueueEligibility(licenses, request, at).eligible).toBe(true);
    expect(checkQueueEligibility(licenses, { ...request, locationState: 'TX' }, at).eligible).toBe(false);
    expect(checkQueueEligibility(licenses, { ...request, locationState: 'WA' }, at).eligible).toBe(true);
  });
});

describe('waited time', () => {
  const requestedAt = '2026-11-28T10:00:00Z';
  it.each([
    [0, 'Waiting less than a minute'],
    [59_000, 'Waiting less than a minute'],
    [5 * 60_000, 'Waiting 5 min'],
    [60 * 60_000, 'Waiting 1 h'],
    [80 * 60_000, 'Waiting 1 h 20 min'],
    [-60_000, 'Waiting less than a minute'], // a device clock behind the server
  ])('after %i ms: %s', (ms, text) => {
    expect(waitedText(requestedAt, Date.parse(requestedAt) + ms)).toBe(text);
  });
  it('counts whole minutes', () => expect(waitedMinutes(requestedAt, Date.parse(requestedAt) + 150_000)).toBe(2));
});
