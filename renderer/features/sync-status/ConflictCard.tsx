// One change that needs attention: why the server refused it, your version and the server's side by side,
// and what to do (Retry, Keep mine as a new version, Discard mine — discarding asks first).
import { useId, useState } from 'react';
import type { ConflictAction, ConflictItem } from '../../data';
import { Alert, Button, ConfirmDialog, formatRelative, formatTimestamp } from '../../ui';
import { dataActions } from '../../data';
import type { VersionView } from './conflict-view';
import { conflictView } from './conflict-view';

export interface ConflictCardProps {
  conflict: ConflictItem;
  patientName: (id: string) => string | null;
  timeZone: string;
  now: number;
}

function Version({ heading, view }: { heading: string; view: VersionView }) {
  const headingId = useId();
  return (
    <section className="hc-conflict__version" aria-labelledby={headingId}>
      <h5 id={headingId} className="hc-conflict__version-title">
        {heading}
      </h5>
      {'note' in view ? (
        <p className="hc-muted">{view.note}</p>
      ) : (
        <dl className="hc-conflict__lines">
          {view.lines.map((line) => (
            <div key={line.label} className="hc-conflict__line">
              <dt>{line.label}</dt>
              <dd>{line.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}

export function ConflictCard({ conflict, patientName, timeZone, now }: ConflictCardProps) {
  const titleId = useId();
  const view = conflictView(conflict, patientName);
  const [busy, setBusy] = useState<ConflictAction | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [failed, setFailed] = useState(false);

  const act = async (action: ConflictAction): Promise<void> => {
    setBusy(action);
    setFailed(false);
    try {
      await dataActions.resolveConflict(conflict.id, action);
      setConfirming(false);
    } catch {
      setFailed(true); // the card stays; nothing was lost
    } finally {
      setBusy(null);
    }
  };

  return (
    <article className="hc-conflict" aria-labelledby={titleId}>
      <h4 id={titleId} className="hc-conflict__title">
        {view.title}
      </h4>
      <p className="hc-conflict__when hc-muted">
        Refused by the server <time dateTime={conflict.createdAt} title={formatTimestamp(conflict.createdAt, timeZone)}>{formatRelative(conflict.createdAt, now)}</time>
      </p>
      <p className="hc-conflict__reason">{view.reason}</p>
      {conflict.message ? <p className="hc-conflict__server">The server said: “{conflict.message}”</p> : null}
      <div className="hc-conflict__versions">
        <Version heading="Your version" view={view.mine} />
        <Version heading="Server version" view={view.theirs} />
      </div>
      {failed ? <Alert>That did not work. Your change is still kept on this device; try again.</Alert> : null}
      <div className="hc-conflict__actions">
        <Button onClick={() => void act('retry')} busy={busy === 'retry'} disabled={busy !== null}>
          Retry
        </Button>
        <Button variant="primary" onClick={() => void act('keep-mine')} busy={busy === 'keep-mine'} disabled={busy !== null}>
          Keep mine as a new version
        </Button>
        <Button variant="quiet" onClick={() => setConfirming(true)} disabled={busy !== null}>
          Discard mine
        </Button>
      </div>
      <ConfirmDialog
        open={confirming}
        title="Discard your change?"
        confirmLabel="Discard"
        busy={busy === 'discard'}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void act('discard')}
      >
        <p>It cannot be recovered.</p>
      </ConfirmDialog>
    </article>
  );
}
