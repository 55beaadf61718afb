// Writes a message: a labelled text box (Enter sends, Shift+Enter starts a new line), a Send button and,
// for clinicians, quick-reply templates that fill the box.
import { useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CLINICIAN_QUICK_REPLIES } from '../../../shared/chat/quick-replies';
import { MESSAGE_MAX_CHARS } from '../../../shared/domain/chat';
import { Alert, Button, TextArea } from '../../ui';

export interface ComposerProps {
  showQuickReplies: boolean;
  onSend: (body: string) => Promise<void>;
}

export function Composer({ showQuickReplies, onSend }: ComposerProps) {
  const [body, setBody] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const box = useRef<HTMLTextAreaElement>(null);
  const groupId = useId();
  const trimmed = body.trim();

  const send = async () => {
    if (!trimmed || busy) return;
    if (trimmed.length > MESSAGE_MAX_CHARS) {
      setError(`A message can be at most ${MESSAGE_MAX_CHARS} characters.`);
      return;
    }
    setBusy(true);
    try {
      await onSend(trimmed);
      setBody('');
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The message could not be saved on this device.');
    } finally {
      setBusy(false);
      box.current?.focus();
    }
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void send();
    }
  };

  return (
    <form className="hc-chat__composer" aria-label="Write a message" onSubmit={(e) => { e.preventDefault(); void send(); }}>
      {showQuickReplies ? (
        <div role="group" aria-labelledby={groupId} className="hc-chat__quick">
          <span id={groupId} className="hc-muted">Quick replies</span>
          {CLINICIAN_QUICK_REPLIES.map((q) => (
            <Button key={q.id} variant="quiet" onClick={() => { setBody(q.text); box.current?.focus(); }}>{q.label}</Button>
          ))}
        </div>
      ) : null}
      <TextArea ref={box} label="Message" hint="Enter sends; Shift+Enter starts a new line." rows={3} value={body} maxLength={MESSAGE_MAX_CHARS}
        onChange={(e) => setBody(e.target.value)} onKeyDown={onKeyDown} />
      {error ? <Alert tone="error">{error}</Alert> : null}
      <Button type="submit" variant="primary" busy={busy} disabled={!trimmed}>Send</Button>
    </form>
  );
}
