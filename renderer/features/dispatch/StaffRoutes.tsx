// The field staff on shift: skills, licensed states, shift, live status, and each person's route as an ordered
// list with planned arrival times; late-risk visits are flagged. A route accepts a dropped request.
import { useState } from 'react';
import type { FieldStaff } from '../../../shared/domain/dispatch';
import { activeLicenseStates } from '../../../shared/rules/licensure';
import { isLateRisk } from '../../../shared/rules/dispatch/board';
import type { LocalFieldRequest } from '../../data';
import { Badge, formatClock } from '../../ui';
import { SHIFT_WORDS, STATUS_WORDS, skillList } from './dispatch-words';
import { REQUEST_DRAG_TYPE } from './RequestList';

export interface StaffRoutesProps {
  staff: readonly FieldStaff[];
  routes: ReadonlyMap<string, readonly LocalFieldRequest[]>;
  timeZone: string;
  nowMs: number;
  onDropRequest: (requestId: string, person: FieldStaff) => void;
}

/** The live status: from the person's own progress reports on their route, else their shift status. */
function liveStatus(person: FieldStaff, route: readonly LocalFieldRequest[]): string {
  if (route.some((r) => r.status === 'en_route')) return 'En route';
  if (route.some((r) => r.status === 'arrived')) return 'On site';
  return SHIFT_WORDS[person.status] ?? person.status;
}

export function StaffRoutes({ staff, routes, timeZone, nowMs, onDropRequest }: StaffRoutesProps) {
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  return (
    <section className="hc-dispatch__staff" aria-labelledby="dispatch-staff">
      <h2 id="dispatch-staff">Field staff on shift ({staff.length})</h2>
      {staff.length === 0 ? <p className="hc-muted">No one is on shift in this city on this day.</p> : null}
      {staff.map((person) => {
        const route = routes.get(person.userId) ?? [];
        const states = person.role === 'clinician' ? activeLicenseStates(person.licenses, new Date(nowMs)) : [];
        return (
          <section
            key={person.userId}
            aria-label={`Route of ${person.displayName}`}
            className={`hc-dispatch__person${dropTarget === person.userId ? ' hc-dispatch__person--drop' : ''}`}
            onDragOver={(e) => {
              if (!e.dataTransfer.types.includes(REQUEST_DRAG_TYPE)) return;
              e.preventDefault();
              setDropTarget(person.userId);
            }}
            onDragLeave={() => setDropTarget(null)}
            onDrop={(e) => {
              e.preventDefault();
              setDropTarget(null);
              const id = e.dataTransfer.getData(REQUEST_DRAG_TYPE);
              if (id) onDropRequest(id, person);
            }}
          >
            <h3>{person.displayName}</h3>
            <p className="hc-muted">
              {skillList(person.skills)}
              {states.length > 0 ? ` · licensed in ${states.join(', ')}` : ''} · shift {formatClock(person.shiftStart, timeZone)}–{formatClock(person.shiftEnd, timeZone)}
            </p>
            <p>Status: <strong>{liveStatus(person, route)}</strong></p>
            {route.length === 0 ? (
              <p className="hc-muted">No visits yet. Drop a request here or use “Assign to”.</p>
            ) : (
              <ol className="hc-dispatch__route">
                {route.map((r) => {
                  const late = isLateRisk(r, nowMs);
                  return (
                    <li key={r.id} className={late ? 'hc-dispatch__stop--late' : undefined}>
                      <span>{r.plannedArrival ? formatClock(r.plannedArrival, timeZone) : 'planning…'}</span> {r.reason} — {r.patientName}{' '}
                      <span className="hc-muted">(window {formatClock(r.windowStart, timeZone)}–{formatClock(r.windowEnd, timeZone)})</span>{' '}
                      <Badge tone={r.status === 'completed' ? 'ok' : r.status === 'assigned' ? 'neutral' : 'info'}>{STATUS_WORDS[r.status]}</Badge>
                      {late ? <Badge tone="danger">Late risk</Badge> : null}
                      {r.pending ? <Badge tone="info">Waiting to sync</Badge> : null}
                    </li>
                  );
                })}
              </ol>
            )}
          </section>
        );
      })}
    </section>
  );
}
