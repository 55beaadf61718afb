// The assignment rule of the dispatch board, checked on the device before queueing and again on the server:
// may this person take this request at this place in their route? Skills, license in the patient's state (the
// same licensure rule as the clinician's queue), shift hours, and time-window feasibility along the route
// with travel times; started visits are never moved. Result: ok, warnings (accept explicitly) or violations.
import type { StateLicense } from '../../domain/user';
import type { UsState } from '../../domain/states';
import type { FieldRequestKind, FieldRequestStatus } from '../../domain/dispatch';
import { STARTED_STATUSES } from '../../domain/dispatch';
import { checkLicensure } from '../licensure';
import type { LatLon } from './travel';
import { travelMinutes } from './travel';

/** A window with less slack than this (minutes between planned start and the window's end) is "tight". */
export const TIGHT_SLACK_MINUTES = 15;
const MIN = 60_000;

export interface StopInput extends LatLon {
  id: string;
  kind: FieldRequestKind;
  skills: readonly string[];
  durationMinutes: number;
  /** Epoch ms: the service must start within [windowStart, windowEnd]. */
  windowStart: number;
  windowEnd: number;
  patientState: UsState;
  status: FieldRequestStatus;
  assigneeId: string | null;
}

export interface PersonInput {
  userId: string;
  displayName: string;
  role: 'clinician' | 'courier';
  skills: readonly string[];
  licenses: readonly StateLicense[];
  shiftStart: number;
  shiftEnd: number;
  start: LatLon;
}

export interface PlannedStop {
  id: string;
  arrival: number;
  start: number;
  end: number;
  /** Minutes between the planned start and the window's end. */
  slackMinutes: number;
}

export type IssueKind = 'started' | 'skill' | 'license' | 'shift' | 'window' | 'role' | 'tight_window';
export interface Issue {
  kind: IssueKind;
  message: string;
}

export interface AssignmentCheck {
  /** `route` holds the open stops only (completed visits left out), the request at `position`. */
  verdict: 'ok' | 'warning' | 'violation';
  violations: Issue[];
  warnings: Issue[];
  /** The person's route with the request in it (when the route could be scheduled), in order. */
  route: PlannedStop[];
  /** Index of the request in `route`. */
  position: number;
  /** Minutes of travel this request adds to the route. */
  addedTravelMinutes: number;
}

/**
 * Plans a route: leaves the start location at shift start, waits for each window to open. Returns each stop's
 * schedule; stops that cannot start in their window are still scheduled (late) so callers can report them.
 */
export function scheduleRoute(person: PersonInput, stops: readonly StopInput[]): PlannedStop[] {
  let at = person.shiftStart;
  let here: LatLon = person.start;
  const out: PlannedStop[] = [];
  for (const s of stops) {
    const arrival = at + travelMinutes(here, s) * MIN;
    const start = Math.max(arrival, s.windowStart);
    const end = start + s.durationMinutes * MIN;
    out.push({ id: s.id, arrival, start, end, slackMinutes: Math.floor((s.windowEnd - start) / MIN) });
    at = end;
    here = s;
  }
  return out;
}

function routeTravel(person: PersonInput, stops: readonly StopInput[]): number {
  let total = 0;
  let here: LatLon = person.start;
  for (const s of stops) {
    total += travelMinutes(here, s);
    here = s;
  }
  return total;
}

const time = (ms: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone }).format(new Date(ms));

/** Stops still ahead of (or under way for) the person: completed ones are behind them. */
export const openStops = <S extends Pick<StopInput, 'status'>>(stops: readonly S[]): S[] => stops.filter((s) => s.status !== 'completed' && s.status !== 'cancelled');

/** Violations that do not depend on the position in the route. */
function personIssues(request: StopInput, person: PersonInput, now: Date): Issue[] {
  const issues: Issue[] = [];
  if (STARTED_STATUSES.includes(request.status) && request.assigneeId !== person.userId) {
    issues.push({ kind: 'started', message: 'This visit has already started and cannot be moved.' });
  }
  if (request.status === 'cancelled') issues.push({ kind: 'started', message: 'This request was cancelled.' });
  if (request.kind === 'home_visit' && person.role !== 'clinician') issues.push({ kind: 'role', message: `${person.displayName} is a courier and cannot make home visits.` });
  if (request.kind === 'delivery' && person.role !== 'courier') issues.push({ kind: 'role', message: `${person.displayName} is not a courier.` });
  const missing = request.skills.filter((s) => !person.skills.includes(s));
  if (missing.length > 0) issues.push({ kind: 'skill', message: `${person.displayName} lacks the skill${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.` });
  if (request.kind === 'home_visit') {
    const eligibility = checkLicensure(person.licenses, request.patientState, now);
    if (!eligibility.eligible) {
      issues.push({
        kind: 'license',
        message: eligibility.reason === 'license_expired'
          ? `${person.displayName}'s ${request.patientState} license has expired.`
          : eligibility.reason === 'no_license'
            ? `${person.displayName} is not licensed in ${request.patientState}, where the patient is.`
            : eligibility.message,
      });
    }
  }
  return issues;
}

/**
 * Window and shift problems of a planned route. Visits that were already late before the request was added
 * (the board shows them as late risk) are not blamed on the request.
 */
function scheduleIssues(person: PersonInput, stops: readonly StopInput[], planned: readonly PlannedStop[], requestId: string, timeZone: string, lateBefore: ReadonlySet<string>): { violations: Issue[]; warnings: Issue[] } {
  const violations: Issue[] = [];
  const warnings: Issue[] = [];
  planned.forEach((p, k) => {
    const stop = stops[k]!;
    if (lateBefore.has(stop.id)) return;
    const which = stop.id === requestId ? 'This request' : 'Another visit on the route';
    if (p.start > stop.windowEnd) violations.push({ kind: 'window', message: `${which} would start at ${time(p.start, timeZone)}, after its window closes at ${time(stop.windowEnd, timeZone)}.` });
    else if (stop.id === requestId && p.slackMinutes < TIGHT_SLACK_MINUTES) warnings.push({ kind: 'tight_window', message: `Tight window: only ${p.slackMinutes} min of slack before ${time(stop.windowEnd, timeZone)}.` });
  });
  const last = planned[planned.length - 1];
  if (last && last.end > person.shiftEnd) violations.push({ kind: 'shift', message: `The route would end at ${time(last.end, timeZone)}, after ${person.displayName}'s shift ends at ${time(person.shiftEnd, timeZone)}.` });
  return { violations, warnings };
}

export interface CheckAssignmentInput {
  request: StopInput;
  person: PersonInput;
  /** The person's current route in order (the request itself and completed visits are ignored if present). */
  route: readonly StopInput[];
  /** Where to put the request (index in the route without it); by default the best feasible place. */
  position?: number;
  now: Date;
  /** The city's time zone, for the times in messages. */
  timeZone: string;
}

/** Checks assigning `request` to `person`; picks the best position (fewest violations, then least travel) unless one is given. */
export function checkAssignment(input: CheckAssignmentInput): AssignmentCheck {
  const { request, person, now, timeZone } = input;
  // Completed visits are behind the person: they neither move nor constrain the rest of the day.
  const others = input.route.filter((s) => s.id !== request.id && s.status !== 'completed' && s.status !== 'cancelled');
  const fixed = personIssues(request, person, now);
  // Started visits stay at the head of the route: the request goes after the last started one.
  let firstFree = 0;
  others.forEach((s, k) => {
    if (STARTED_STATUSES.includes(s.status)) firstFree = k + 1;
  });
  const baseTravel = routeTravel(person, others);
  const lateBefore = new Set(scheduleRoute(person, others).filter((p, k) => p.start > others[k]!.windowEnd).map((p) => p.id));
  const positions = input.position !== undefined ? [input.position] : Array.from({ length: others.length - firstFree + 1 }, (_, k) => firstFree + k);
  let best: AssignmentCheck | null = null;
  for (const position of positions) {
    const violations = [...fixed];
    if (position < firstFree || position > others.length) {
      violations.push({ kind: 'started', message: 'A request cannot go before a visit that has already started.' });
    }
    const at = Math.min(Math.max(position, 0), others.length);
    const stops = [...others.slice(0, at), request, ...others.slice(at)];
    const planned = scheduleRoute(person, stops);
    const found = scheduleIssues(person, stops, planned, request.id, timeZone, lateBefore);
    violations.push(...found.violations);
    const candidate: AssignmentCheck = {
      verdict: violations.length > 0 ? 'violation' : found.warnings.length > 0 ? 'warning' : 'ok',
      violations, warnings: found.warnings, route: planned, position: at,
      addedTravelMinutes: routeTravel(person, stops) - baseTravel,
    };
    if (!best || rank(candidate) < rank(best)) best = candidate;
  }
  return best!;
}

const rank = (c: AssignmentCheck) => c.violations.length * 1e9 + (c.verdict === 'warning' ? 1e6 : 0) + c.addedTravelMinutes;
