// Rule table for dispatch assignments: skills, license in the patient's state, role, shift hours, time windows
// with travel along the route, tight windows as warnings, started visits never moved; and the travel model.
import { describe, expect, it } from 'vitest';
import { checkAssignment, scheduleRoute } from '../../../shared/rules/dispatch/assignment';
import type { PersonInput, StopInput } from '../../../shared/rules/dispatch/assignment';
import { haversineKm, travelMinutes } from '../../../shared/rules/dispatch/travel';

const TZ = 'America/Los_Angeles';
const T0 = Date.parse('2026-03-10T15:00:00Z'); // 08:00 in Seattle (PDT)
const MIN = 60_000;
const NOW = new Date('2026-03-10T15:00:00Z');
const DOWNTOWN = { latitude: 47.6062, longitude: -122.3321 };
// About 6.1 km north of downtown: 6.1 * 1.3 / 30 km/h = 16 min.
const FREMONT = { latitude: 47.6613, longitude: -122.3321 };

const nurse: PersonInput = {
  userId: 'u-nurse', displayName: 'Hannah Kim, RN', role: 'clinician', skills: ['phlebotomy', 'iv', 'vaccination', 'wound_care'],
  licenses: [{ state: 'WA', licenseNumber: 'RN1', expiresOn: '2030-01-01' }, { state: 'OR', licenseNumber: 'RN2', expiresOn: '2026-01-01' }],
  shiftStart: T0, shiftEnd: T0 + 8 * 60 * MIN, start: DOWNTOWN,
};
const courier: PersonInput = { ...nurse, userId: 'u-courier', displayName: 'Chris Taylor', role: 'courier', skills: ['delivery'], licenses: [] };

const stop = (over: Partial<StopInput> = {}): StopInput => ({
  id: 'r1', kind: 'home_visit', skills: ['phlebotomy'], durationMinutes: 20, windowStart: T0, windowEnd: T0 + 4 * 60 * MIN,
  patientState: 'WA', status: 'unassigned', assigneeId: null, ...DOWNTOWN, ...over,
});

describe('travel model', () => {
  it('haversine distance and minutes at the stated speed and detour factor', () => {
    expect(haversineKm(DOWNTOWN, FREMONT)).toBeCloseTo(6.13, 1);
    expect(travelMinutes(DOWNTOWN, FREMONT)).toBe(16);
    expect(travelMinutes(DOWNTOWN, DOWNTOWN)).toBe(0);
  });
});

describe('checkAssignment', () => {
  const cases: Array<{ name: string; request: StopInput; person?: PersonInput; route?: StopInput[]; verdict: string; message?: RegExp }> = [
    { name: 'a nurse with the skill, licensed in WA, wide window', request: stop(), verdict: 'ok' },
    { name: 'missing skill', request: stop({ skills: ['lung_exam'] }), verdict: 'violation', message: /^Hannah Kim, RN lacks the skill lung_exam\.$/ },
    { name: 'no license in the patient state', request: stop({ patientState: 'ID' }), verdict: 'violation', message: /not licensed in ID, where the patient is/ },
    { name: 'expired license in the patient state', request: stop({ patientState: 'OR' }), verdict: 'violation', message: /OR license has expired/ },
    { name: 'a courier cannot make a home visit', request: stop({ skills: [] }), person: courier, verdict: 'violation', message: /courier and cannot make home visits/ },
    { name: 'a delivery to a courier needs no clinical license', request: stop({ kind: 'delivery', skills: ['delivery'], patientState: 'ID' }), person: courier, verdict: 'ok' },
    { name: 'a delivery to a nurse', request: stop({ kind: 'delivery', skills: ['delivery'] }), verdict: 'violation', message: /is not a courier/ },
    { name: 'window closes before the travel can get there', request: stop({ ...FREMONT, windowEnd: T0 + 10 * MIN }), verdict: 'violation', message: /would start at 8:16 AM, after its window closes at 8:10 AM/ },
    { name: 'tight window: 4 min of slack is a warning', request: stop({ ...FREMONT, windowEnd: T0 + 20 * MIN }), verdict: 'warning', message: /Tight window: only 4 min of slack/ },
    { name: 'past the end of the shift', request: stop({ windowStart: T0 + 7 * 60 * MIN + 50 * MIN, windowEnd: T0 + 9 * 60 * MIN }), verdict: 'violation', message: /after Hannah Kim, RN's shift ends at 4:00 PM/ },
    { name: 'a visit started by someone else is never moved', request: stop({ status: 'en_route', assigneeId: 'u-other' }), verdict: 'violation', message: /already started/ },
    {
      name: 'travel along the route makes a later window impossible',
      request: stop({ id: 'r2', windowStart: T0, windowEnd: T0 + 30 * MIN }),
      route: [stop({ id: 'r0', ...FREMONT, windowStart: T0, windowEnd: T0 + 20 * MIN, durationMinutes: 60, status: 'arrived', assigneeId: 'u-nurse' })],
      verdict: 'violation', message: /This request would start at 9:32 AM, after its window closes at 8:30 AM/,
    },
    {
      name: 'completed visits are behind the person and do not push the day later',
      request: stop({ id: 'r3', windowStart: T0, windowEnd: T0 + 30 * MIN }),
      route: [stop({ id: 'done', ...FREMONT, windowStart: T0 + 5 * 60 * MIN, windowEnd: T0 + 6 * 60 * MIN, status: 'completed', assigneeId: 'u-nurse' })],
      verdict: 'ok',
    },
    {
      name: 'a visit already late on the route (shown as late risk) is not blamed on the new request',
      request: stop({ id: 'r4' }),
      route: [stop({ id: 'late', ...FREMONT, windowStart: T0, windowEnd: T0 + 5 * MIN, assigneeId: 'u-nurse', status: 'assigned' })],
      verdict: 'ok',
    },
  ];
  it.each(cases)('$name -> $verdict', ({ request, person, route, verdict, message }) => {
    const result = checkAssignment({ request, person: person ?? nurse, route: route ?? [], now: NOW, timeZone: TZ });
    expect(result.verdict).toBe(verdict);
    if (message) expect([...result.violations, ...result.warnings].map((i) => i.message).join(' ')).toMatch(message);
  });

  it('picks the best feasible position and never inserts before a started visit', () => {
    const started = stop({ id: 'a', status: 'arrived', assigneeId: 'u-nurse', windowEnd: T0 + 60 * MIN });
    const later = stop({ id: 'b', ...FREMONT, windowStart: T0 + 3 * 60 * MIN, windowEnd: T0 + 4 * 60 * MIN });
    const early = stop({ id: 'c', windowStart: T0, windowEnd: T0 + 2 * 60 * MIN });
    const best = checkAssignment({ request: early, person: nurse, route: [started, later], now: NOW, timeZone: TZ });
    expect(best.verdict).toBe('ok');
    expect(best.route.map((s) => s.id)).toEqual(['a', 'c', 'b']);
    const forced = checkAssignment({ request: early, person: nurse, route: [started, later], position: 0, now: NOW, timeZone: TZ });
    expect(forced.verdict).toBe('violation');
    expect(forced.violations[0]!.message).toMatch(/cannot go before a visit that has already started/);
  });

  it('schedules a route: waits for windows, then travels', () => {
    const planned = scheduleRoute(nurse, [stop({ id: 'x', ...FREMONT, windowStart: T0 + 60 * MIN }), stop({ id: 'y' })]);
    expect(planned.map((p) => [(p.arrival - T0) / MIN, (p.start - T0) / MIN, (p.end - T0) / MIN])).toEqual([[16, 60, 80], [96, 96, 116]]);
  });
});
