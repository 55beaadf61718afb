// A solution in flat typed arrays: per route the positions (0 = start, 1..len = jobs, len+1 = end), the
// earliest departure and latest feasible arrival at each position (O(1) insertion checks), load and cost.
import { latestStart, type Instance } from './instance';

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
    const inst = this.inst;
    const base = v * this.cap;
    const n = this.len[v]!;
    this.locAt[base] = inst.vehStart[v]!;
    this.jobAt[base] = -1;
    this.locAt[base + n + 1] = inst.vehEnd[v]!;
    this.jobAt[base + n + 1] = -1;
    this.dep[base] = inst.vehShiftStart[v]!;
    let load = 0;
    let cost = 0;
    const { dist, size, jobLoc, jobDemand } = inst;
    for (let p = 1; p <= n; p++) {
      const j = this.jobAt[base + p]!;
      this.locAt[base + p] = jobLoc[j]!;
      load += jobDemand[j]!;
    }
    for (let p = 1; p <= n + 1; p++) cost += dist[this.locAt[base + p - 1]! * size + this.locAt[base + p]!]!;
    this.forward(v, 1);
    this.backward(v, n);
    this.load[v] = load;
    this.cost[v] = n > 0 ? cost + inst.vehFixed[v]! : 0;
  }

  /** Earliest departures and job index from position `from` to the end of route v. */
  private forward(v: number, from: number): void {
    const inst = this.inst;
    const { dur, size, jobSvc, twOffset, twA, twB } = inst;
    const { jobAt, locAt, dep, jobRoute, jobPos } = this;
    const base = v * this.cap;
    const n = this.len[v]!;
    let d = dep[base + from - 1]!;
    let prev = locAt[base + from - 1]!;
    for (let p = from; p <= n; p++) {
      const j = jobAt[base + p]!;
      const loc = locAt[base + p]!;
      const arr = d + dur[prev * size + loc]!;
      const o = twOffset[j]!;
      let s = arr;
      if (twOffset[j + 1]! - o === 1) {
        if (arr < twA[o]!) s = twA[o]!;
      } else {
        // A late visit (only a locked, already-started one can be) keeps its real time.
        for (let k = o; k < twOffset[j + 1]!; k++) if (arr <= twB[k]!) { s = arr > twA[k]! ? arr : twA[k]!; break; }
      }
      d = s + jobSvc[j]!;
      dep[base + p] = d;
      jobRoute[j] = v;
      jobPos[j] = p;
      prev = loc;
    }
    dep[base + n + 1] = d + dur[prev * size + locAt[base + n + 1]!]!;
  }

  /** Latest feasible arrivals from position `from` back to the start of route v. */
  private backward(v: number, from: number): void {
    const inst = this.inst;
    const { dur, size, jobSvc, twOffset, twA, twB } = inst;
    const { jobAt, locAt, ls } = this;
    const base = v * this.cap;
    const n = this.len[v]!;
    ls[base + n + 1] = inst.vehShiftEnd[v]!;
    let next = ls[base + from + 1]!;
    for (let p = from; p >= 0; p--) {
      const j = jobAt[base + p]!;
      const limit = next - dur[locAt[base + p]! * size + locAt[base + p + 1]!]!;
      if (j < 0) next = limit;
      else {
        const o = twOffset[j]!;
        if (twOffset[j + 1]! - o === 1) {
          const l = limit - jobSvc[j]!;
          next = l < twA[o]! ? -Infinity : l < twB[o]! ? l : twB[o]!;
        } else next = latestStart(inst, j, limit - jobSvc[j]!);
      }
      ls[base + p] = next;
    }
  }

  /** Inserts job j in route v before position p (1 .. len+1), updating only what changes. */
  insert(v: number, p: number, j: number): void {
    const inst = this.inst;
    const base = v * this.cap;
    const n = this.len[v]!;
    const { dist, size } = inst;
    const a = this.locAt[base + p - 1]!;
    const b = this.locAt[base + p]!;
    const lj = inst.jobLoc[j]!;
    this.jobAt.copyWithin(base + p + 1, base + p, base + n + 2);
    this.locAt.copyWithin(base + p + 1, base + p, base + n + 2);
    this.ls.copyWithin(base + p + 1, base + p, base + n + 2);
    this.jobAt[base + p] = j;
    this.locAt[base + p] = lj;
    this.len[v] = n + 1;
    this.forward(v, p);
    this.backward(v, p);
    this.load[v] = this.load[v]! + inst.jobDemand[j]!;
    this.cost[v] = this.cost[v]! + dist[a * size + lj]! + dist[lj * size + b]! - dist[a * size + b]! + (n === 0 ? inst.vehFixed[v]! : 0);
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
