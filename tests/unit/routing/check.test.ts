// The feasibility checker catches every kind of violation precisely (capacity, windows, shift end,
// coverage, skills, fixed vehicles, locked visits) and accepts a feasible plan with its schedule.
import { describe, expect, it } from 'vitest';
import { checkPlan, type Plan, type RoutingProblem } from '../../../shared/rules/routing';
import { pointsProblem } from './helpers';

// Depot (0,0); job 1 at (3,4) (5 away), job 2 at (6,8) (5 from job 1, 10 from the depot).
const base = (): RoutingProblem =>
  pointsProblem([[0, 0], [3, 4], [6, 8]], {
    vehicles: 2,
    capacity: 10,
    horizon: 100,
    jobs: [{ demand: 4, timeWindows: [[0, 50]], service: 2 }, { demand: 5, timeWindows: [[20, 60]], service: 3 }],
  });
const plan = (...routes: string[][]): Plan => ({ routes: routes.map((jobIds, k) => ({ vehicleId: `v${k + 1}`, jobIds })), unassigned: [] });
const kinds = (p: RoutingProblem, pl: Plan) => checkPlan(p, pl).violations.map((v) => v.kind);

describe('checkPlan', () => {
  it('accepts a feasible plan and computes its schedule and metrics', () => {
    const result = checkPlan(base(), plan(['1', '2']));
    expect(result.violations).toEqual([]);
    expect(result.feasible).toBe(true);
    expect(result.metrics).toEqual({ distance: 20, travelTime: 20, vehicles: 1, unassigned: 0 });
    // Arrive at 1 at 5, serve 5..7; arrive at 2 at 12, wait until 20, serve 20..23; back at 33.
    expect(result.schedules[0]!.stops).toEqual([
      { jobId: '1', arrival: 5, start: 5, departure: 7 },
      { jobId: '2', arrival: 12, start: 20, departure: 23 },
    ]);
    expect(result.schedules[0]!.end).toBe(33);
    expect(result.schedules[0]!.load).toBe(9);
  });

  it('catches a capacity overload', () => {
    const p = base();
    p.vehicles[0]!.capacity = 8;
    const v = checkPlan(p, plan(['1', '2'])).violations;
    expect(v).toEqual([{ kind: 'capacity', vehicleId: 'v1', message: 'vehicle v1 carries 9, over its capacity 8' }]);
  });

  it('catches a late arrival (time window) and names the job and times', () => {
    const p = base();
    p.jobs[1]!.timeWindows = [[0, 11]];
    const v = checkPlan(p, plan(['1', '2'])).violations;
    expect(v).toEqual([{ kind: 'time-window', vehicleId: 'v1', jobId: '2', message: 'vehicle v1 arrives at job 2 at 12, after its window closes at 11' }]);
  });

  it('catches a return after the shift end', () => {
    const p = base();
    p.vehicles[0]!.shiftEnd = 30;
    expect(kinds(p, plan(['1', '2']))).toEqual(['shift-end']);
  });

  it('catches a job visited twice, a missing job, an unknown job and an unrouted job', () => {
    expect(kinds(base(), plan(['1', '2'], ['2']))).toEqual(['duplicate-job']);
    expect(kinds(base(), plan(['1']))).toEqual(['missing-job']);
    expect(kinds(base(), plan(['1', '2', '9']))).toEqual(['unknown-job']);
    expect(kinds(base(), { routes: [{ vehicleId: 'v1', jobIds: ['1'] }], unassigned: ['2'] })).toEqual(['unassigned-job']);
    expect(checkPlan(base(), { routes: [{ vehicleId: 'v1', jobIds: ['1'] }], unassigned: ['2'] }, { requireAll: false }).feasible).toBe(true);
  });

  it('catches an unknown or reused vehicle', () => {
    expect(kinds(base(), { routes: [{ vehicleId: 'v9', jobIds: ['1', '2'] }], unassigned: [] })).toEqual(['unknown-vehicle', 'missing-job', 'missing-job']);
    expect(kinds(base(), { routes: [{ vehicleId: 'v1', jobIds: ['1'] }, { vehicleId: 'v1', jobIds: ['2'] }], unassigned: [] })).toEqual(['vehicle-reused']);
  });

  it('catches missing skills and a job on the wrong fixed vehicle', () => {
    const p = base();
    p.jobs[0]!.skills = ['wound-care', 'iv'];
    p.vehicles[0]!.skills = ['iv'];
    expect(checkPlan(p, plan(['1', '2'])).violations).toEqual([
      { kind: 'skills', vehicleId: 'v1', jobId: '1', message: 'vehicle v1 lacks skill(s) wound-care required by job 1' },
    ]);
    const q = base();
    q.jobs[1]!.vehicleId = 'v2';
    expect(kinds(q, plan(['1', '2']))).toEqual(['fixed-vehicle']);
  });

  it('catches a locked visit that moved or lost its vehicle', () => {
    const p = base();
    p.vehicles[0]!.lockedJobIds = ['2'];
    expect(kinds(p, plan(['2', '1']))).not.toContain('locked');
    expect(checkPlan(p, plan(['1', '2'])).violations.find((v) => v.kind === 'locked')?.message).toBe('locked job 2 must be visit 1 of vehicle v1, found 1');
    expect(kinds(p, plan([], ['1', '2']))).toContain('locked');
  });

  it('applies multiple time windows: waits for the next open window', () => {
    const p = base();
    p.jobs[0]!.timeWindows = [[0, 4], [10, 20]];
    const result = checkPlan(p, plan(['1'], ['2']));
    expect(result.feasible).toBe(true);
    expect(result.schedules[0]!.stops[0]).toEqual({ jobId: '1', arrival: 5, start: 10, departure: 12 });
  });
});
