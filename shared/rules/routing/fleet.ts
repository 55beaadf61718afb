// SISR fleet minimisation (Christiaens & Vanden Berghe 2020): repeatedly drop the route whose jobs were
// least often left out, and ruin-and-recreate within the remaining routes, preferring fewer or
// "easier" unassigned jobs (absence counters), until no route can be dropped in the time given.
import type { Recreate } from './recreate';
import type { Rng } from './rng';
import type { Ruin, RuinParams } from './ruin';
import type { Solution } from './solution';

export interface FleetContext {
  ruin: Ruin;
  recreate: Recreate;
  rng: Rng;
  ruinPrm: RuinParams;
  blink: number;
  dirty: Uint8Array;
  touched: number[];
}

/**
 * Starts from the complete solution in `cur` (== `work`); leaves in `best` the complete solution with the
 * fewest routes found, and in `cur` and `work` a copy of it. `stop` is polled every iteration.
 */
export function minimizeFleet(ctx: FleetContext, cur: Solution, work: Solution, best: Solution, stop: () => boolean, minRoutes: number): number {
  const inst = cur.inst;
  const absence = new Float64Array(inst.nJobs);
  const { dirty, touched } = ctx;
  let iterations = 0;
  const score = (s: Solution): number => {
    let t = 0;
    for (let k = 0; k < s.nAbsent; k++) t += absence[s.absent[k]!]!;
    return t;
  };
  best.copyFrom(cur);
  if (cur.nAbsent > 0) return 0;
  if (!dropRoute(cur, absence)) return 0;
  work.copyFrom(cur);
  let curScore = score(cur);
  while (best.usedVehicles() > minRoutes && !stop()) {
    iterations++;
    dirty.fill(0);
    touched.length = 0;
    ctx.ruin.apply(work, ctx.rng, ctx.ruinPrm, dirty, touched);
    ctx.recreate.apply(work, ctx.rng, ctx.blink, dirty, touched, Infinity, false);
    for (let k = 0; k < work.nAbsent; k++) absence[work.absent[k]!]! += 1;
    if (work.nAbsent === 0) {
      best.copyFrom(work);
      if (!dropRoute(work, absence)) break;
      cur.copyFrom(work);
      curScore = score(cur);
      continue;
    }
    const s = score(work);
    if (work.nAbsent < cur.nAbsent || s < curScore) {
      for (const v of touched) cur.copyRouteFrom(work, v);
      cur.copyAbsentFrom(work);
      curScore = score(cur);
    } else {
      for (const v of touched) work.copyRouteFrom(cur, v);
      work.copyAbsentFrom(cur);
    }
  }
  cur.copyFrom(best);
  work.copyFrom(best);
  return iterations;
}

/** Empties the used route (without locked jobs) whose jobs have the lowest absence total; false if none. */
function dropRoute(sol: Solution, absence: Float64Array): boolean {
  const inst = sol.inst;
  let chosen = -1;
  let lowest = Infinity;
  for (let v = 0; v < inst.nVeh; v++) {
    const n = sol.len[v]!;
    if (n === 0 || inst.locked[v]!.length > 0) continue;
    let t = 0;
    for (let p = 1; p <= n; p++) t += absence[sol.jobAt[v * sol.cap + p]!]!;
    // Ties (e.g. at the start, when every counter is 0) go to the shorter route.
    if (t < lowest || (t === lowest && n < sol.len[chosen]!)) {
      lowest = t;
      chosen = v;
    }
  }
  if (chosen < 0) return false;
  const flags = new Uint8Array(inst.nJobs);
  for (let p = 1; p <= sol.len[chosen]!; p++) flags[sol.jobAt[chosen * sol.cap + p]!] = 1;
  sol.removeFlagged(chosen, flags);
  return true;
}
