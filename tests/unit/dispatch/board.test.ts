// The board's live flags and routes: late risk when the ETA (later of now and the plan) passes the window's end;
// each person's route in route order, cancelled requests left out.
import { describe, expect, it } from 'vitest';
import { isLateRisk, routesByPerson } from '../../../shared/rules/dispatch/board';

const at = (hhmm: string) => `2026-03-10T${hhmm}:00.000Z`;
const NOW = Date.parse(at('10:00'));

describe('isLateRisk', () => {
  it.each([
    { name: 'planned inside the window', status: 'assigned', plannedArrival: at('09:30'), windowEnd: at('11:00'), late: false },
    { name: 'planned after the window closes', status: 'assigned', plannedArrival: at('11:30'), windowEnd: at('11:00'), late: true },
    { name: 'plan in the past, now after the window', status: 'en_route', plannedArrival: at('08:00'), windowEnd: at('09:30'), late: true },
    { name: 'no plan yet: ETA is now', status: 'assigned', plannedArrival: null, windowEnd: at('10:30'), late: false },
    { name: 'arrived visits are never late risk', status: 'arrived', plannedArrival: at('11:30'), windowEnd: at('09:00'), late: false },
    { name: 'unassigned requests are not on a route', status: 'unassigned', plannedArrival: null, windowEnd: at('09:00'), late: false },
  ] as const)('$name -> $late', ({ status, plannedArrival, windowEnd, late }) => {
    expect(isLateRisk({ status, plannedArrival, windowEnd }, NOW)).toBe(late);
  });
});

describe('routesByPerson', () => {
  it('orders each route by position (unplanned last, by window), leaving out unassigned and cancelled requests', () => {
    const r = (id: string, assigneeId: string | null, routePosition: number | null, status = 'assigned', windowStart = at('09:00')) =>
      ({ id, assigneeId, routePosition, status: status as 'assigned', windowStart });
    const routes = routesByPerson([r('c', 'u1', null, 'assigned', at('12:00')), r('b', 'u1', 1), r('a', 'u1', 0), r('x', 'u1', 2, 'cancelled'), r('n', null, null, 'unassigned'), r('d', 'u1', null, 'assigned', at('08:00')), r('z', 'u2', 0, 'en_route')]);
    expect([...routes.keys()].sort()).toEqual(['u1', 'u2']);
    expect(routes.get('u1')!.map((s) => s.id)).toEqual(['a', 'b', 'd', 'c']);
    expect(routes.get('u2')!.map((s) => s.id)).toEqual(['z']);
  });
});
