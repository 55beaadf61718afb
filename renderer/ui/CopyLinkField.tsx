// A read-only link with a Copy button and a hint saying whether copying worked (e.g. a one-time link for a patient).
import { useEffect, useId, useState } from 'react';
import type { ReactNode } from 'react';
import { Button } from './Button';

export interface CopyLinkFieldProps {
  label: string;
  url: string;
  /** Copies the text; false when the platform refused. */
  copy: (text: string) => Promise<boolean>;
  /** What the link is for, after the copy outcome. */
  hint: ReactNode;
}

export function CopyLinkField({ label, url, copy, hint }: CopyLinkFieldProps) {
  const fieldId = useId();
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  useEffect(() => setCopied(null), [url]);
  return (
    <div className="hc-join-link hc-field">
      <label className="hc-field__label" htmlFor={fieldId}>{label}</label>
      <div className="hc-join-link__row">
        <input id={fieldId} className="hc-field__input hc-mono" readOnly value={url} onFocus={(e) => e.target.select()} />
        <Button onClick={() => void copy(url).then((ok) => setCopied(ok ? 'yes' : 'failed'))}>Copy link</Button>
      </div>
      <p className="hc-field__hint" role="status">
        {copied === 'yes' ? 'Link copied. ' : copied === 'failed' ? 'Copying was refused: select the link and copy it. ' : ''}
        {hint}
      </p>
    </div>
  );
}
