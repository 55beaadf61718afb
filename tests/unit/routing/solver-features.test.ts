// Dispatch-board features of the optimizer: locked (already-started) visits never move, skills and fixed
// assignments are respected, unreachable jobs come back unassigned, invalid problems are rejected.
import { describe, expect, it } from 'vitest';
import { checkPlan, InvalidProblemError, solve, validateProblem, type RoutingProblem } from '../../../shared/rules/routing';
import { pointsProblem, seeded, type Point } from './helpers';

const grid = (n: number, seed: number): Point[] => {
  const rnd = seeded(seed);
  return [[50, 50], ...Array.from({ length: n }, () => [Math.round(rnd() * 100), Math.round(rnd() * 100)] as Point)];
};

describe('locked visits', () => {
  it('keeps the locked prefix of each vehicle in place, even where moving it would be shorter', () => {
    const p = pointsProblem(grid(30, 1), { vehicles: 4, capacity: 12 });
    // Far-apart jobs locked on v1 in a deliberately poor order, and one on v2.
    p.vehicles[0]!.lockedJobIds = ['7', '3', '19'];
    p.vehicles[1]!.lockedJobIds = ['25'];
    const result = solve(p, { maxIterations: 3000, seed: 2 });
    const v1 = result.plan.routes.find((r) => r.vehicleId === 'v1')!;
    const v2 = result.plan.routes.find((r) => r.vehicleId === 'v2')!;
    expect(v1.jobIds.slice(0, 3)).toEqual(['7', '3', '19']);
    expect(v2.jobIds[0]).toBe('25');
    const check = checkPlan(p, result.plan);
    expect(check.violations).toEqual([]);
  });

  it('keeps a locked visit that is already late (started after its window) and plans around it', () => {
    const p = pointsProblem([[0, 0], [10, 0], [20, 0], [30, 0]], { vehicles: 1, jobs: [{ timeWindows: [[0, 5]] }] });
    p.vehicles[0]!.lockedJobIds = ['1'];
    const result = solve(p, { maxIterations: 200 });
    expect(result.plan.routes[0]!.jobIds).toEqual(['1', '2', '3']);
    expect(checkPlan(p, result.plan).violations.map((v) => v.kind)).toEqual(['time-window']);
  });

  it('keeps locked visits when starting from a board plan', () => {
    const p = pointsProblem(grid(12, 4), { vehicles: 3 });
    p.vehicles[2]!.lockedJobIds = ['5', '6'];
    const initial = { routes: [{ vehicleId: 'v1', jobIds: ['1', '2', '3', '4'] }, { vehicleId: 'v3', jobIds: ['5', '6', '7'] }], unassigned: [] };
    const result = solve(p, { maxIterations: 1000, initial });
    expect(result.plan.routes.find((r) => r.vehicleId === 'v3')!.jobIds.slice(0, 2)).toEqual(['5', '6']);
    expect(checkPlan(p, result.plan).feasible).toBe(true);
  });
});

describe('skills and fixed assignments', () => {
  it('gives skill-requiring jobs only to vehicles with every required skill', () => {
    const p = pointsProblem(grid(24, 2), { vehicles: 4, capacity: 10 });
    p.vehicles[0]!.skills = ['iv', 'wound-care'];
    p.vehicles[1]!.skills = ['iv'];
    const needs: Record<string, string[]> = { '2': ['iv'], '5': ['iv', 'wound-care'], '9': ['wound-care'], '14': ['iv'], '20': ['iv', 'wound-care'] };
    const jobs = p.jobs.map((j) => (needs[j.id] ? { ...j, skills: needs[j.id] } : j));
    const problem: RoutingProblem = { ...p, jobs };
    const result = solve(problem, { maxIterations: 2000 });
    const vehicleOf = new Map(result.plan.routes.flatMap((r) => r.jobIds.map((id) => [id, r.vehicleId] as const)));
    for (const id of ['5', '9', '20']) expect(vehicleOf.get(id)).toBe('v1');
    for (const id of ['2', '14']) expect(['v1', 'v2']).toContain(vehicleOf.get(id));
    expect(checkPlan(problem, result.plan).violations).toEqual([]);
  });

  it('leaves a job unassigned when no vehicle has its skill, and routes the rest', () => {
    const p = pointsProblem(grid(6, 3), { vehicles: 2 });
    const problem: RoutingProblem = { ...p, jobs: p.jobs.map((j) => (j.id === '4' ? { ...j, skills: ['pediatrics'] } : j)) };
    const result = solve(problem, { maxIterations: 500 });
    expect(result.plan.unassigned).toEqual(['4']);
    expect(checkPlan(problem, result.plan, { requireAll: false }).feasible).toBe(true);
  });

  it('serves a fixed job on its vehicle only', () => {
    const p = pointsProblem(grid(10, 5), { vehicles: 3, capacity: 4 });
    const problem: RoutingProblem = { ...p, jobs: p.jobs.map((j) => (j.id === '3' || j.id === '8' ? { ...j, vehicleId: 'v3' } : j)) };
    const result = solve(problem, { maxIterations: 1500 });
    const v3 = result.plan.routes.find((r) => r.vehicleId === 'v3')!;
    expect(v3.jobIds).toEqual(expect.arrayContaining(['3', '8']));
    expect(checkPlan(problem, result.plan).violations).toEqual([]);
  });
});

describe('feasibility limits', () => {
  it('returns jobs that no vehicle can reach in time as unassigned', () => {
    const p = pointsProblem([[0, 0], [10, 0], [500, 0], [0, 10]], { vehicles: 2, horizon: 200 });
    const result = solve(p, { maxIterations: 300 });
    expect(result.plan.unassigned).toEqual(['2']);
    expect(result.distance).toBeCloseTo(10 + Math.hypot(10, 10) + 10, 9);
  });

  it('serves a job in its second time window when the first cannot be reached', () => {
    const p = pointsProblem([[0, 0], [30, 0], [0, 5]], {
      vehicles: 1,
      jobs: [{ timeWindows: [[0, 10], [100, 120]] }, { timeWindows: [[0, 200]], service: 20 }],
    });
    const result = solve(p, { maxIterations: 300 });
    const check = checkPlan(p, result.plan);
    expect(check.violations).toEqual([]);
    expect(check.schedules[0]!.stops.find((s) => s.jobId === '1')!.start).toBeGreaterThanOrEqual(100);
  });

  it('stops at the time limit of the injected clock', () => {
    const p = pointsProblem(grid(40, 7), { vehicles: 8, capacity: 8 });
    let t = 0;
    const result = solve(p, { timeLimitMs: 50, now: () => (t += 0.5) });
    expect(result.elapsedMs).toBeGreaterThanOrEqual(50);
    expect(result.elapsedMs).toBeLessThan(51);
    expect(checkPlan(p, result.plan).feasible).toBe(true);
  });
});

describe('validation', () => {
  it('rejects a malformed problem with readable issues', () => {
    const p = pointsProblem([[0, 0], [1, 1]], { vehicles: 1 });
    const bad = {
      ...p,
      vehicles: [{ ...p.vehicles[0]!, shiftEnd: -1, lockedJobIds: ['nope'] }],
      jobs: [{ ...p.jobs[0]!, location: 7, timeWindows: [[5, 1]] as [number, number][] }, p.jobs[0]!],
    };
    const result = validateProblem(bad);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.issues).toEqual([
      'vehicle v1: shiftEnd -1 is before shiftStart 0',
      'job 1: location 7 is outside the 2-location matrix',
      'job 1: time window 0 ends (1) before it starts (5)',
      'job 1 is listed twice',
      'vehicle v1: locked job nope does not exist',
    ]);
    expect(() => solve(bad)).toThrow(InvalidProblemError);
    expect(validateProblem({ vehicles: [], jobs: 3 }).ok).toBe(false);
  });
});

describe('degenerate problems', () => {
  it('returns at once with nothing to plan', () => {
    const p = pointsProblem([[0, 0]], { vehicles: 2 });
    let calls = 0;
    const result = solve(p, { timeLimitMs: 10_000, now: () => ++calls });
    expect(result.plan).toEqual({ routes: [], unassigned: [] });
    expect(calls).toBeLessThan(10);
  });

  it('keeps a vehicle whose jobs are all locked as it is', () => {
    const p = pointsProblem([[0, 0], [5, 5], [1, 1]], { vehicles: 1 });
    p.vehicles[0]!.lockedJobIds = ['1', '2'];
    expect(solve(p, { maxIterations: 50 }).plan.routes).toEqual([{ vehicleId: 'v1', jobIds: ['1', '2'] }]);
  });
});
