// Booking rules, table-driven: impossible times, overlaps (back-to-back allowed, freed statuses ignored), and
// licensure for video/home visits (clinic visits need none).
import { describe, expect, it } from 'vitest';
import { checkBooking, checkBookingTimes, findOverlap } from '../../../shared/rules/booking';
import type { BookedSpan } from '../../../shared/rules/booking';
import type { StateLicense } from '../../../shared/domain/user';

const at = (hhmm: string) => `2026-11-30T${hhmm}:00.000Z`;
const existing: BookedSpan[] = [
  { id: 'a', startsAt: at('16:00'), endsAt: at('16:30'), status: 'booked' },
  { id: 'b', startsAt: at('17:00'), endsAt: at('17:30'), status: 'cancelled' },
  { id: 'c', startsAt: at('18:00'), endsAt: at('18:30'), status: 'in_progress' },
];
const licenses: StateLicense[] = [
  { state: 'WA', licenseNumber: 'MD1', expiresOn: '2030-01-01' },
  { state: 'NY', licenseNumber: 'MD2', expiresOn: '2026-11-29' },
];

describe('checkBookingTimes', () => {
  it.each([
    ['a 30-minute visit', at('10:00'), at('10:30'), true],
    ['ends before it starts', at('10:30'), at('10:00'), false],
    ['zero length', at('10:00'), at('10:00'), false],
    ['longer than 8 hours', at('01:00'), at('09:01'), false],
    ['not a time', 'soon', at('10:00'), false],
  ])('%s', (_name, start, end, ok) => {
    const result = checkBookingTimes(start, end);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.code).toBe('bad_times');
  });
});

describe('findOverlap', () => {
  it.each([
    ['inside a booked visit', '16:10', '16:20', 'a'],
    ['straddling its start', '15:45', '16:15', 'a'],
    ['back-to-back before', '15:30', '16:00', null],
    ['back-to-back after', '16:30', '17:00', null],
    ['over a cancelled visit', '17:00', '17:30', null],
    ['over an in-progress visit', '18:15', '18:45', 'c'],
    ['covering a visit entirely', '15:00', '19:00', 'a'],
  ])('%s', (_name, from, to, clash) => {
    expect(findOverlap({ id: 'new', startsAt: at(from), endsAt: at(to) }, existing)?.id ?? null).toBe(clash);
  });

  it('a visit never clashes with itself (rescheduling)', () => {
    expect(findOverlap({ id: 'a', startsAt: at('16:15'), endsAt: at('16:45') }, existing)).toBeNull();
  });
});

describe('checkBooking', () => {
  const candidate = { id: 'new', startsAt: at('20:00'), endsAt: at('20:30') };
  it.each([
    ['video, patient in a licensed state', 'video', 'WA', true, undefined],
    ['video, patient in an unlicensed state', 'video', 'TX', false, 'unlicensed'],
    ['home, patient where the license expired', 'home', 'NY', false, 'unlicensed'],
    ['clinic visit needs no license where the patient is', 'clinic', 'TX', true, undefined],
    ['video, location unknown', 'video', null, false, 'unlicensed'],
  ] as const)('%s', (_name, kind, state, ok, code) => {
    const result = checkBooking({ candidate, kind, licenses, patientState: state, existing });
    expect(result.ok).toBe(ok);
    if (!result.ok) {
      expect(result.code).toBe(code);
      expect(result.message).toMatch(/\w/);
    }
  });

  it('reports impossible times before anything else', () => {
    const result = checkBooking({ candidate: { id: 'x', startsAt: at('16:30'), endsAt: at('16:10') }, kind: 'video', licenses, patientState: 'TX', existing });
    expect(result).toMatchObject({ ok: false, code: 'bad_times', message: 'The visit ends before it starts.' });
  });
});
