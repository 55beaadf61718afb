// "Optimize the day": turns a city's board (staff on shift, their routes, the unassigned requests) into a routing
// problem for the VRPTW solver in ../routing and its plan back into proposed assignments (the diff the
// coordinator accepts in full or in part). Licensure and role become solver skills ("license:WA", "role:courier");
// started visits are locked at the head of their routes; assigned visits stay with their assignee.
import { solve } from '../routing';
import type { Job, RoutingProblem, Vehicle } from '../routing';
import { STARTED_STATUSES } from '../../domain/dispatch';
import { activeLicenseStates } from '../licensure';
import type { PersonInput, StopInput } from './assignment';
import { travelMinutes } from './travel';
import type { LatLon } from './travel';

export interface DayBoard {
  people: ReadonlyArray<{ person: PersonInput; route: readonly StopInput[] }>;
  unassigned: readonly StopInput[];
  /** For license expiry. */
  now: Date;
}

export interface ProposedAssignment {
  requestId: string;
  userId: string;
  /** Index in the person's proposed route. */
  position: number;
}

export interface DayProposal {
  /** Proposed new assignments (only requests that are unassigned today), in route order per person. */
  assignments: ProposedAssignment[];
  /** Each person's proposed full route (ids in order). */
  routes: Record<string, string[]>;
  /** Requests no one on shift can take. */
  unassigned: string[];
  /** Total travel minutes of the proposal. */
  travelMinutes: number;
  elapsedMs: number;
}

const MIN = 60_000;
/** Visits per clinician and drops per courier in a day (the "capacity" of a route). */
export const ROUTE_CAPACITY = { clinician: 12, courier: 25 } as const;

function personSkills(p: PersonInput, now: Date): string[] {
  const licenses = p.role === 'clinician' ? activeLicenseStates(p.licenses, now).map((s) => `license:${s}`) : [];
  return [...p.skills, ...licenses, `role:${p.role}`];
}

function jobSkills(s: StopInput): string[] {
  return s.kind === 'home_visit' ? [...s.skills, `license:${s.patientState}`, 'role:clinician'] : [...s.skills, 'role:courier'];
}

/** Builds the routing problem: times in minutes from the earliest shift start, travel in minutes (haversine model). */
export function boardToProblem(board: DayBoard): { problem: RoutingProblem; origin: number } {
  const origin = Math.min(...board.people.map((p) => p.person.shiftStart));
  const places: LatLon[] = board.people.map((p) => p.person.start);
  const jobs: Job[] = [];
  const vehicles: Vehicle[] = [];
  const addJob = (s: StopInput, vehicleId?: string) => {
    places.push(s);
    jobs.push({
      id: s.id, location: places.length - 1, service: s.durationMinutes, demand: 1, skills: jobSkills(s),
      timeWindows: [[Math.max(0, (s.windowStart - origin) / MIN), Math.max(0, (s.windowEnd - origin) / MIN)]],
      ...(vehicleId ? { vehicleId } : {}),
    });
  };
  board.people.forEach(({ person, route }, k) => {
    const open = route.filter((s) => s.status !== 'completed' && s.status !== 'cancelled');
    const locked = open.filter((s) => STARTED_STATUSES.includes(s.status));
    for (const s of open) addJob(s, person.userId);
    vehicles.push({
      id: person.userId, startLocation: k, endLocation: k, shiftStart: (person.shiftStart - origin) / MIN, shiftEnd: (person.shiftEnd - origin) / MIN,
      capacity: ROUTE_CAPACITY[person.role], skills: personSkills(person, board.now), lockedJobIds: locked.map((s) => s.id),
    });
  });
  for (const s of board.unassigned) addJob(s);
  const size = places.length;
  const matrix = new Float64Array(size * size);
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) matrix[a * size + b] = a === b ? 0 : travelMinutes(places[a]!, places[b]!);
  return { problem: { name: 'dispatch-day', vehicles, jobs, matrix: { size, distance: matrix } }, origin };
}

/** Proposes routes for every unassigned request (pure; runs in a Web Worker on the board and in Node). */
export function optimizeDay(board: DayBoard, options: { timeLimitMs?: number; now?: () => number; seed?: number; maxIterations?: number } = {}): DayProposal {
  if (board.people.length === 0) return { assignments: [], routes: {}, unassigned: board.unassigned.map((s) => s.id), travelMinutes: 0, elapsedMs: 0 };
  const { problem } = boardToProblem(board);
  const result = solve(problem, {
    seed: options.seed ?? 1,
    ...(options.maxIterations !== undefined ? { maxIterations: options.maxIterations } : {}),
    ...(options.timeLimitMs !== undefined && options.now ? { timeLimitMs: options.timeLimitMs, now: options.now } : {}),
  });
  const open = new Set(board.unassigned.map((s) => s.id));
  const routes: Record<string, string[]> = {};
  const assignments: ProposedAssignment[] = [];
  for (const r of result.plan.routes) {
    routes[r.vehicleId] = r.jobIds;
    r.jobIds.forEach((id, position) => {
      if (open.has(id)) assignments.push({ requestId: id, userId: r.vehicleId, position });
    });
  }
  return { assignments, routes, unassigned: result.plan.unassigned.filter((id) => open.has(id)), travelMinutes: result.distance, elapsedMs: result.elapsedMs };
}
