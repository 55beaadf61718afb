// Small hand-made routing problems and a brute-force optimum for tests (Euclidean points, one depot).
import type { Job, Plan, RoutingProblem, Vehicle } from '../../../shared/rules/routing';
import { checkPlan } from '../../../shared/rules/routing';

export type Point = readonly [number, number];

export function euclidean(points: readonly Point[]): { size: number; distance: Float64Array } {
  const size = points.length;
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) distance[i * size + j] = Math.hypot(points[i]![0] - points[j]![0], points[i]![1] - points[j]![1]);
  }
  return { size, distance };
}

/** Depot at points[0]; job k (id "k") at points[k]; identical vehicles v1..vN. */
export function pointsProblem(
  points: readonly Point[],
  opts: { vehicles?: number; capacity?: number; horizon?: number; jobs?: Partial<Job>[]; vehicle?: Partial<Vehicle> } = {},
): RoutingProblem {
  const vehicles: Vehicle[] = Array.from({ length: opts.vehicles ?? 3 }, (_, k) => ({
    id: `v${k + 1}`,
    startLocation: 0,
    endLocation: 0,
    shiftStart: 0,
    shiftEnd: opts.horizon ?? 1000,
    capacity: opts.capacity ?? 100,
    ...opts.vehicle,
  }));
  const jobs: Job[] = points.slice(1).map((_, k) => ({ id: String(k + 1), location: k + 1, service: 0, demand: 1, ...opts.jobs?.[k] }));
  return { vehicles, jobs, matrix: euclidean(points) };
}

/**
 * Exact optimum by enumeration: every way to split the jobs into ordered routes over identical vehicles
 * (at most 7 jobs: 37,633 arrangements for 7), each checked with checkPlan. Returns the least distance.
 */
export function bruteForce(problem: RoutingProblem): { distance: number; plan: Plan } | undefined {
  const ids = problem.jobs.map((j) => j.id);
  const maxRoutes = problem.vehicles.length;
  let best: { distance: number; plan: Plan } | undefined;
  const routes: string[][] = [];
  const place = (k: number): void => {
    if (k === ids.length) {
      const plan: Plan = { routes: routes.map((r, i) => ({ vehicleId: problem.vehicles[i]!.id, jobIds: [...r] })), unassigned: [] };
      const result = checkPlan(problem, plan);
      if (result.feasible && (!best || result.metrics.distance < best.distance - 1e-9)) best = { distance: result.metrics.distance, plan };
      return;
    }
    const id = ids[k]!;
    for (const r of routes) {
      for (let p = 0; p <= r.length; p++) {
        r.splice(p, 0, id);
        place(k + 1);
        r.splice(p, 1);
      }
    }
    if (routes.length < maxRoutes) {
      routes.push([id]);
      place(k + 1);
      routes.pop();
    }
  };
  place(0);
  return best;
}

/** A deterministic PRNG for generating test instances. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
