// "See a clinician now": a care-team clinician issues a patient a one-time, expiring link (an opaque token, no
// patient data in it) to copy and send; the patient opens it, confirms where they are and joins the on-demand queue.
import { useEffect, useState } from 'react';
import type { QueueEntryLink } from '../../../shared/api/queue-entry';
import { Alert, Button, CopyLinkField, formatClock } from '../../ui';
import { careServerUrl, copyText, createQueueEntryLink } from '../../platform';

export interface SeeClinicianNowLinkProps {
  patientId: string;
  timeZone: string;
}

export function SeeClinicianNowLink({ patientId, timeZone }: SeeClinicianNowLinkProps) {
  const [link, setLink] = useState<QueueEntryLink | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  useEffect(() => {
    if (link) void careServerUrl(link.path).then(setUrl);
  }, [link]);

  const issue = async (): Promise<void> => {
    setBusy(true);
    setFailure(null);
    const result = await createQueueEntryLink(patientId);
    setBusy(false);
    if (result.ok) setLink(result.value.link);
    else setFailure(result.error.status === 0 ? 'The link needs the server: try again when this device is online.' : result.error.message);
  };

  return (
    <div className="hc-stack hc-queue-link">
      <Button onClick={() => void issue()} disabled={busy}>
        {link ? 'Make a new “See a clinician now” link' : 'Send a “See a clinician now” link'}
      </Button>
      {failure ? <Alert>{failure}</Alert> : null}
      {link ? (
        <CopyLinkField
          label="See a clinician now link" url={url} copy={copyText}
          hint={`Send it to the patient: it works once, until ${formatClock(link.expiresAt, timeZone)}. They confirm where they are and join the on-demand queue.`}
        />
      ) : null}
    </div>
  );
}
