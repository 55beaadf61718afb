// The feasibility checker: replays a plan against the problem, independently of the solver's internals,
// and lists every violation precisely (capacity, time windows, shift end, skills, locks, coverage).
import type { Job, Plan, PlanMetrics, RoutingProblem, Vehicle } from './model';

export type ViolationKind =
  | 'unknown-vehicle'
  | 'vehicle-reused'
  | 'unknown-job'
  | 'duplicate-job'
  | 'missing-job'
  | 'unassigned-job'
  | 'capacity'
  | 'time-window'
  | 'shift-end'
  | 'skills'
  | 'fixed-vehicle'
  | 'locked';

export interface Violation {
  kind: ViolationKind;
  message: string;
  vehicleId?: string;
  jobId?: string;
}

export interface Stop {
  jobId: string;
  arrival: number;
  start: number;
  departure: number;
}

export interface RouteSchedule {
  vehicleId: string;
  stops: Stop[];
  load: number;
  distance: number;
  travelTime: number;
  /** Arrival at the vehicle's end location. */
  end: number;
}

export interface CheckResult {
  feasible: boolean;
  violations: Violation[];
  metrics: PlanMetrics;
  schedules: RouteSchedule[];
}

export interface CheckOptions {
  /** Every job must be routed (Solomon): an unassigned job is a violation. Default true. */
  requireAll?: boolean;
  /** Tolerance for time comparisons (floating-point sums of square roots). Default 1e-6. */
  epsilon?: number;
}

/** The earliest service start at or after `arrival` within the job's windows, or undefined if every window has closed. */
export function earliestStartIn(job: Job, arrival: number, eps = 0): number | undefined {
  const windows = job.timeWindows;
  if (!windows || windows.length === 0) return arrival;
  for (const [a, b] of windows) if (arrival <= b + eps) return Math.max(arrival, a);
  return undefined;
}

export function checkPlan(problem: RoutingProblem, plan: Plan, options: CheckOptions = {}): CheckResult {
  const eps = options.epsilon ?? 1e-6;
  const requireAll = options.requireAll ?? true;
  const { size } = problem.matrix;
  const dist = problem.matrix.distance;
  const dur = problem.matrix.duration ?? dist;
  const jobs = new Map(problem.jobs.map((j) => [j.id, j]));
  const vehicles = new Map(problem.vehicles.map((v) => [v.id, v]));
  const violations: Violation[] = [];
  const add = (kind: ViolationKind, message: string, ids: { vehicleId?: string; jobId?: string } = {}) =>
    violations.push({ kind, message, ...ids });

  const visits = new Map<string, number>();
  const usedVehicles = new Set<string>();
  const schedules: RouteSchedule[] = [];
  const metrics: PlanMetrics = { distance: 0, travelTime: 0, vehicles: 0, unassigned: plan.unassigned.length };

  for (const route of plan.routes) {
    const vehicle = vehicles.get(route.vehicleId);
    if (!vehicle) {
      add('unknown-vehicle', `route for unknown vehicle ${route.vehicleId}`, { vehicleId: route.vehicleId });
      continue;
    }
    if (usedVehicles.has(vehicle.id)) add('vehicle-reused', `vehicle ${vehicle.id} has more than one route`, { vehicleId: vehicle.id });
    usedVehicles.add(vehicle.id);
    checkLocks(vehicle, route.jobIds, add);
    if (route.jobIds.length === 0) continue;
    metrics.vehicles++;
    const schedule: RouteSchedule = { vehicleId: vehicle.id, stops: [], load: 0, distance: 0, travelTime: 0, end: 0 };
    let loc = vehicle.startLocation;
    let t = vehicle.shiftStart;
    for (const jobId of route.jobIds) {
      visits.set(jobId, (visits.get(jobId) ?? 0) + 1);
      const job = jobs.get(jobId);
      if (!job) {
        add('unknown-job', `vehicle ${vehicle.id} visits unknown job ${jobId}`, { vehicleId: vehicle.id, jobId });
        continue;
      }
      const missing = (job.skills ?? []).filter((s) => !(vehicle.skills ?? []).includes(s));
      if (missing.length) add('skills', `vehicle ${vehicle.id} lacks skill(s) ${missing.join(', ')} required by job ${jobId}`, { vehicleId: vehicle.id, jobId });
      if (job.vehicleId !== undefined && job.vehicleId !== vehicle.id) {
        add('fixed-vehicle', `job ${jobId} is fixed to vehicle ${job.vehicleId} but routed on ${vehicle.id}`, { vehicleId: vehicle.id, jobId });
      }
      schedule.distance += dist[loc * size + job.location]!;
      const arrival = t + dur[loc * size + job.location]!;
      schedule.travelTime += dur[loc * size + job.location]!;
      let start = earliestStartIn(job, arrival, eps);
      if (start === undefined) {
        const last = job.timeWindows![job.timeWindows!.length - 1]!;
        add('time-window', `vehicle ${vehicle.id} arrives at job ${jobId} at ${fmt(arrival)}, after its window closes at ${fmt(last[1])}`, { vehicleId: vehicle.id, jobId });
        start = arrival;
      }
      schedule.stops.push({ jobId, arrival, start, departure: start + job.service });
      schedule.load += job.demand ?? 0;
      t = start + job.service;
      loc = job.location;
    }
    schedule.distance += dist[loc * size + vehicle.endLocation]!;
    schedule.travelTime += dur[loc * size + vehicle.endLocation]!;
    schedule.end = t + dur[loc * size + vehicle.endLocation]!;
    if (schedule.end > vehicle.shiftEnd + eps) {
      add('shift-end', `vehicle ${vehicle.id} reaches its end location at ${fmt(schedule.end)}, after its shift ends at ${fmt(vehicle.shiftEnd)}`, { vehicleId: vehicle.id });
    }
    if (schedule.load > vehicle.capacity + 1e-9) {
      add('capacity', `vehicle ${vehicle.id} carries ${fmt(schedule.load)}, over its capacity ${fmt(vehicle.capacity)}`, { vehicleId: vehicle.id });
    }
    metrics.distance += schedule.distance;
    metrics.travelTime += schedule.travelTime;
    schedules.push(schedule);
  }
  for (const v of problem.vehicles) {
    if ((v.lockedJobIds?.length ?? 0) > 0 && !usedVehicles.has(v.id)) {
      add('locked', `vehicle ${v.id} has locked jobs ${v.lockedJobIds!.join(', ')} but no route`, { vehicleId: v.id });
    }
  }
  for (const jobId of plan.unassigned) {
    visits.set(jobId, (visits.get(jobId) ?? 0) + 1);
    if (!jobs.has(jobId)) add('unknown-job', `unknown job ${jobId} listed as unassigned`, { jobId });
    else if (requireAll) add('unassigned-job', `job ${jobId} is not routed`, { jobId });
  }
  for (const job of problem.jobs) {
    const n = visits.get(job.id) ?? 0;
    if (n === 0) add('missing-job', `job ${job.id} is neither routed nor listed as unassigned`, { jobId: job.id });
    if (n > 1) add('duplicate-job', `job ${job.id} appears ${n} times in the plan`, { jobId: job.id });
  }
  return { feasible: violations.length === 0, violations, metrics, schedules };
}

function checkLocks(vehicle: Vehicle, jobIds: readonly string[], add: (k: ViolationKind, m: string, ids?: { vehicleId?: string; jobId?: string }) => void): void {
  const locked = vehicle.lockedJobIds ?? [];
  locked.forEach((jobId, k) => {
    if (jobIds[k] !== jobId) {
      add('locked', `locked job ${jobId} must be visit ${k + 1} of vehicle ${vehicle.id}, found ${jobIds[k] ?? 'nothing'}`, { vehicleId: vehicle.id, jobId });
    }
  });
}

function fmt(x: number): string {
  return String(Math.round(x * 1000) / 1000);
}
