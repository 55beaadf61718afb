// "Suggest for this request": every vehicle (staff member) that can take one more job without breaking
// its shift, capacity, skills, time windows or locked visits, ranked by the travel time it adds.
import { compile, earliestStart } from './instance';
import type { Job, Plan, RoutingProblem } from './model';
import { Solution } from './solution';
import { InvalidProblemError } from './solver';
import { validateProblem } from './validate';

export interface InsertionSuggestion {
  vehicleId: string;
  /** Index in the vehicle's job list at which the job would be inserted (0 = first, after locked visits). */
  position: number;
  addedTravelTime: number;
  addedDistance: number;
  /** When the vehicle would arrive at and start the job. */
  arrival: number;
  start: number;
}

export interface SuggestOptions {
  /** Ranking key (default 'travelTime'); ties go to the other key, then the vehicle id. */
  by?: 'travelTime' | 'distance';
}

/**
 * Ranks the feasible insertions of `job` into the routes of `plan`, best per vehicle. The job may be new
 * (not in problem.jobs); if it is already in the plan it is first taken out. The plan's routes are taken
 * as they are (their locked prefixes must come first, as checkPlan verifies).
 */
export function suggestInsertions(problem: RoutingProblem, plan: Plan, job: Job, options: SuggestOptions = {}): InsertionSuggestion[] {
  const withJob: RoutingProblem = { ...problem, jobs: [...problem.jobs.filter((j) => j.id !== job.id), job] };
  const valid = validateProblem(withJob);
  if (!valid.ok) throw new InvalidProblemError(valid.issues);
  const inst = compile(withJob, { checkTriangle: false });
  const sol = new Solution(inst);
  const jobIndex = new Map(inst.jobIds.map((id, k) => [id, k]));
  const vehIndex = new Map(inst.vehIds.map((id, k) => [id, k]));
  for (const route of plan.routes) {
    const v = vehIndex.get(route.vehicleId);
    if (v === undefined) throw new InvalidProblemError([`plan: unknown vehicle ${route.vehicleId}`]);
    const ids = route.jobIds.filter((id) => id !== job.id);
    ids.forEach((id, k) => {
      const j = jobIndex.get(id);
      if (j === undefined) throw new InvalidProblemError([`plan: vehicle ${route.vehicleId} visits unknown job ${id}`]);
      sol.jobAt[v * sol.cap + 1 + k] = j;
    });
    sol.len[v] = ids.length;
    sol.rebuild(v);
  }

  const j = inst.nJobs - 1;
  const { dist, dur, size } = inst;
  const lj = inst.jobLoc[j]!;
  const out: InsertionSuggestion[] = [];
  for (let v = 0; v < inst.nVeh; v++) {
    if (!inst.compat[j * inst.nVeh + v] || sol.load[v]! + inst.jobDemand[j]! > inst.vehCap[v]!) continue;
    const base = v * sol.cap;
    let best: InsertionSuggestion | undefined;
    for (let p = inst.locked[v]!.length + 1; p <= sol.len[v]! + 1; p++) {
      const a = sol.locAt[base + p - 1]!;
      const b = sol.locAt[base + p]!;
      const arrival = sol.dep[base + p - 1]! + dur[a * size + lj]!;
      const start = earliestStart(inst, j, arrival);
      if (start === Infinity || start + inst.jobSvc[j]! + dur[lj * size + b]! > sol.ls[base + p]!) continue;
      const candidate: InsertionSuggestion = {
        vehicleId: inst.vehIds[v]!,
        position: p - 1,
        addedTravelTime: dur[a * size + lj]! + dur[lj * size + b]! - dur[a * size + b]!,
        addedDistance: dist[a * size + lj]! + dist[lj * size + b]! - dist[a * size + b]!,
        arrival,
        start,
      };
      if (!best || compare(candidate, best, options.by) < 0) best = candidate;
    }
    if (best) out.push(best);
  }
  return out.sort((x, y) => compare(x, y, options.by) || (x.vehicleId < y.vehicleId ? -1 : x.vehicleId > y.vehicleId ? 1 : 0));
}

function compare(x: InsertionSuggestion, y: InsertionSuggestion, by: SuggestOptions['by']): number {
  const [k1, k2] = by === 'distance' ? (['addedDistance', 'addedTravelTime'] as const) : (['addedTravelTime', 'addedDistance'] as const);
  return x[k1] - y[k1] || x[k2] - y[k2];
}
