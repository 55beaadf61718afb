// The on-demand queue: patients asking to be seen now, located where this clinician holds an active license
// (shared/rules/queue, the same rule the server uses), most urgent and longest waiting first, with a live wait
// time. "Take" is queued through the data layer; if another clinician was first, the refusal says who.
import { useId } from 'react';
import type { User } from '../../../shared/domain/user';
import { checkQueueEligibility, orderQueue, waitedText } from '../../../shared/rules/queue';
import type { LocalQueueRequest } from '../../data';
import { DataError, dataActions, useConflicts, useQueueRequests } from '../../data';
import { Alert, Badge, Button, EmptyState, useNow } from '../../ui';
import type { BadgeTone } from '../../ui';
import { useState } from 'react';

export interface QueuePanelProps {
  user: User;
  onOpenVisit: (appointmentId: string) => void;
}

const URGENCY: Record<LocalQueueRequest['urgency'], { word: string; tone: BadgeTone }> = {
  emergent: { word: 'Emergent', tone: 'danger' },
  urgent: { word: 'Urgent', tone: 'warn' },
  routine: { word: 'Routine', tone: 'neutral' },
};

/** Waiting requests the user may take, in queue order; then the ones they took; then ones just taken by others. */
export function visibleQueue(requests: readonly LocalQueueRequest[], user: Pick<User, 'id' | 'licenses'>, now: Date): LocalQueueRequest[] {
  const waiting = requests.filter((r) => r.status === 'waiting' && checkQueueEligibility(user.licenses, r, now).eligible);
  const mine = requests.filter((r) => r.status === 'taken' && r.takenBy === user.id && r.appointmentId);
  const takenByOthers = requests.filter((r) => r.status === 'taken' && r.takenBy !== user.id);
  return [...orderQueue(waiting), ...orderQueue(takenByOthers), ...orderQueue(mine)];
}

export function QueuePanel({ user, onOpenVisit }: QueuePanelProps) {
  const headingId = useId();
  const nowMs = useNow(5_000);
  const requests = useQueueRequests();
  const conflicts = useConflicts();
  const [failure, setFailure] = useState<string | null>(null);
  const refusals = (conflicts ?? []).filter((c) => c.name === 'queue.take');
  const shown = requests ? visibleQueue(requests, user, new Date(nowMs)) : undefined;
  const waitingCount = shown?.filter((r) => r.status === 'waiting').length ?? 0;

  const take = async (request: LocalQueueRequest): Promise<void> => {
    setFailure(null);
    try {
      await dataActions.queueMutation('queue.take', { requestId: request.id, appointmentId: crypto.randomUUID() }, { baseVersion: request.version });
    } catch (error) {
      setFailure(error instanceof DataError ? error.message : 'Taking this patient could not be saved on this device. Try again.');
    }
  };

  return (
    <section className="hc-stack hc-queue" aria-labelledby={headingId}>
      <h2 id={headingId} className="hc-schedule__day">
        On-demand queue
      </h2>
      <p className="hc-muted">
        {shown === undefined ? 'Loading…' : `${waitingCount} waiting in the states where you are licensed.`} Most urgent first, then longest waiting.
      </p>
      {refusals.map((c) => (
        <Alert key={c.id}>
          <p>{c.message}</p>
          <Button variant="quiet" onClick={() => void dataActions.resolveConflict(c.id, 'discard')}>
            Dismiss
          </Button>
        </Alert>
      ))}
      {failure ? <Alert>{failure}</Alert> : null}
      {shown === undefined ? null : shown.length === 0 ? (
        <EmptyState title="No one is waiting.">Patients asking to be seen now in your licensed states appear here.</EmptyState>
      ) : (
        <ul className="hc-queue__list" aria-label="Patients asking to be seen now">
          {shown.map((r) => {
            const takenByOther = r.status === 'taken' && r.takenBy !== user.id;
            const mine = r.status === 'taken' && r.takenBy === user.id;
            return (
              <li key={r.id} className={takenByOther ? 'hc-queue__item hc-queue__item--gone' : 'hc-queue__item'} aria-label={r.patientName}>
                <div className="hc-queue__who">
                  <strong>{r.patientName}</strong>
                  <span className="hc-muted"> · in {r.locationState} · {r.reason}</span>
                </div>
                <div className="hc-queue__state">
                  <Badge tone={URGENCY[r.urgency].tone}>{URGENCY[r.urgency].word}</Badge>
                  {r.status === 'waiting' ? <time dateTime={r.requestedAt}>{waitedText(r.requestedAt, nowMs)}</time> : null}
                  {takenByOther ? <span>Taken by {r.takenByName ?? 'another clinician'}</span> : null}
                  {mine && r.pending ? <Badge tone="warn">Taking… (pending sync)</Badge> : null}
                </div>
                {r.status === 'waiting' ? (
                  <Button variant="primary" aria-label={`Take ${r.patientName}`} onClick={() => void take(r)}>
                    Take
                  </Button>
                ) : mine ? (
                  <Button variant="primary" aria-label={`Open visit with ${r.patientName}`} disabled={r.pending} onClick={() => r.appointmentId && onOpenVisit(r.appointmentId)}>
                    Open visit
                  </Button>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
