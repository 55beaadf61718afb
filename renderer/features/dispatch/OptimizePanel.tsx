// "Optimize the day": runs the routing solver in a Web Worker on the board's current state and shows the
// proposal as a diff (one proposed assignment per unassigned request) that the coordinator accepts in full or in
// part; each accepted line goes through the same checked assignment as a manual one. Started visits never move.
import { useEffect, useRef, useState } from 'react';
import type { FieldStaff } from '../../../shared/domain/dispatch';
import type { DayProposal } from '../../../shared/rules/dispatch/optimize-day';
import { requestToStop, staffToPerson } from '../../../shared/rules/dispatch/board';
import type { LocalFieldRequest } from '../../data';
import { Alert, Button } from '../../ui';
import type { OptimizeAnswer, OptimizeRequest } from './optimize-protocol';

const TIME_LIMIT_MS = 1500;

export interface OptimizePanelProps {
  staff: readonly FieldStaff[];
  routes: ReadonlyMap<string, readonly LocalFieldRequest[]>;
  unassigned: readonly LocalFieldRequest[];
  /** Assigns one request (with the rule check); true when queued. */
  onAccept: (request: LocalFieldRequest, person: FieldStaff) => Promise<boolean>;
}

export function OptimizePanel({ staff, routes, unassigned, onAccept }: OptimizePanelProps) {
  const workerRef = useRef<Worker | null>(null);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [proposal, setProposal] = useState<DayProposal | null>(null);
  const [accepted, setAccepted] = useState<Set<string>>(new Set());
  const [applying, setApplying] = useState(false);
  useEffect(() => () => workerRef.current?.terminate(), []);

  const run = () => {
    workerRef.current?.terminate();
    const worker = new Worker(new URL('./optimizer.worker.ts', import.meta.url), { type: 'module' });
    workerRef.current = worker;
    setRunning(true);
    setError(null);
    setProposal(null);
    const message: OptimizeRequest = {
      kind: 'optimize', id: 1, timeLimitMs: TIME_LIMIT_MS,
      board: {
        people: staff.map((s) => ({ person: staffToPerson(s), route: (routes.get(s.userId) ?? []).map(requestToStop) })),
        unassigned: unassigned.map(requestToStop),
        now: new Date().toISOString(),
      },
    };
    worker.onmessage = (event: MessageEvent<OptimizeAnswer>) => {
      setRunning(false);
      worker.terminate();
      if (event.data.kind === 'error') setError(event.data.message);
      else {
        setProposal(event.data.proposal);
        setAccepted(new Set(event.data.proposal.assignments.map((a) => a.requestId)));
      }
    };
    worker.onerror = () => {
      setRunning(false);
      setError('The optimizer stopped unexpectedly.');
    };
    worker.postMessage(message);
  };

  const byId = new Map(unassigned.map((r) => [r.id, r]));
  const people = new Map(staff.map((s) => [s.userId, s]));
  const lines = (proposal?.assignments ?? []).filter((a) => byId.has(a.requestId) && people.has(a.userId));

  const accept = async () => {
    setApplying(true);
    for (const line of lines) {
      if (!accepted.has(line.requestId)) continue;
      await onAccept(byId.get(line.requestId)!, people.get(line.userId)!);
    }
    setApplying(false);
    setProposal(null);
  };

  return (
    <section className="hc-dispatch__optimize" aria-labelledby="dispatch-optimize">
      <h2 id="dispatch-optimize">Optimize the day</h2>
      <Button onClick={run} busy={running} disabled={unassigned.length === 0 || staff.length === 0}>
        Optimize the day
      </Button>
      {running ? <p role="status">Planning routes…</p> : null}
      {error ? <Alert>{error}</Alert> : null}
      {proposal ? (
        <div>
          <p role="status">
            Proposal: {lines.length} of {unassigned.length} unassigned requests placed, {proposal.travelMinutes} min of travel in all
            {proposal.unassigned.length > 0 ? `; ${proposal.unassigned.length} cannot be placed with the staff on shift` : ''}.
          </p>
          <ul aria-label="Proposed assignments">
            {lines.map((line) => {
              const request = byId.get(line.requestId)!;
              const label = `Assign ${request.reason} (${request.patientName}) to ${people.get(line.userId)!.displayName}, stop ${line.position + 1}`;
              return (
                <li key={line.requestId}>
                  <label>
                    <input
                      type="checkbox"
                      checked={accepted.has(line.requestId)}
                      onChange={(e) => {
                        const next = new Set(accepted);
                        if (e.target.checked) next.add(line.requestId);
                        else next.delete(line.requestId);
                        setAccepted(next);
                      }}
                    />{' '}
                    {label}
                  </label>
                </li>
              );
            })}
          </ul>
          <div className="hc-row-actions">
            <Button variant="primary" busy={applying} disabled={accepted.size === 0} onClick={() => void accept()}>
              Accept selected ({[...accepted].filter((id) => byId.has(id)).length})
            </Button>
            <Button variant="quiet" onClick={() => setProposal(null)}>Discard proposal</Button>
          </div>
        </div>
      ) : null}
    </section>
  );
}
