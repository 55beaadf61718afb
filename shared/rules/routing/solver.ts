// The optimizer: greedy construction, then SISR ruin-and-recreate with simulated-annealing acceptance,
// bounded by an injected clock and/or an iteration budget. Objective: total distance (plus vehicle fixed
// costs, if any), with every assignable job assigned first. Deterministic for a seed and iteration budget.
import { minimizeFleet, type FleetContext } from './fleet';
import { compile, type Instance } from './instance';
import type { Clock, Plan, RoutingProblem } from './model';
import { Recreate } from './recreate';
import { createRng } from './rng';
import { Ruin, type RuinParams } from './ruin';
import { Solution } from './solution';
import { validateProblem } from './validate';

export interface SolveOptions {
  /** Wall-clock budget; needs `now`. */
  timeLimitMs?: number;
  now?: Clock;
  /** Iteration budget (the temperature then follows iterations, so runs are reproducible). */
  maxIterations?: number;
  seed?: number;
  /** Annealing temperatures as multiples of the mean distance to the nearest other job. */
  initialTemperature?: number;
  finalTemperature?: number;
  ruin?: Partial<RuinParams>;
  blinkRate?: number;
  /** A plan to start from (e.g. the current board); its jobs keep their routes until improved. */
  initial?: Plan;
  /**
   * 'distance' (default): minimize total distance (+ fixed costs), any number of vehicles up to the fleet.
   * 'vehicles': the literature's hierarchy, fewest vehicles first, then distance.
   */
  objective?: 'distance' | 'vehicles';
  /** Share of the budget for SISR fleet minimisation before the distance phase (default 0.3 for 'vehicles', else 0). */
  fleetPhase?: number;
  /** 'vehicles' only: the cost per used vehicle that steers the distance phase towards fewer vehicles. */
  vehicleCost?: number;
}

export interface SolveResult {
  plan: Plan;
  distance: number;
  vehicles: number;
  /** Distance plus fixed costs (without unassigned penalties). */
  cost: number;
  iterations: number;
  elapsedMs: number;
}

export const DEFAULT_RUIN: RuinParams = { avgRemoved: 10, maxString: 10, splitRate: 0.5, splitDepth: 0.01 };
const DEFAULT_ITERATIONS = 20_000;

export class InvalidProblemError extends Error {
  constructor(readonly issues: string[]) {
    super(`invalid routing problem:\n${issues.join('\n')}`);
  }
}

export function solve(problem: RoutingProblem, options: SolveOptions = {}): SolveResult {
  const now = options.now;
  const t0 = now ? now() : 0; // the budget covers validation and compilation too
  const valid = validateProblem(problem);
  if (!valid.ok) throw new InvalidProblemError(valid.issues);
  const inst = compile(problem);
  const vehiclesFirst = options.objective === 'vehicles';
  const elapsed = (): number => (now ? now() - t0 : 0);
  const timeLimit = now && options.timeLimitMs !== undefined ? options.timeLimitMs : Infinity;
  const maxIter = options.maxIterations ?? (timeLimit === Infinity ? DEFAULT_ITERATIONS : Infinity);
  const rng = createRng(options.seed ?? 1);
  const recreate = new Recreate(inst);
  const ctx: Search = {
    inst, rng, recreate, elapsed, timed: now !== undefined, vehiclesFirst,
    ruin: new Ruin(inst.nVeh, inst.nJobs),
    ruinPrm: { ...DEFAULT_RUIN, ...options.ruin },
    blink: options.blinkRate ?? 0.01,
    tStart: (options.initialTemperature ?? 8) * inst.scale,
    tEnd: (options.finalTemperature ?? 0.01) * inst.scale,
    dirty: new Uint8Array(inst.nVeh),
    touched: [],
    cur: initialSolution(inst, options.initial),
    work: new Solution(inst),
    best: new Solution(inst),
    iter: 0,
  };
  const { cur, work, best } = ctx;
  recreate.apply(cur, rng, 0, ctx.dirty, ctx.touched);
  work.copyFrom(cur);
  best.copyFrom(cur);
  let movable = inst.nJobs;
  for (const prefix of inst.locked) movable -= prefix.length;
  if (movable === 0) return { ...summarize(best), iterations: 0, elapsedMs: elapsed() };

  const at = (share: number) => ({ iter: maxIter * share, time: timeLimit * share });
  const fleetShare = options.fleetPhase ?? (vehiclesFirst ? 0.3 : 0);
  if (fleetShare > 0) {
    const end = at(fleetShare);
    let k = 0;
    const stop = () => ++k > end.iter || ((k & 15) === 0 && elapsed() >= end.time);
    ctx.iter += minimizeFleet(ctx, cur, work, best, stop, minimumRoutes(inst));
  }
  if (!vehiclesFirst) {
    anneal(ctx, at(1), true);
  } else {
    // Fewest vehicles, then distance: anneal with a cost per vehicle (a route may open for a while), then
    // drop that cost and polish the best plan without opening routes.
    const lambda = setVehicleCost(inst, options.vehicleCost ?? 2 * mean(inst.depotDist), [cur, work, best]);
    anneal(ctx, at(fleetShare + (1 - fleetShare) / 2), true);
    setVehicleCost(inst, -lambda, [cur, work, best]);
    cur.copyFrom(best);
    work.copyFrom(best);
    anneal(ctx, at(1), false);
  }
  return { ...summarize(best), iterations: ctx.iter, elapsedMs: elapsed() };
}

interface Search extends FleetContext {
  inst: Instance;
  elapsed: () => number;
  timed: boolean;
  vehiclesFirst: boolean;
  tStart: number;
  tEnd: number;
  cur: Solution;
  work: Solution;
  best: Solution;
  iter: number;
}

/**
 * One annealing run (its own temperature schedule) until `end`: ruin and recreate `work`, accept into `cur`
 * below the threshold, keep `best`. With `openRoutes` false, unused vehicles stay unused.
 */
function anneal(ctx: Search, end: { iter: number; time: number }, openRoutes: boolean): void {
  const { cur, work, best, rng, dirty, touched, tStart, tEnd, vehiclesFirst } = ctx;
  const startIter = ctx.iter;
  const startTime = ctx.elapsed();
  let clock = startTime;
  let curTotal = cur.total();
  let bestTotal = best.total();
  let bestUsed = best.usedVehicles();
  while (ctx.iter < end.iter) {
    if ((ctx.iter & 15) === 0 && ctx.timed) {
      clock = ctx.elapsed();
      if (clock >= end.time) break;
    }
    const progress = Math.min(1, Math.max((ctx.iter - startIter) / (end.iter - startIter), (clock - startTime) / (end.time - startTime)) || 0);
    const temperature = tStart * Math.pow(tEnd / tStart, progress);
    ctx.iter++;
    dirty.fill(0);
    touched.length = 0;
    ctx.ruin.apply(work, rng, ctx.ruinPrm, dirty, touched);
    const threshold = curTotal - temperature * Math.log(1 - rng.next());
    const complete = ctx.recreate.apply(work, rng, ctx.blink, dirty, touched, threshold, openRoutes);
    const total = complete ? work.total() : Infinity;
    if (total < threshold) {
      for (const v of touched) cur.copyRouteFrom(work, v);
      cur.copyAbsentFrom(work);
      curTotal = total;
      // 'vehicles': lexicographic (unassigned, vehicles, distance); the vehicle cost only steers the search.
      const used = vehiclesFirst ? work.usedVehicles() : 0;
      const better = vehiclesFirst
        ? work.nAbsent < best.nAbsent || (work.nAbsent === best.nAbsent && (used < bestUsed || (used === bestUsed && total < bestTotal - 1e-9)))
        : total < bestTotal - 1e-9;
      if (better) {
        best.copyFrom(work);
        bestTotal = total;
        bestUsed = used;
      }
    } else {
      for (const v of touched) work.copyRouteFrom(cur, v);
      work.copyAbsentFrom(cur);
    }
  }
}

const mean = (a: Float64Array): number => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : 0);

/** Adds `delta` to every vehicle's steering cost and refreshes the route costs of `sols`; returns delta. */
function setVehicleCost(inst: Instance, delta: number, sols: Solution[]): number {
  for (let v = 0; v < inst.nVeh; v++) inst.vehFixed[v] = inst.vehFixed[v]! + delta;
  inst.vehicleCost += delta;
  if (delta > 0) inst.absentPenalty += delta * inst.nVeh;
  for (const sol of sols) for (let v = 0; v < inst.nVeh; v++) sol.rebuild(v);
  return delta;
}

/** A lower bound on the routes needed: total demand over the largest capacity. */
function minimumRoutes(inst: Instance): number {
  let demand = 0;
  let cap = 0;
  for (let j = 0; j < inst.nJobs; j++) demand += inst.jobDemand[j]!;
  for (let v = 0; v < inst.nVeh; v++) cap = Math.max(cap, inst.vehCap[v]!);
  return Math.max(1, cap > 0 ? Math.ceil(demand / cap - 1e-9) : 1);
}

/** Locked prefixes first, then the jobs of `initial` in their routes (when feasible), the rest unassigned. */
export function initialSolution(inst: Instance, initial?: Plan): Solution {
  const sol = new Solution(inst);
  for (let v = 0; v < inst.nVeh; v++) {
    const lockedJobs = inst.locked[v]!;
    lockedJobs.forEach((j, k) => (sol.jobAt[v * sol.cap + 1 + k] = j));
    sol.len[v] = lockedJobs.length;
    sol.rebuild(v);
  }
  if (initial) loadPlan(sol, initial);
  for (let j = 0; j < inst.nJobs; j++) if (sol.jobRoute[j]! < 0) sol.absent[sol.nAbsent++] = j;
  return sol;
}

/** Appends each plan route's unlocked jobs to its vehicle, keeping only those that stay feasible. */
function loadPlan(sol: Solution, plan: Plan): void {
  const inst = sol.inst;
  const jobIndex = new Map(inst.jobIds.map((id, k) => [id, k]));
  const vehIndex = new Map(inst.vehIds.map((id, k) => [id, k]));
  for (const route of plan.routes) {
    const v = vehIndex.get(route.vehicleId);
    if (v === undefined) continue;
    for (const id of route.jobIds) {
      const j = jobIndex.get(id);
      if (j === undefined || inst.isLocked[j] || sol.jobRoute[j]! >= 0) continue;
      const p = sol.len[v]! + 1;
      if (appendFeasible(sol, v, j)) sol.insert(v, p, j);
    }
  }
}

function appendFeasible(sol: Solution, v: number, j: number): boolean {
  const inst = sol.inst;
  if (!inst.compat[j * inst.nVeh + v] || sol.load[v]! + inst.jobDemand[j]! > inst.vehCap[v]!) return false;
  const base = v * sol.cap;
  const p = sol.len[v]! + 1;
  const a = sol.locAt[base + p - 1]!;
  const lj = inst.jobLoc[j]!;
  const arr = sol.dep[base + p - 1]! + inst.dur[a * inst.size + lj]!;
  const o = inst.twOffset[j]!;
  let s = Infinity;
  for (let k = o; k < inst.twOffset[j + 1]!; k++) if (arr <= inst.twB[k]!) { s = Math.max(arr, inst.twA[k]!); break; }
  return s + inst.jobSvc[j]! + inst.dur[lj * inst.size + inst.vehEnd[v]!]! <= inst.vehShiftEnd[v]!;
}

export function summarize(sol: Solution): Omit<SolveResult, 'iterations' | 'elapsedMs'> {
  const inst = sol.inst;
  const routes: Plan['routes'] = [];
  let cost = 0;
  for (let v = 0; v < inst.nVeh; v++) {
    if (sol.len[v] === 0) continue;
    routes.push({ vehicleId: inst.vehIds[v]!, jobIds: sol.routeJobs(v).map((j) => inst.jobIds[j]!) });
    cost += sol.cost[v]! - inst.vehicleCost;
  }
  const unassigned = Array.from(sol.absent.subarray(0, sol.nAbsent), (j) => inst.jobIds[j]!);
  return { plan: { routes, unassigned }, distance: sol.distance(), vehicles: routes.length, cost };
}
