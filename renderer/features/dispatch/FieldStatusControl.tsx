// On the assignee's own schedule: report progress on a dispatched home visit (on my way, arrived, completed).
// Queued through the data layer, so it works offline; the dispatch board sees it live once it syncs.
import { useState } from 'react';
import type { FieldProgress } from '../../../shared/domain/dispatch';
import { dataActions, useFieldRequestForAppointment } from '../../data';
import { Badge } from '../../ui';
import { Button } from '../../ui';
import { STATUS_WORDS } from './dispatch-words';

const NEXT: Partial<Record<string, { status: FieldProgress; label: string }>> = {
  assigned: { status: 'en_route', label: 'On my way' },
  en_route: { status: 'arrived', label: 'Arrived' },
  arrived: { status: 'completed', label: 'Visit done' },
};

export function FieldStatusControl({ appointmentId, userId }: { appointmentId: string; userId: string }) {
  const request = useFieldRequestForAppointment(appointmentId);
  const [failed, setFailed] = useState<string | null>(null);
  if (!request || request.assigneeId !== userId) return null;
  const next = NEXT[request.status];
  return (
    <div className="hc-row-actions" role="group" aria-label="Field status">
      <Badge tone={request.status === 'completed' ? 'ok' : 'info'}>Field: {STATUS_WORDS[request.status]}</Badge>
      {next ? (
        <Button
          onClick={() => {
            setFailed(null);
            dataActions.queueMutation('fieldRequest.setStatus', { requestId: request.id, status: next.status }).catch(() => setFailed('The status could not be saved on this device.'));
          }}
        >
          {next.label}
        </Button>
      ) : null}
      {failed ? <span role="alert">{failed}</span> : null}
    </div>
  );
}
