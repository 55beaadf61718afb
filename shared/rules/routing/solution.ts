// A solution in flat typed arrays: per route the positions (0 = start, 1..len = jobs, len+1 = end), the
// earliest departure and latest feasible arrival at each position (O(1) insertion checks), load and cost.
import { earliestStart, latestStart, type Instance } from './instance';

export class Solution {
  readonly inst: Instance;
  /** Positions per route: nJobs + 2. */
  readonly cap: number;
  readonly len: Int32Array;
  readonly jobAt: Int32Array;
  readonly locAt: Int32Array;
  /** Earliest departure from each position (service included); at the end position, the earliest arrival. */
  readonly dep: Float64Array;
  /** Latest arrival at each position that keeps the rest of the route feasible. */
  readonly ls: Float64Array;
  readonly load: Float64Array;
  readonly cost: Float64Array;
  readonly jobRoute: Int32Array;
  readonly jobPos: Int32Array;
  /** Unassigned jobs: absent[0 .. nAbsent-1]. */
  readonly absent: Int32Array;
  nAbsent = 0;

  constructor(inst: Instance) {
    this.inst = inst;
    this.cap = inst.nJobs + 2;
    const n = inst.nVeh * this.cap;
    this.len = new Int32Array(inst.nVeh);
    this.jobAt = new Int32Array(n).fill(-1);
    this.locAt = new Int32Array(n);
    this.dep = new Float64Array(n);
    this.ls = new Float64Array(n);
    this.load = new Float64Array(inst.nVeh);
    this.cost = new Float64Array(inst.nVeh);
    this.jobRoute = new Int32Array(inst.nJobs).fill(-1);
    this.jobPos = new Int32Array(inst.nJobs).fill(-1);
    this.absent = new Int32Array(inst.nJobs);
    for (let v = 0; v < inst.nVeh; v++) this.rebuild(v);
  }

  /** Total cost: route costs plus the penalty of every unassigned job. */
  total(): number {
    let t = this.nAbsent * this.inst.absentPenalty;
    for (let v = 0; v < this.inst.nVeh; v++) t += this.cost[v]!;
    return t;
  }

  distance(): number {
    let t = 0;
    for (let v = 0; v < this.inst.nVeh; v++) t += this.cost[v]! - (this.len[v]! > 0 ? this.inst.vehFixed[v]! : 0);
    return t;
  }

  usedVehicles(): number {
    let n = 0;
    for (let v = 0; v < this.inst.nVeh; v++) if (this.len[v]! > 0) n++;
    return n;
  }

  /** Recomputes locations, times, load, cost and the job index of route v from its job sequence. */
  rebuild(v: number): void {
    const { inst, cap } = this;
    const { dist, dur, size, jobLoc, jobSvc, jobDemand } = inst;
    const base = v * cap;
    const n = this.len[v]!;
    const { jobAt, locAt, dep, ls } = this;
    locAt[base] = inst.vehStart[v]!;
    jobAt[base] = -1;
    locAt[base + n + 1] = inst.vehEnd[v]!;
    jobAt[base + n + 1] = -1;
    dep[base] = inst.vehShiftStart[v]!;
    let load = 0;
    let cost = 0;
    for (let p = 1; p <= n + 1; p++) {
      const prev = locAt[base + p - 1]!;
      const j = jobAt[base + p]!;
      const loc = j >= 0 ? jobLoc[j]! : locAt[base + p]!;
      locAt[base + p] = loc;
      cost += dist[prev * size + loc]!;
      const arr = dep[base + p - 1]! + dur[prev * size + loc]!;
      if (j < 0) {
        dep[base + p] = arr;
        continue;
      }
      const s = earliestStart(inst, j, arr);
      // A late locked visit (already started) keeps its real time; the solver never makes other jobs late.
      dep[base + p] = (s === Infinity ? arr : s) + jobSvc[j]!;
      load += jobDemand[j]!;
      this.jobRoute[j] = v;
      this.jobPos[j] = p;
    }
    ls[base + n + 1] = inst.vehShiftEnd[v]!;
    for (let p = n; p >= 0; p--) {
      const j = jobAt[base + p]!;
      const limit = ls[base + p + 1]! - dur[locAt[base + p]! * size + locAt[base + p + 1]!]!;
      ls[base + p] = j >= 0 ? latestStart(inst, j, limit - jobSvc[j]!) : limit;
    }
    this.load[v] = load;
    this.cost[v] = n > 0 ? cost + inst.vehFixed[v]! : 0;
  }

  /** Inserts job j in route v before position p (1 .. len+1). */
  insert(v: number, p: number, j: number): void {
    const base = v * this.cap;
    const n = this.len[v]!;
    this.jobAt.copyWithin(base + p + 1, base + p, base + n + 2);
    this.jobAt[base + p] = j;
    this.len[v] = n + 1;
    this.rebuild(v);
  }

  /** Removes from route v every job flagged in `remove` (never the locked prefix) and marks them absent. */
  removeFlagged(v: number, remove: Uint8Array): void {
    const base = v * this.cap;
    const n = this.len[v]!;
    let w = 1;
    for (let p = 1; p <= n; p++) {
      const j = this.jobAt[base + p]!;
      if (remove[j]) {
        this.jobRoute[j] = -1;
        this.jobPos[j] = -1;
        this.absent[this.nAbsent++] = j;
      } else this.jobAt[base + w++] = j;
    }
    this.len[v] = w - 1;
    this.jobAt[base + w] = -1;
    this.rebuild(v);
  }

  copyRouteFrom(other: Solution, v: number): void {
    const base = v * this.cap;
    const end = base + other.len[v]! + 2;
    this.len[v] = other.len[v]!;
    this.jobAt.set(other.jobAt.subarray(base, end), base);
    this.locAt.set(other.locAt.subarray(base, end), base);
    this.dep.set(other.dep.subarray(base, end), base);
    this.ls.set(other.ls.subarray(base, end), base);
    this.load[v] = other.load[v]!;
    this.cost[v] = other.cost[v]!;
    for (let p = 1; p < end - base - 1; p++) {
      const j = this.jobAt[base + p]!;
      this.jobRoute[j] = v;
      this.jobPos[j] = p;
    }
  }

  /** Copies the unassigned list; jobs that moved into routes are re-indexed by copying those routes. */
  copyAbsentFrom(other: Solution): void {
    this.nAbsent = other.nAbsent;
    this.absent.set(other.absent.subarray(0, other.nAbsent));
    for (let k = 0; k < this.nAbsent; k++) {
      const j = this.absent[k]!;
      this.jobRoute[j] = -1;
      this.jobPos[j] = -1;
    }
  }

  copyFrom(other: Solution): void {
    for (let v = 0; v < this.inst.nVeh; v++) this.copyRouteFrom(other, v);
    this.copyAbsentFrom(other);
  }

  /** The job numbers of route v, in visiting order. */
  routeJobs(v: number): number[] {
    const base = v * this.cap;
    return Array.from(this.jobAt.subarray(base + 1, base + 1 + this.len[v]!));
  }
}
