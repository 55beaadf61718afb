// Keyboard assignment of the selected request: "Assign to" a person on shift, or "Suggest for this request",
// which ranks everyone who can take it (no rule violation) by the travel time it adds to their route.
import { useId, useMemo, useState } from 'react';
import type { FieldStaff } from '../../../shared/domain/dispatch';
import type { LocalFieldRequest } from '../../data';
import { Button, formatClock } from '../../ui';
import { checkFor } from './use-assignment';

export interface AssignPanelProps {
  request: LocalFieldRequest;
  staff: readonly FieldStaff[];
  routes: ReadonlyMap<string, readonly LocalFieldRequest[]>;
  timeZone: string;
  onAssign: (person: FieldStaff) => void;
}

export function AssignPanel({ request, staff, routes, timeZone, onAssign }: AssignPanelProps) {
  const selectId = useId();
  const [choice, setChoice] = useState('');
  const [showSuggestions, setShowSuggestions] = useState(false);
  const suggestions = useMemo(() => {
    if (!showSuggestions) return [];
    const now = new Date();
    return staff
      .map((person) => ({ person, check: checkFor(request, person, routes, timeZone, now) }))
      .filter((s) => s.check.verdict !== 'violation')
      .sort((a, b) => a.check.addedTravelMinutes - b.check.addedTravelMinutes || a.person.displayName.localeCompare(b.person.displayName));
  }, [showSuggestions, request, staff, routes, timeZone]);
  const chosen = staff.find((s) => s.userId === choice);

  return (
    <section className="hc-dispatch__assign" aria-label="Assign the selected request">
      <h2>Assign: {request.reason}</h2>
      <p className="hc-muted">
        {request.patientName} · {request.addressLine} · window {formatClock(request.windowStart, timeZone)}–{formatClock(request.windowEnd, timeZone)}
      </p>
      <div className="hc-row-actions">
        <label htmlFor={selectId}>Assign to</label>
        <select id={selectId} value={choice} onChange={(e) => setChoice(e.target.value)}>
          <option value="">Choose a person…</option>
          {staff.map((s) => (
            <option key={s.userId} value={s.userId}>{s.displayName}</option>
          ))}
        </select>
        <Button variant="primary" disabled={!chosen} onClick={() => chosen && onAssign(chosen)}>
          Assign
        </Button>
        <Button onClick={() => setShowSuggestions(true)}>Suggest for this request</Button>
      </div>
      {showSuggestions ? (
        suggestions.length === 0 ? (
          <p role="status">No one on shift can take this request without breaking a rule.</p>
        ) : (
          <ol aria-label="Suggested staff, least added travel first" className="hc-dispatch__suggestions">
            {suggestions.map(({ person, check }) => (
              <li key={person.userId}>
                {person.displayName}: +{check.addedTravelMinutes} min travel, arrives {formatClock(new Date(check.route[check.position]!.arrival).toISOString(), timeZone)}
                {check.warnings.length > 0 ? ` (${check.warnings.map((w) => w.message).join(' ')})` : ''}{' '}
                <Button onClick={() => onAssign(person)}>Assign to {person.displayName}</Button>
              </li>
            ))}
          </ol>
        )
      ) : null}
    </section>
  );
}
