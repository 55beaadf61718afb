// SISR ruin (Christiaens & Vanden Berghe 2020): remove strings (or split strings) of consecutive jobs
// from routes near a random seed job, so that the freed slack can be reused. Locked visits never move.
import type { Rng } from './rng';
import type { Solution } from './solution';

export interface RuinParams {
  /** Average number of removed jobs (c-bar). */
  avgRemoved: number;
  /** Maximum string length (L-max). */
  maxString: number;
  /** Probability of the split-string variant. */
  splitRate: number;
  /** Split depth: the preserved substring grows while U(0,1) > beta. */
  splitDepth: number;
}

export class Ruin {
  private readonly ruined: Uint8Array;
  private readonly removed: Uint8Array;

  constructor(nVeh: number, nJobs: number) {
    this.ruined = new Uint8Array(nVeh);
    this.removed = new Uint8Array(nJobs);
  }

  /** Removes jobs from `sol`; flags every changed route in `dirty` (and lists it in `touched`). */
  apply(sol: Solution, rng: Rng, prm: RuinParams, dirty: Uint8Array, touched: number[]): void {
    const inst = sol.inst;
    const { nJobs, nVeh, locked } = inst;
    let routes = 0;
    let routed = 0;
    for (let v = 0; v < nVeh; v++) {
      const free = sol.len[v]! - locked[v]!.length;
      if (free > 0) {
        routes++;
        routed += free;
      }
    }
    if (routes === 0) return;
    const lsMax = Math.min(prm.maxString, routed / routes);
    const ksMax = (4 * prm.avgRemoved) / (1 + lsMax) - 1;
    const ks = Math.min(Math.floor(rng.next() * ksMax) + 1, routes);

    let seed = rng.int(nJobs);
    for (let tries = 0; (sol.jobRoute[seed]! < 0 || inst.isLocked[seed]) && tries < 4 * nJobs; tries++) seed = rng.int(nJobs);
    if (sol.jobRoute[seed]! < 0 || inst.isLocked[seed]) return;

    const stride = nJobs - 1;
    let count = 0;
    for (let k = -1; k < stride && count < ks; k++) {
      const c = k < 0 ? seed : inst.neighbors[seed * stride + k]!;
      const v = sol.jobRoute[c]!;
      if (v < 0 || this.ruined[v] || inst.isLocked[c]) continue;
      const first = locked[v]!.length + 1; // first movable position
      const last = sol.len[v]!;
      const free = last - first + 1;
      const lMax = Math.min(free, lsMax);
      const l = Math.floor(rng.next() * lMax) + 1;
      const pc = sol.jobPos[c]!;
      const base = v * sol.cap;
      if (l === 1 || l >= free || rng.next() >= prm.splitRate) {
        const start = pickStart(rng, first, last, l, pc);
        for (let p = start; p < start + l; p++) this.removed[sol.jobAt[base + p]!] = 1;
      } else {
        let m = 1;
        while (m < free - l && rng.next() > prm.splitDepth) m++;
        const start = pickStart(rng, first, last, l + m, pc);
        const keep = start + rng.int(l + 1); // the preserved m jobs start here, within the l+m window
        for (let p = start; p < start + l + m; p++) if (p < keep || p >= keep + m) this.removed[sol.jobAt[base + p]!] = 1;
      }
      sol.removeFlagged(v, this.removed);
      this.ruined[v] = 1;
      if (!dirty[v]) {
        dirty[v] = 1;
        touched.push(v);
      }
      count++;
    }
    this.removed.fill(0);
    for (const v of touched) this.ruined[v] = 0;
  }
}

/** A random start for a window of `len` positions inside [first, last] that contains position pc. */
function pickStart(rng: Rng, first: number, last: number, len: number, pc: number): number {
  const lo = Math.max(first, pc - len + 1);
  const hi = Math.min(last - len + 1, pc);
  return lo + rng.int(hi - lo + 1);
}
