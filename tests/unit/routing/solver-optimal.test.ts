// On tiny instances whose optimum is known (by hand, or by enumerating every plan), the optimizer finds it.
import { describe, expect, it } from 'vitest';
import { checkPlan, solve, type Job, type RoutingProblem } from '../../../shared/rules/routing';
import { bruteForce, pointsProblem, seeded, type Point } from './helpers';

describe('solve finds known optima', () => {
  it('visits points on a line in one sweep (optimum = twice the farthest point)', () => {
    const p = pointsProblem([[0, 0], [7, 0], [2, 0], [5, 0], [1, 0], [9, 0]], { vehicles: 3 });
    const result = solve(p, { maxIterations: 500, seed: 3 });
    expect(result.distance).toBeCloseTo(18, 9);
    expect(result.plan.routes).toHaveLength(1);
    expect(result.plan.routes[0]!.jobIds.join(' ')).toMatch(/^(4 2 3 1 5|5 1 3 2 4)$/);
  });

  it('splits two opposite clusters into two routes when capacity forces it', () => {
    // Each cluster needs a vehicle of its own (capacity 2, 2 jobs per cluster): 2 x (10 + 1 + 10).
    const p = pointsProblem([[0, 0], [10, 0], [10, 1], [-10, 0], [-10, 1]], { vehicles: 4, capacity: 2 });
    const result = solve(p, { maxIterations: 500 });
    expect(result.vehicles).toBe(2);
    expect(result.distance).toBeCloseTo(2 * (10 + 1 + Math.hypot(10, 1)), 9);
  });

  it('follows time windows even when a shorter tour exists (windows force the visiting order)', () => {
    // Shortest tour visits 1 then 2 then 3 around the square; the windows demand 3, 1, 2.
    const p = pointsProblem([[0, 0], [0, 10], [10, 10], [10, 0]], {
      vehicles: 1,
      jobs: [{ timeWindows: [[30, 40]] }, { timeWindows: [[60, 80]] }, { timeWindows: [[0, 15]] }],
    });
    const result = solve(p, { maxIterations: 300 });
    expect(result.plan.routes[0]!.jobIds).toEqual(['3', '1', '2']);
    expect(result.distance).toBeCloseTo(10 + Math.hypot(10, 10) + 10 + Math.hypot(10, 10), 9);
    expect(checkPlan(p, result.plan).feasible).toBe(true);
  });

  const randomInstance = (seed: number): RoutingProblem => {
    const rnd = seeded(seed);
    const n = 5 + (seed % 3); // 5 to 7 jobs
    const points: Point[] = [[50, 50]];
    const jobs: Partial<Job>[] = [];
    for (let k = 0; k < n; k++) {
      points.push([Math.round(rnd() * 100), Math.round(rnd() * 100)]);
      const ready = Math.round(rnd() * 150);
      jobs.push({ demand: 1 + Math.floor(rnd() * 4), service: 5, timeWindows: [[ready, ready + 30 + Math.round(rnd() * 120)]] });
    }
    return pointsProblem(points, { vehicles: 3, capacity: 8, horizon: 400, jobs });
  };

  it.each(Array.from({ length: 16 }, (_, k) => k + 1))('matches the enumerated optimum on random instance %i (5-7 jobs, windows, capacity)', (seed) => {
    const p = randomInstance(seed);
    const exact = bruteForce(p);
    const result = solve(p, { maxIterations: 3000, seed });
    const check = checkPlan(p, result.plan, { requireAll: exact !== undefined });
    expect(check.violations).toEqual([]);
    if (!exact) return;
    expect(result.plan.unassigned).toEqual([]);
    expect(check.metrics.distance).toBeCloseTo(exact.distance, 6);
  });

  it('is deterministic for a seed and an iteration budget', () => {
    const p = randomInstance(5);
    expect(solve(p, { maxIterations: 400, seed: 9 }).plan).toEqual(solve(p, { maxIterations: 400, seed: 9 }).plan);
  });
});
