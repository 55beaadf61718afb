// suggestInsertions ranks the vehicles that can feasibly take a new request by the travel time it adds,
// skipping vehicles without the skill, without time in their shift, or before their locked visits.
import { describe, expect, it } from 'vitest';
import { checkPlan, suggestInsertions, type Job, type Plan, type RoutingProblem, type Vehicle } from '../../../shared/rules/routing';
import { euclidean, type Point } from './helpers';

// Locations: 0 depot, 1 A, 2 C, 3 B, 4 D, 5 X (the new request).
const POINTS: Point[] = [[0, 0], [10, 0], [20, 0], [0, 10], [16, 1], [15, 1]];
const vehicle = (id: string, extra: Partial<Vehicle> = {}): Vehicle => ({ id, startLocation: 0, endLocation: 0, shiftStart: 0, shiftEnd: 1000, capacity: 10, skills: ['iv'], ...extra });

function setup(): { problem: RoutingProblem; plan: Plan; request: Job } {
  const problem: RoutingProblem = {
    vehicles: [
      vehicle('v1'),
      vehicle('v2'),
      vehicle('v3'),
      vehicle('v4', { skills: [] }),
      vehicle('v5', { shiftEnd: 25 }),
      vehicle('v6', { lockedJobIds: ['D'] }),
    ],
    jobs: [
      { id: 'A', location: 1, service: 0 },
      { id: 'C', location: 2, service: 0 },
      { id: 'B', location: 3, service: 0 },
      { id: 'D', location: 4, service: 0 },
    ],
    matrix: euclidean(POINTS),
  };
  const plan: Plan = {
    routes: [
      { vehicleId: 'v1', jobIds: ['A', 'C'] },
      { vehicleId: 'v2', jobIds: ['B'] },
      { vehicleId: 'v6', jobIds: ['D'] },
    ],
    unassigned: [],
  };
  return { problem, plan, request: { id: 'X', location: 5, service: 0, demand: 1, skills: ['iv'] } };
}

const d = (a: number, b: number) => Math.hypot(POINTS[a]![0] - POINTS[b]![0], POINTS[a]![1] - POINTS[b]![1]);

describe('suggestInsertions', () => {
  it('ranks feasible vehicles by added travel time, with the best position of each', () => {
    const { problem, plan, request } = setup();
    expect(checkPlan(problem, plan).feasible).toBe(true);
    const ranked = suggestInsertions(problem, plan, request);
    expect(ranked.map((s) => s.vehicleId)).toEqual(['v6', 'v1', 'v2', 'v3']);
    const [v6, v1, v2, v3] = ranked;
    // v6 may only add after its locked visit D: D -> X -> depot.
    expect(v6!.position).toBe(1);
    expect(v6!.addedTravelTime).toBeCloseTo(d(4, 5) + d(5, 0) - d(4, 0), 12);
    // v1: after C (0.132 added) beats between A and C (0.198).
    expect(v1!.position).toBe(2);
    expect(v1!.addedTravelTime).toBeCloseTo(d(2, 5) + d(5, 0) - d(2, 0), 12);
    expect(v1!.addedTravelTime).toBeLessThan(d(1, 5) + d(5, 2) - d(1, 2));
    expect(v1!.arrival).toBeCloseTo(d(0, 1) + d(1, 2) + d(2, 5), 12);
    expect(v2!.addedTravelTime).toBeCloseTo(d(0, 5) + d(5, 3) - d(0, 3), 12);
    expect(v3!.addedTravelTime).toBeCloseTo(2 * d(0, 5), 12);
    // v4 lacks the skill; v5's shift (ends at 25) is too short for the 30-unit round trip.
    expect(ranked.find((s) => s.vehicleId === 'v4' || s.vehicleId === 'v5')).toBeUndefined();
  });

  it('ranks by the duration matrix when it differs from distance (or by distance on request)', () => {
    const { problem, plan, request } = setup();
    const duration = Float64Array.from(problem.matrix.distance);
    for (const loc of [1, 2]) {
      duration[loc * 6 + 5] = 100;
      duration[5 * 6 + loc] = 100;
    }
    const slow: RoutingProblem = { ...problem, matrix: { ...problem.matrix, duration } };
    expect(suggestInsertions(slow, plan, request).map((s) => s.vehicleId)).toEqual(['v6', 'v2', 'v3', 'v1']);
    expect(suggestInsertions(slow, plan, request, { by: 'distance' }).map((s) => s.vehicleId)).toEqual(['v6', 'v1', 'v2', 'v3']);
  });

  it('respects the request window and capacity', () => {
    const { problem, plan, request } = setup();
    // Start by 16: v6 must first serve its locked visit D (arrival at X 17.03), so it drops out; v1 can no
    // longer come after C (arrival 25.1) but still between A and C (arrival 15.1).
    const early = suggestInsertions(problem, plan, { ...request, timeWindows: [[0, 16]] });
    expect(early.map((s) => s.vehicleId)).toEqual(['v1', 'v2', 'v3']);
    expect(early[0]!.position).toBe(1);
    expect(early[0]!.start).toBeCloseTo(d(0, 1) + d(1, 5), 12);
    expect(suggestInsertions(problem, plan, { ...request, timeWindows: [[0, 15.05]] }).find((s) => s.vehicleId === 'v1')!.position).toBe(0);
    const heavy = suggestInsertions(problem, plan, { ...request, demand: 11 });
    expect(heavy).toEqual([]);
  });

  it('moves a request already in the plan instead of counting it twice', () => {
    const { problem, plan, request } = setup();
    const withX: RoutingProblem = { ...problem, jobs: [...problem.jobs, request] };
    const planned: Plan = { ...plan, routes: plan.routes.map((r) => (r.vehicleId === 'v2' ? { ...r, jobIds: ['B', 'X'] } : r)) };
    expect(suggestInsertions(withX, planned, request).map((s) => s.vehicleId)).toEqual(['v6', 'v1', 'v2', 'v3']);
  });
});
