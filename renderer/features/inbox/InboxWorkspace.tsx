// The Inbox's task list: tasks such as a failed delivery of the user's prescription, kept on the device and
// marked done through the data layer. Shown above the conversations; nothing when there are no tasks.
import { useState } from 'react';
import { dataActions, DataError, useInboxTasks } from '../../data';
import { Alert, Badge, Button, formatTimestamp } from '../../ui';

export function InboxTasks() {
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
  if (tasks === undefined || tasks.length === 0) return null;
  return (
    <section aria-label="Tasks">
      <h2>Tasks</h2>
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
