// The board's optimizer adapter on a small day with a known optimum: skills, licensure and role as solver skills,
// started visits locked at the head of their route, assigned visits kept with their assignee.
import { describe, expect, it } from 'vitest';
import { optimizeDay } from '../../../shared/rules/dispatch/optimize-day';
import type { PersonInput, StopInput } from '../../../shared/rules/dispatch/assignment';
import { runOptimizeRequest } from '../../../renderer/features/dispatch/optimize-protocol';

const T0 = Date.parse('2026-03-10T15:00:00Z');
const MIN = 60_000;
const NOW = new Date('2026-03-10T14:00:00Z');
const BASE = { latitude: 47.6, longitude: -122.33 };
// Points due north and south of BASE; 0.05 degrees of latitude = 5.56 km -> 14.5, rounded up to 15 min at 30 km/h x 1.3.
const north = (k: number) => ({ latitude: 47.6 + 0.05 * k, longitude: -122.33 });
const south = (k: number) => ({ latitude: 47.6 - 0.05 * k, longitude: -122.33 });

const person = (over: Partial<PersonInput>): PersonInput => ({
  userId: 'nurse', displayName: 'Nurse', role: 'clinician', skills: ['phlebotomy'], licenses: [{ state: 'WA', licenseNumber: 'RN1', expiresOn: '2030-01-01' }],
  shiftStart: T0, shiftEnd: T0 + 10 * 60 * MIN, start: BASE, ...over,
});
const stop = (id: string, place: { latitude: number; longitude: number }, over: Partial<StopInput> = {}): StopInput => ({
  id, kind: 'home_visit', skills: ['phlebotomy'], durationMinutes: 20, windowStart: T0, windowEnd: T0 + 8 * 60 * MIN,
  patientState: 'WA', status: 'unassigned', assigneeId: null, ...place, ...over,
});

describe('optimizeDay', () => {
  const nurse = person({});
  const courier = person({ userId: 'courier', displayName: 'Courier', role: 'courier', skills: ['delivery'], licenses: [], start: south(1) });
  const started = stop('started', north(1), { status: 'arrived', assigneeId: 'nurse' });
  const board = {
    people: [{ person: nurse, route: [started] }, { person: courier, route: [] }],
    unassigned: [
      stop('far-north', north(3)),
      stop('mid-north', north(2), { windowEnd: T0 + 60 * MIN }), // only reachable in time straight after the started visit
      stop('delivery', south(2), { kind: 'delivery', skills: ['delivery'] }),
      stop('oregon', north(2), { patientState: 'OR' }),
    ],
    now: NOW,
  };

  it('finds the known optimum: the nurse goes north in order after the started visit, the courier delivers south', () => {
    const proposal = optimizeDay(board, { maxIterations: 2000, seed: 3 });
    expect(proposal.routes).toEqual({ nurse: ['started', 'mid-north', 'far-north'], courier: ['delivery'] });
    expect(proposal.assignments).toEqual([
      { requestId: 'mid-north', userId: 'nurse', position: 1 },
      { requestId: 'far-north', userId: 'nurse', position: 2 },
      { requestId: 'delivery', userId: 'courier', position: 0 },
    ]);
    expect(proposal.unassigned).toEqual(['oregon']); // nobody is licensed in OR
    // Nurse: 15 + 15 + 15 out and 44 back (43.4 rounded up); courier: 15 out and 15 back (haversine model, whole minutes).
    expect(proposal.travelMinutes).toBe(15 + 15 + 15 + 44 + 15 + 15);
  });

  it('the worker protocol answers with the same proposal, or a plain error for a malformed request', () => {
    const answer = runOptimizeRequest({ kind: 'optimize', id: 7, board: { ...board, now: NOW.toISOString() }, maxIterations: 2000, seed: 3 }, () => 0);
    expect(answer).toMatchObject({ kind: 'proposal', id: 7, proposal: { routes: { nurse: ['started', 'mid-north', 'far-north'], courier: ['delivery'] } } });
    expect(runOptimizeRequest({ kind: 'optimize', id: 8 }, () => 0)).toEqual({ kind: 'error', id: 8, message: 'The optimizer was given a board it cannot read.' });
  });
});
