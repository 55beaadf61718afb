// The compiled problem the optimizer works on: flat typed arrays indexed by job and vehicle number,
// skill compatibility, vehicle classes (identical empty vehicles are tried once) and neighbour lists.
import type { RoutingProblem } from './model';

export interface Instance {
  nJobs: number;
  nVeh: number;
  size: number;
  dist: Float64Array;
  dur: Float64Array;
  jobIds: string[];
  vehIds: string[];
  jobLoc: Int32Array;
  jobSvc: Float64Array;
  jobDemand: Float64Array;
  /** First window start and last window end (±Infinity without windows). */
  twFirst: Float64Array;
  twLast: Float64Array;
  /** All windows flattened: job j owns entries twOffset[j] .. twOffset[j+1]-1. */
  twOffset: Int32Array;
  twA: Float64Array;
  twB: Float64Array;
  /** Travel times satisfy the triangle inequality (checked up to 400 locations), so arrivals grow along a route. */
  triangle: boolean;
  /** Distances satisfy the triangle inequality: an insertion never lowers the cost (early rejection is safe). */
  distTriangle: boolean;
  vehStart: Int32Array;
  vehEnd: Int32Array;
  vehShiftStart: Float64Array;
  vehShiftEnd: Float64Array;
  vehCap: Float64Array;
  vehFixed: Float64Array;
  vehClass: Int32Array;
  nClasses: number;
  /** compat[j * nVeh + v] = 1 when vehicle v may serve job j (skills, fixed assignment, locks). */
  compat: Uint8Array;
  /** Locked prefix per vehicle (job numbers in order) and a flag per job. */
  locked: Int32Array[];
  isLocked: Uint8Array;
  /** For each job, the other jobs by increasing distance: neighbors[j * (nJobs - 1) + k]. */
  neighbors: Int32Array;
  /** Distance from the nearest vehicle start, used to sort jobs "far" / "close". */
  depotDist: Float64Array;
  /** Cost of leaving one job unassigned: above any saving from dropping it. */
  absentPenalty: number;
  /** A distance scale (mean distance to the nearest other job), used to scale temperatures. */
  scale: number;
  /** Part of vehFixed that only steers the search (objective 'vehicles'); not reported as cost. */
  vehicleCost: number;
}

const toF64 = (a: ArrayLike<number>): Float64Array => (a instanceof Float64Array ? a : Float64Array.from(a));

/** Compiles a validated problem (the O(size^3) triangle-inequality check only enables early exits). */
export function compile(problem: RoutingProblem, options: { checkTriangle?: boolean } = {}): Instance {
  const { jobs, vehicles } = problem;
  const size = problem.matrix.size;
  const dist = toF64(problem.matrix.distance);
  const dur = problem.matrix.duration ? toF64(problem.matrix.duration) : dist;
  const nJobs = jobs.length;
  const nVeh = vehicles.length;
  const jobIndex = new Map(jobs.map((j, k) => [j.id, k]));
  const vehIndex = new Map(vehicles.map((v, k) => [v.id, k]));

  const jobLoc = new Int32Array(nJobs);
  const jobSvc = new Float64Array(nJobs);
  const jobDemand = new Float64Array(nJobs);
  const twFirst = new Float64Array(nJobs);
  const twLast = new Float64Array(nJobs);
  const twOffset = new Int32Array(nJobs + 1);
  const twAll: [number, number][] = [];
  jobs.forEach((j, k) => {
    jobLoc[k] = j.location;
    jobSvc[k] = j.service;
    jobDemand[k] = j.demand ?? 0;
    const windows = j.timeWindows && j.timeWindows.length ? j.timeWindows : [[-Infinity, Infinity] as const];
    twOffset[k] = twAll.length;
    for (const [a, b] of windows) twAll.push([a, b]);
    twFirst[k] = windows[0]![0];
    twLast[k] = windows[windows.length - 1]![1];
  });
  twOffset[nJobs] = twAll.length;
  const twA = Float64Array.from(twAll, (w) => w[0]);
  const twB = Float64Array.from(twAll, (w) => w[1]);

  const check = (options.checkTriangle ?? true) && size <= 400;
  const triangle = check && satisfiesTriangle(dur, size);
  const distTriangle = dist === dur ? triangle : check && satisfiesTriangle(dist, size);

  const vehStart = Int32Array.from(vehicles, (v) => v.startLocation);
  const vehEnd = Int32Array.from(vehicles, (v) => v.endLocation);
  const vehShiftStart = Float64Array.from(vehicles, (v) => v.shiftStart);
  const vehShiftEnd = Float64Array.from(vehicles, (v) => v.shiftEnd);
  const vehCap = Float64Array.from(vehicles, (v) => v.capacity);
  const vehFixed = Float64Array.from(vehicles, (v) => v.fixedCost ?? 0);

  const locked = vehicles.map((v) => Int32Array.from(v.lockedJobIds ?? [], (id) => jobIndex.get(id)!));
  const isLocked = new Uint8Array(nJobs);
  const lockedOn = new Int32Array(nJobs).fill(-1);
  locked.forEach((arr, v) => arr.forEach((j) => ((isLocked[j] = 1), (lockedOn[j] = v))));

  const compat = new Uint8Array(nJobs * nVeh);
  const hasFixedJob = new Uint8Array(nVeh);
  jobs.forEach((j, k) => {
    const only = lockedOn[k]! >= 0 ? lockedOn[k]! : j.vehicleId !== undefined ? vehIndex.get(j.vehicleId)! : -1;
    if (only >= 0) hasFixedJob[only] = 1;
    vehicles.forEach((v, w) => {
      const skills = v.skills ?? [];
      const ok = (only < 0 || only === w) && (j.skills ?? []).every((s) => skills.includes(s));
      compat[k * nVeh + w] = ok ? 1 : 0;
    });
  });

  // Vehicles that are interchangeable when empty share a class; vehicles with locked or fixed jobs are alone.
  const classOf = new Map<string, number>();
  const vehClass = new Int32Array(nVeh);
  vehicles.forEach((v, w) => {
    const key = hasFixedJob[w]
      ? `#${w}`
      : JSON.stringify([v.startLocation, v.endLocation, v.shiftStart, v.shiftEnd, v.capacity, v.fixedCost ?? 0, [...(v.skills ?? [])].sort()]);
    if (!classOf.has(key)) classOf.set(key, classOf.size);
    vehClass[w] = classOf.get(key)!;
  });

  const starts = [...new Set(vehicles.map((v) => v.startLocation))];
  const depotDist = Float64Array.from(jobs, (j) => Math.min(...starts.map((s) => dist[s * size + j.location]!)));

  const stride = Math.max(nJobs - 1, 0);
  const neighbors = new Int32Array(nJobs * stride);
  let nearestSum = 0;
  const order: number[] = [];
  for (let j = 0; j < nJobs; j++) {
    order.length = 0;
    for (let k = 0; k < nJobs; k++) if (k !== j) order.push(k);
    const row = jobLoc[j]! * size;
    order.sort((a, b) => dist[row + jobLoc[a]!]! - dist[row + jobLoc[b]!]!);
    neighbors.set(order, j * stride);
    if (order.length) nearestSum += dist[row + jobLoc[order[0]!]!]!;
  }
  let maxDist = 0;
  for (let i = 0; i < dist.length; i++) if (dist[i]! > maxDist) maxDist = dist[i]!;
  let fixedSum = 0;
  for (let v = 0; v < nVeh; v++) fixedSum += vehFixed[v]!;

  return {
    nJobs, nVeh, size, dist, dur,
    jobIds: jobs.map((j) => j.id), vehIds: vehicles.map((v) => v.id),
    jobLoc, jobSvc, jobDemand, twFirst, twLast, twOffset, twA, twB, triangle, distTriangle,
    vehStart, vehEnd, vehShiftStart, vehShiftEnd, vehCap, vehFixed, vehClass, nClasses: classOf.size,
    compat, locked, isLocked, neighbors, depotDist,
    absentPenalty: 2 * maxDist * (nJobs + 1) + fixedSum + 1,
    scale: nJobs > 1 ? nearestSum / nJobs : Math.max(maxDist, 1),
    vehicleCost: 0,
  };
}

function satisfiesTriangle(m: Float64Array, size: number): boolean {
  for (let i = 0; i < size; i++) {
    for (let j = 0; j < size; j++) {
      const ij = m[i * size + j]!;
      for (let k = 0; k < size; k++) if (m[i * size + k]! > ij + m[j * size + k]! + 1e-9) return false;
    }
  }
  return true;
}

/** Earliest service start at or after `arrival` (Infinity when every window of job j has closed). */
export function earliestStart(inst: Instance, j: number, arrival: number): number {
  const o = inst.twOffset[j]!;
  const e = inst.twOffset[j + 1]!;
  if (e - o === 1) return arrival <= inst.twB[o]! ? (arrival > inst.twA[o]! ? arrival : inst.twA[o]!) : Infinity;
  for (let k = o; k < e; k++) if (arrival <= inst.twB[k]!) return arrival > inst.twA[k]! ? arrival : inst.twA[k]!;
  return Infinity;
}

/** Latest service start no later than `limit` inside job j's windows (-Infinity when none). */
export function latestStart(inst: Instance, j: number, limit: number): number {
  const o = inst.twOffset[j]!;
  for (let k = inst.twOffset[j + 1]! - 1; k >= o; k--) if (limit >= inst.twA[k]!) return limit < inst.twB[k]! ? limit : inst.twB[k]!;
  return -Infinity;
}
