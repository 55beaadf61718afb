// "See a clinician now": a care-team clinician issues a patient a one-time, expiring link (an opaque token, no
// patient data in it) to copy and send; the patient opens it, confirms where they are and joins the on-demand queue.
import { useEffect, useId, useState } from 'react';
import type { QueueEntryLink } from '../../../shared/api/queue-entry';
import { Alert, Button, formatClock } from '../../ui';
import { careServerUrl, copyText, createQueueEntryLink } from '../../platform';

export interface SeeClinicianNowLinkProps {
  patientId: string;
  timeZone: string;
}

export function SeeClinicianNowLink({ patientId, timeZone }: SeeClinicianNowLinkProps) {
  const fieldId = useId();
  const [link, setLink] = useState<QueueEntryLink | null>(null);
  const [url, setUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);

  useEffect(() => {
    if (link) void careServerUrl(link.path).then(setUrl);
    setCopied(null);
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
        <div className="hc-join-link hc-field">
          <label className="hc-field__label" htmlFor={fieldId}>See a clinician now link</label>
          <div className="hc-join-link__row">
            <input id={fieldId} className="hc-field__input hc-mono" readOnly value={url} onFocus={(e) => e.target.select()} />
            <Button onClick={() => void copyText(url).then((ok) => setCopied(ok ? 'yes' : 'failed'))}>Copy link</Button>
          </div>
          <p className="hc-field__hint" role="status">
            {copied === 'yes' ? 'Link copied. ' : copied === 'failed' ? 'Copying was refused: select the link and copy it. ' : ''}
            Send it to the patient: it works once, until {formatClock(link.expiresAt, timeZone)}. They confirm where they are and join the on-demand queue.
          </p>
        </div>
      ) : null}
    </div>
  );
}
