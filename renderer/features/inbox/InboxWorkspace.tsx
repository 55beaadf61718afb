// The clinician's Inbox: tasks such as a failed delivery of their prescription, kept on the device and
// marked done through the data layer.
import { useState } from 'react';
import { dataActions, DataError, useInboxTasks } from '../../data';
import { Alert, Badge, Button, EmptyState, formatTimestamp } from '../../ui';

export function InboxWorkspace() {
  const tasks = useInboxTasks();
  const [error, setError] = useState<string | null>(null);
  const complete = async (taskId: string) => {
    setError(null);
    try {
      await dataActions.queueMutation('task.complete', { taskId });
    } catch (e) {
      setError(e instanceof DataError ? e.message : 'The task could not be updated on this device.');
    }
  };
  if (tasks === undefined) return <p className="hc-loading">Loading your inbox…</p>;
  if (tasks.length === 0) return <EmptyState title="No messages yet.">Messages and tasks, such as a failed prescription delivery, appear here.</EmptyState>;
  return (
    <section aria-label="Inbox">
      <h2>Inbox</h2>
      {error ? <Alert>{error}</Alert> : null}
      <ul className="hc-list">
        {tasks.map((t) => (
          <li key={t.id} className="hc-card">
            <p>
              <strong>{t.title}</strong> {t.status === 'done' ? <Badge tone="ok">Done</Badge> : <Badge tone="danger">Open</Badge>}
              {t.pending ? <Badge tone="warn">Pending sync</Badge> : null}
            </p>
            <p className="hc-muted">{formatTimestamp(t.createdAt)}</p>
            {t.status === 'open' ? <Button onClick={() => void complete(t.id)} aria-label={`Mark done: ${t.title}`}>Mark done</Button> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
