// The patient's "See a clinician now" page (/now/<token>): confirm where they are (required: only clinicians
// licensed there can see them), say why and how urgent, and join the on-demand queue; then a waiting room with
// their place in line and how long they have waited, which becomes the video visit once a clinician opens it.
import { useEffect, useId, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { QUEUE_REASON_MAX, QueueEntryRequestSchema } from '../../shared/api/queue-entry';
import type { QueueEntryStatus } from '../../shared/api/queue-entry';
import type { QueueUrgency } from '../../shared/domain/queue';
import { US_STATES } from '../../shared/domain/states';
import { waitedText } from '../../shared/rules/queue';
import { Alert, Button, TextArea, useNow } from '../ui';
import { enterQueue, getJoinVisit, getQueueEntryStatus, leaveQueue } from '../platform';
import type { Opened } from './JoinPage';
import { JoinedVisit } from './JoinPage';
import type { StoredQueueEntry } from './queue-entry-session';
import { forgetQueueVisit, keepQueueEntry, queueLinkFromPath, storedQueueEntry } from './queue-entry-session';
import { STATE_NAMES } from './state-names';

/** How often the waiting room asks where the request stands. */
export const QUEUE_POLL_MS = 5_000;

const URGENCY_CHOICES: { value: QueueUrgency; label: string }[] = [
  { value: 'routine', label: 'It can wait a little' },
  { value: 'urgent', label: 'I need help soon' },
  { value: 'emergent', label: 'It is very urgent' },
];

function EntryForm({ link, onEntered }: { link: string; onEntered: (entry: StoredQueueEntry) => void }) {
  const formId = useId();
  const [state, setState] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<QueueUrgency>('routine');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!state) return setProblem('Choose the state you are in right now.');
    const parsed = QueueEntryRequestSchema.safeParse({ token: link, locationState: state, reason, urgency });
    if (!parsed.success) return setProblem(reason.trim() ? `Keep the reason under ${QUEUE_REASON_MAX} characters.` : 'Say briefly why you want to be seen.');
    setBusy(true);
    setProblem(null);
    const result = await enterQueue(parsed.data);
    setBusy(false);
    if (!result.ok) return setProblem(result.error.message);
    onEntered({ link, queueSession: result.value.sessionToken, visit: null });
  };

  return (
    <section className="hc-stack" aria-labelledby={`${formId}-title`}>
      <h1 id={`${formId}-title`}>See a clinician now</h1>
      <p>Tell us where you are and why you want to be seen. You will wait in line for the next available clinician, then have a video visit here.</p>
      <p><strong>If this is an emergency, call 911.</strong></p>
      <form className="hc-stack" onSubmit={(e) => void submit(e)} noValidate>
        <div className="hc-field">
          <label className="hc-field__label" htmlFor={`${formId}-state`}>State you are in right now</label>
          <div className="hc-field__hint" id={`${formId}-state-hint`}>Clinicians can only see you in a state where they are licensed: choose where you are now, even if you are travelling.</div>
          <select id={`${formId}-state`} className="hc-field__input" required aria-describedby={`${formId}-state-hint`} value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">Choose a state</option>
            {US_STATES.map((code) => <option key={code} value={code}>{STATE_NAMES[code]}</option>)}
          </select>
        </div>
        <TextArea label="Why do you want to be seen?" hint={`A sentence or two (up to ${QUEUE_REASON_MAX} characters).`} rows={3} maxLength={QUEUE_REASON_MAX} required value={reason} onChange={(e) => setReason(e.target.value)} />
        <fieldset className="hc-field">
          <legend className="hc-field__label">How urgent is it?</legend>
          {URGENCY_CHOICES.map((choice) => (
            <label key={choice.value} className="hc-choice">
              <input type="radio" name={`${formId}-urgency`} value={choice.value} checked={urgency === choice.value} onChange={() => setUrgency(choice.value)} /> {choice.label}
            </label>
          ))}
        </fieldset>
        {problem ? <Alert tone="error">{problem}</Alert> : null}
        <Button type="submit" variant="primary" disabled={busy}>Join the queue</Button>
      </form>
    </section>
  );
}

type Waiting = { kind: 'status'; status: QueueEntryStatus } | { kind: 'visit'; opened: Opened } | { kind: 'over'; message: string } | null;

function WaitingRoom({ entry, onEntry }: { entry: StoredQueueEntry; onEntry: (entry: StoredQueueEntry) => void }) {
  const [waiting, setWaiting] = useState<Waiting>(null);
  const [leaveFailure, setLeaveFailure] = useState<string | null>(null);
  const [left, setLeft] = useState(false);
  const nowMs = useNow(10_000);
  const entryRef = useRef(entry);
  entryRef.current = entry;

  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const openVisit = async (visit: NonNullable<StoredQueueEntry['visit']>): Promise<boolean> => {
      const opened = await getJoinVisit(visit.sessionToken);
      if (stopped) return true;
      if (!opened.ok) return false;
      setWaiting({ kind: 'visit', opened: { ok: true, sessionToken: visit.sessionToken, visit: opened.value } });
      return true;
    };
    const check = async (): Promise<void> => {
      const current = entryRef.current;
      if (current.visit && (await openVisit(current.visit))) return;
      const result = await getQueueEntryStatus(current.queueSession);
      if (stopped) return;
      if (!result.ok) {
        if (result.error.status === 401) return setWaiting({ kind: 'over', message: result.error.message });
      } else if (result.value.status === 'visit') {
        const token = result.value.sessionToken;
        if (token) {
          const next = { ...current, visit: { visitId: result.value.visitId, sessionToken: token } };
          keepQueueEntry(next);
          onEntry(next);
          if (await openVisit(next.visit)) return;
        } else if (!current.visit) {
          return setWaiting({ kind: 'over', message: 'Your visit was opened in another window or tab. Continue there.' });
        }
      } else {
        setWaiting({ kind: 'status', status: result.value });
        if (result.value.status === 'closed') return;
      }
      timer = window.setTimeout(() => void check(), QUEUE_POLL_MS);
    };
    void check();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [onEntry]);

  const leave = async (): Promise<void> => {
    setLeaveFailure(null);
    const result = await leaveQueue(entry.queueSession);
    if (!result.ok) return setLeaveFailure(result.error.message);
    setLeft(true);
    setWaiting({ kind: 'status', status: result.value });
  };

  if (waiting?.kind === 'visit') return <JoinedVisit opened={waiting.opened} onSessionOver={forgetQueueVisit} />;
  if (waiting?.kind === 'over') {
    return (
      <section className="hc-stack" aria-labelledby="hc-queue-over">
        <h1 id="hc-queue-over">This waiting room has closed</h1>
        <Alert tone="error">{waiting.message}</Alert>
      </section>
    );
  }
  const status = waiting?.status;
  return (
    <section className="hc-stack" aria-labelledby="hc-queue-waiting">
      <h1 id="hc-queue-waiting">{status?.status === 'closed' ? 'Your request is closed' : 'You are in the queue'}</h1>
      {!status ? <p role="status">Checking your place in line…</p> : null}
      {status?.status === 'waiting' ? (
        <>
          <p role="status">
            {status.position === 1 ? 'You are next in line.' : `You are number ${status.position} in line.`} {waitedText(status.requestedAt, nowMs)}.
          </p>
          <p>Keep this page open. It becomes your video visit as soon as a clinician licensed in {STATE_NAMES[status.locationState]} takes you.</p>
          <Button onClick={() => void leave()}>Leave the queue</Button>
        </>
      ) : null}
      {status?.status === 'taken' ? <p role="status">{status.clinicianName} is getting your video visit ready. Keep this page open.</p> : null}
      {status?.status === 'closed' ? (
        <p role="status">{left ? 'You left the queue. ' : ''}This request is no longer in the queue. If you still need care, ask your care team for a new link.</p>
      ) : null}
      {leaveFailure ? <Alert tone="error">{leaveFailure}</Alert> : null}
    </section>
  );
}

export function QueueEntryPage() {
  const [link] = useState(() => queueLinkFromPath(location.pathname));
  const [entry, setEntry] = useState<StoredQueueEntry | null>(() => (link ? storedQueueEntry(link) : null));

  const entered = (next: StoredQueueEntry): void => {
    keepQueueEntry(next);
    setEntry(next);
  };

  return (
    <main className="hc-join">
      <header className="hc-join__header"><p className="hc-join__brand">Housecall</p></header>
      {!link ? (
        <section className="hc-stack" aria-labelledby="hc-queue-refused">
          <h1 id="hc-queue-refused">This link cannot be used</h1>
          <Alert tone="error">This link is not valid. Check the link you were sent.</Alert>
        </section>
      ) : entry ? (
        <WaitingRoom entry={entry} onEntry={setEntry} />
      ) : (
        <EntryForm link={link} onEntered={entered} />
      )}
    </main>
  );
}
