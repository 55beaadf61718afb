// Turning the board's wire forms (field requests, staff on shift) into rule inputs, each person's route, and
// the live late-risk flag (the ETA passes the window's end). Pure: used by the board, the worker and the server.
import type { FieldRequest, FieldStaff } from '../../domain/dispatch';
import type { StateLicense } from '../../domain/user';
import type { PersonInput, StopInput } from './assignment';

export function requestToStop(r: Pick<FieldRequest, 'id' | 'kind' | 'skills' | 'durationMinutes' | 'windowStart' | 'windowEnd' | 'latitude' | 'longitude' | 'patientLocationState' | 'status' | 'assigneeId'>): StopInput {
  return {
    id: r.id, kind: r.kind, skills: r.skills, durationMinutes: r.durationMinutes, windowStart: Date.parse(r.windowStart), windowEnd: Date.parse(r.windowEnd),
    latitude: r.latitude, longitude: r.longitude, patientState: r.patientLocationState, status: r.status, assigneeId: r.assigneeId,
  };
}

export function staffToPerson(s: FieldStaff): PersonInput {
  return {
    userId: s.userId, displayName: s.displayName, role: s.role, skills: s.skills, licenses: s.licenses as StateLicense[],
    shiftStart: Date.parse(s.shiftStart), shiftEnd: Date.parse(s.shiftEnd), start: { latitude: s.startLatitude, longitude: s.startLongitude },
  };
}

/** Each person's route (requests assigned to them, not cancelled), in route order. */
export function routesByPerson<R extends Pick<FieldRequest, 'assigneeId' | 'status' | 'routePosition' | 'windowStart' | 'id'>>(requests: readonly R[]): Map<string, R[]> {
  const routes = new Map<string, R[]>();
  for (const r of requests) {
    if (!r.assigneeId || r.status === 'cancelled') continue;
    const list = routes.get(r.assigneeId) ?? [];
    list.push(r);
    routes.set(r.assigneeId, list);
  }
  for (const list of routes.values()) {
    list.sort((a, b) => (a.routePosition ?? 1e9) - (b.routePosition ?? 1e9) || a.windowStart.localeCompare(b.windowStart) || a.id.localeCompare(b.id));
  }
  return routes;
}

/** True when an assigned visit not yet reached is expected after its window closes (ETA = later of now and the plan). */
export function isLateRisk(r: Pick<FieldRequest, 'status' | 'plannedArrival' | 'windowEnd'>, nowMs: number): boolean {
  if (r.status !== 'assigned' && r.status !== 'en_route') return false;
  const planned = r.plannedArrival ? Date.parse(r.plannedArrival) : nowMs;
  return Math.max(nowMs, planned) > Date.parse(r.windowEnd);
}
