// The dispatcher's "Dispatch" workspace: choose a city and day; the board shows unassigned requests, the staff
// on shift with their routes, the map, suggestions and the day's optimizer. Requests are read from the local
// cache (live: other coordinators' assignments and field status arrive by sync); assignments are queued mutations.
import { useId, useMemo, useState } from 'react';
import type { DispatchCity } from '../../../shared/domain/dispatch';
import type { User } from '../../../shared/domain/user';
import { localDate } from '../../../shared/rules/time-zones';
import { routesByPerson } from '../../../shared/rules/dispatch/board';
import { useConflicts, useFieldRequestsForDay } from '../../data';
import { Alert, ConfirmDialog, useNow } from '../../ui';
import { AssignPanel } from './AssignPanel';
import { DispatchMap } from './DispatchMap';
import { OptimizePanel } from './OptimizePanel';
import { RequestList } from './RequestList';
import { StaffRoutes } from './StaffRoutes';
import { useAssignment } from './use-assignment';
import { useDispatchCities, useDispatchStaff } from './use-dispatch-day';
import { chooseDispatchCity, chooseDispatchDay, useDispatchViewStore } from './dispatch-store';
import './dispatch.css';

function DispatchBoard({ city, date, focusRequestId }: { city: DispatchCity; date: string; focusRequestId: string | null }) {
  const requests = useFieldRequestsForDay(city.id, date);
  const staffState = useDispatchStaff(city.id, date);
  const conflicts = useConflicts();
  const nowMs = useNow(30_000);
  const [selectedId, setSelectedId] = useState<string | null>(focusRequestId);
  const staff = useMemo(() => (staffState.status === 'ready' ? staffState.value.staff : []), [staffState]);
  const routes = useMemo(() => routesByPerson(requests ?? []), [requests]);
  const unassigned = useMemo(() => (requests ?? []).filter((r) => r.status === 'unassigned'), [requests]);
  const selected = unassigned.find((r) => r.id === selectedId) ?? null;
  const flow = useAssignment(routes, city.timeZone);
  const refused = (conflicts ?? []).filter((c) => c.name === 'fieldRequest.assign');

  if (requests === undefined) return <p role="status" className="hc-loading">Loading the board…</p>;
  const byId = new Map(requests.map((r) => [r.id, r]));
  return (
    <div className="hc-dispatch">
      {refused.length > 0 ? (
        <Alert>
          <strong>Assignments refused by the server</strong> (also in the sync conflicts list):
          <ul>{refused.map((c) => <li key={c.id}>{c.message}</li>)}</ul>
        </Alert>
      ) : null}
      {flow.notice ? (
        flow.notice.tone === 'error' ? <Alert>{flow.notice.text}</Alert> : <p role="status" className="hc-dispatch__notice">{flow.notice.text}</p>
      ) : null}
      {staffState.status === 'error' ? <Alert>{staffState.message}</Alert> : null}
      <div className="hc-dispatch__columns">
        <div>
          <RequestList requests={unassigned} selectedId={selected?.id ?? null} timeZone={city.timeZone} onSelect={setSelectedId} />
          {selected ? (
            <AssignPanel
              key={selected.id}
              request={selected}
              staff={staff}
              routes={routes}
              timeZone={city.timeZone}
              onAssign={(person) => void flow.assign(selected, person).then((ok) => ok && setSelectedId(null))}
            />
          ) : null}
          <OptimizePanel staff={staff} routes={routes} unassigned={unassigned} onAccept={(r, p) => flow.assign(r, p, { confirmed: true })} />
        </div>
        <div>
          <DispatchMap city={city} requests={requests} staff={staff} routes={routes} selectedId={selected?.id ?? null} />
          <StaffRoutes
            staff={staff}
            routes={routes}
            timeZone={city.timeZone}
            nowMs={nowMs}
            onDropRequest={(id, person) => {
              const request = byId.get(id);
              if (request) void flow.assign(request, person);
            }}
          />
        </div>
      </div>
      <ConfirmDialog
        open={flow.pending !== null}
        title="Assign despite a warning?"
        confirmLabel="Assign anyway"
        cancelLabel="Don't assign"
        onCancel={flow.cancelPending}
        onConfirm={() => void flow.confirmPending()}
      >
        {flow.pending ? (
          <>
            <p>Assigning {flow.pending.request.reason} to {flow.pending.person.displayName}:</p>
            <ul>{flow.pending.check.warnings.map((w) => <li key={w.message}>{w.message}</li>)}</ul>
          </>
        ) : null}
      </ConfirmDialog>
    </div>
  );
}

export function DispatchWorkspace({ user }: { user: User }) {
  const cities = useDispatchCities();
  const cityFieldId = useId();
  const dayFieldId = useId();
  const { cityId, date, focusRequestId } = useDispatchViewStore();
  const list = cities.status === 'ready' ? cities.value : [];
  const city = list.find((c) => c.id === cityId) ?? list.find((c) => c.id === user.homeCityId) ?? list[0] ?? null;

  if (cities.status === 'loading') return <p role="status" className="hc-loading">Loading cities…</p>;
  if (cities.status === 'error') return <Alert>{cities.message}</Alert>;
  if (!city) return <p>No service city offers home visits yet.</p>;
  // Until a day is picked, the board shows today in the chosen city's own time zone.
  const day = date ?? localDate(new Date(), city.timeZone);
  return (
    <div className="hc-stack">
      <div className="hc-row-actions hc-dispatch__choose">
        <label htmlFor={cityFieldId}>City</label>
        <select id={cityFieldId} value={city.id} onChange={(e) => chooseDispatchCity(e.target.value)}>
          {list.map((c) => <option key={c.id} value={c.id}>{c.name}</option>)}
        </select>
        <label htmlFor={dayFieldId}>Day</label>
        <input id={dayFieldId} type="date" value={day} onChange={(e) => e.target.value && chooseDispatchDay(e.target.value)} />
      </div>
      <DispatchBoard key={`${city.id}|${day}`} city={city} date={day} focusRequestId={focusRequestId} />
    </div>
  );
}
