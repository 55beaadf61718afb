// The patient's one-time join link, with a Copy button, for the clinician to send.
import { useEffect, useId, useState } from 'react';
import type { JoinLink } from '../../../shared/api/visits';
import { Button, formatClock } from '../../ui';
import { careServerUrl, copyText } from '../../platform';

export function JoinLinkPanel({ link, timeZone }: { link: JoinLink; timeZone: string }) {
  const fieldId = useId();
  const [url, setUrl] = useState('');
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => {
    void careServerUrl(link.path).then(setUrl);
    setCopied(null);
  }, [link.path]);
  return (
    <div className="hc-join-link hc-field">
      <label className="hc-field__label" htmlFor={fieldId}>Patient join link</label>
      <div className="hc-join-link__row">
        <input id={fieldId} className="hc-field__input hc-mono" readOnly value={url} onFocus={(e) => e.target.select()} />
        <Button onClick={() => void copyText(url).then((ok) => setCopied(ok ? 'yes' : 'failed'))}>Copy link</Button>
      </div>
      <p className="hc-field__hint" role="status">
        {copied === 'yes' ? 'Link copied. ' : copied === 'failed' ? 'Copying was refused: select the link and copy it. ' : ''}
        Works once, until {formatClock(link.expiresAt, timeZone)}.
      </p>
    </div>
  );
}
