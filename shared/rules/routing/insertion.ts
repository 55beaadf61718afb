// Cheapest feasible insertion of one job into one route, in O(1) per position from the earliest
// departures and latest arrivals kept by Solution; shared by the optimizer and the suggestion helper.
import { earliestStart } from './instance';
import type { Rng } from './rng';
import type { Solution } from './solution';

export interface InsertionProbe {
  /** Added cost (distance, plus the fixed cost when the route was empty); Infinity when infeasible. */
  delta: number;
  /** Position to insert at (1 .. len+1). */
  pos: number;
  /** Positions left until the next blink (skipped position); drawn geometrically, so one draw per blink. */
  blinkIn: number;
}

/** Draws the number of evaluated positions up to and including the next blink, for blink rate `rate`. */
export function nextBlink(rng: Rng, rate: number): number {
  return rate > 0 ? 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - rate)) : Infinity;
}

/**
 * Best insertion of job j into route v with a cost below `bound`; positions are skipped with probability
 * `blink` (SISR's blinks; `out.blinkIn` counts down to the next one, Infinity for none).
 * Writes the result to `out` and returns whether one was found.
 */
export function bestInsertionInRoute(sol: Solution, v: number, j: number, bound: number, blink: number, rng: Rng | null, out: InsertionProbe): boolean {
  const inst = sol.inst;
  out.delta = Infinity;
  out.pos = -1;
  if (!inst.compat[j * inst.nVeh + v] || sol.load[v]! + inst.jobDemand[j]! > inst.vehCap[v]!) return false;
  const { dist, dur, size } = inst;
  const { locAt, dep, ls } = sol;
  const base = v * sol.cap;
  const n = sol.len[v]!;
  const lj = inst.jobLoc[j]!;
  const svc = inst.jobSvc[j]!;
  const due = inst.twLast[j]!;
  const triangle = inst.triangle;
  const single = inst.twOffset[j + 1]! - inst.twOffset[j]! === 1;
  const ready = inst.twFirst[j]!;
  const fixed = n === 0 ? inst.vehFixed[v]! : 0;
  let best = bound;
  let blinkIn = out.blinkIn;
  for (let p = inst.locked[v]!.length + 1; p <= n + 1; p++) {
    const d = dep[base + p - 1]!;
    if (d > due) break; // departures only grow along the route: no later position reaches the job in time
    if (--blinkIn <= 0) {
      blinkIn = nextBlink(rng!, blink);
      continue;
    }
    const a = locAt[base + p - 1]!;
    const b = locAt[base + p]!;
    const delta = dist[a * size + lj]! + dist[lj * size + b]! - dist[a * size + b]! + fixed;
    if (delta >= best) continue;
    const arr = d + dur[a * size + lj]!;
    let s: number;
    if (single) {
      if (arr > due) {
        if (triangle) break; // with the triangle inequality, arrivals from later positions are later still
        continue;
      }
      s = arr > ready ? arr : ready;
    } else {
      s = earliestStart(inst, j, arr);
      if (s === Infinity) continue;
    }
    if (s + svc + dur[lj * size + b]! > ls[base + p]!) continue;
    best = delta;
    out.pos = p;
  }
  out.blinkIn = blinkIn;
  if (out.pos < 0) return false;
  out.delta = best;
  return true;
}
