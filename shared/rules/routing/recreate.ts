// SISR recreate: sort the unassigned jobs (random, demand, far, close, time-window orders), then insert
// each at its cheapest feasible position over all routes, skipping positions with a small "blink" rate.
import { bestInsertionInRoute, nextBlink, type InsertionProbe } from './insertion';
import type { Instance } from './instance';
import type { Rng } from './rng';
import type { Solution } from './solution';

/** Weights of the orders: random, demand desc, far first, close first, window width asc, start asc, end desc. */
const ORDER_WEIGHTS = [4, 4, 2, 1, 1, 1, 1];
const ORDER_TOTAL = ORDER_WEIGHTS.reduce((a, b) => a + b, 0);

export class Recreate {
  private readonly keys: Float64Array;
  private readonly classStamp: Int32Array;
  private stamp = 0;
  private readonly probe: InsertionProbe = { delta: Infinity, pos: -1, blinkIn: Infinity };
  private readonly pending: Int32Array;

  constructor(inst: Instance) {
    this.keys = new Float64Array(inst.nJobs);
    this.classStamp = new Int32Array(inst.nClasses);
    this.pending = new Int32Array(inst.nJobs);
  }

  /**
   * Inserts the unassigned jobs of `sol`; jobs with no feasible position stay unassigned. Stops early and
   * returns false once the solution's cost is sure to exceed `threshold` (it would be rejected anyway):
   * with the triangle inequality on distances, insertions never lower the cost. With `openRoutes` false,
   * only routes already in use receive jobs.
   */
  apply(sol: Solution, rng: Rng, blink: number, dirty: Uint8Array, touched: number[], threshold = Infinity, openRoutes = true): boolean {
    const inst = sol.inst;
    const n = sol.nAbsent;
    if (n === 0) return true;
    const bounded = threshold < Infinity && inst.distTriangle;
    let partial = 0;
    if (bounded) for (let v = 0; v < inst.nVeh; v++) partial += sol.cost[v]!;
    const pending = this.pending;
    pending.set(sol.absent.subarray(0, n));
    this.sort(inst, pending, n, rng);
    sol.nAbsent = 0;
    const probe = this.probe;
    probe.blinkIn = nextBlink(rng, blink);
    for (let k = 0; k < n; k++) {
      const j = pending[k]!;
      this.stamp++;
      let bestV = -1;
      let bestPos = -1;
      let best = bounded ? threshold - partial : Infinity;
      for (let v = 0; v < inst.nVeh; v++) {
        if (sol.len[v] === 0) {
          if (!openRoutes) continue;
          const c = inst.vehClass[v]!;
          if (this.classStamp[c] === this.stamp) continue; // an identical empty vehicle was already tried
          this.classStamp[c] = this.stamp;
        }
        if (bestInsertionInRoute(sol, v, j, best, blink, rng, probe)) {
          best = probe.delta;
          bestV = v;
          bestPos = probe.pos;
        }
      }
      if (bestV < 0) {
        sol.absent[sol.nAbsent++] = j;
        partial += inst.absentPenalty;
        if (bounded && partial > threshold) return false;
        continue;
      }
      sol.insert(bestV, bestPos, j);
      partial += best;
      if (!dirty[bestV]) {
        dirty[bestV] = 1;
        touched.push(bestV);
      }
    }
    return true;
  }

  private sort(inst: Instance, a: Int32Array, n: number, rng: Rng): void {
    let r = rng.next() * ORDER_TOTAL;
    let order = 0;
    while (order < ORDER_WEIGHTS.length - 1 && (r -= ORDER_WEIGHTS[order]!) >= 0) order++;
    const keys = this.keys;
    for (let k = 0; k < n; k++) {
      const j = a[k]!;
      switch (order) {
        case 0: keys[j] = rng.next(); break;
        case 1: keys[j] = -inst.jobDemand[j]!; break;
        case 2: keys[j] = -inst.depotDist[j]!; break;
        case 3: keys[j] = inst.depotDist[j]!; break;
        case 4: keys[j] = inst.twLast[j]! - inst.twFirst[j]!; break;
        case 5: keys[j] = inst.twFirst[j]!; break;
        default: keys[j] = -inst.twLast[j]!; break;
      }
    }
    // Insertion sort: few jobs per iteration, no allocation.
    for (let k = 1; k < n; k++) {
      const j = a[k]!;
      const key = keys[j]!;
      let i = k - 1;
      while (i >= 0 && keys[a[i]!]! > key) {
        a[i + 1] = a[i]!;
        i--;
      }
      a[i + 1] = j;
    }
  }
}
