// The unassigned requests of the day: address, window, skills, duration and priority; select one (keyboard) or
// drag it onto a person's route.
import type { LocalFieldRequest } from '../../data';
import { Badge, formatClock } from '../../ui';
import { PRIORITY_WORDS, skillList } from './dispatch-words';

export const REQUEST_DRAG_TYPE = 'application/x-housecall-field-request';

export interface RequestListProps {
  requests: readonly LocalFieldRequest[];
  selectedId: string | null;
  timeZone: string;
  onSelect: (id: string | null) => void;
}

export function RequestList({ requests, selectedId, timeZone, onSelect }: RequestListProps) {
  return (
    <section className="hc-dispatch__requests" aria-labelledby="dispatch-unassigned">
      <h2 id="dispatch-unassigned">Unassigned requests ({requests.length})</h2>
      {requests.length === 0 ? <p className="hc-muted">Every request of this day is assigned.</p> : null}
      <ul className="hc-dispatch__list">
        {requests.map((r) => {
          const window = `${formatClock(r.windowStart, timeZone)}–${formatClock(r.windowEnd, timeZone)}`;
          const selected = r.id === selectedId;
          return (
            <li
              key={r.id}
              className={`hc-dispatch__request${selected ? ' hc-dispatch__request--selected' : ''}`}
              draggable
              onDragStart={(e) => {
                e.dataTransfer.setData(REQUEST_DRAG_TYPE, r.id);
                e.dataTransfer.effectAllowed = 'move';
              }}
            >
              <button type="button" aria-pressed={selected} onClick={() => onSelect(selected ? null : r.id)}>
                {r.reason} — {r.patientName}
              </button>
              <div className="hc-muted">
                {r.kind === 'delivery' ? 'Delivery' : 'Home visit'} · {r.addressLine}, {r.postalCode} · window {window} · {r.durationMinutes} min · {skillList(r.skills)}
              </div>
              {r.priority !== 'routine' ? <Badge tone={r.priority === 'urgent' ? 'danger' : 'warn'}>{PRIORITY_WORDS[r.priority]}</Badge> : null}
              {r.pending ? <Badge tone="info">Waiting to sync</Badge> : null}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
