// The patient's one-time join link, with a Copy button, for the clinician to send.
import { useEffect, useState } from 'react';
import type { JoinLink } from '../../../shared/api/visits';
import { CopyLinkField, formatClock } from '../../ui';
import { careServerUrl, copyText } from '../../platform';

export function JoinLinkPanel({ link, timeZone }: { link: JoinLink; timeZone: string }) {
  const [url, setUrl] = useState('');
  useEffect(() => {
    void careServerUrl(link.path).then(setUrl);
  }, [link.path]);
  return <CopyLinkField label="Patient join link" url={url} copy={copyText} hint={`Works once, until ${formatClock(link.expiresAt, timeZone)}.`} />;
}
