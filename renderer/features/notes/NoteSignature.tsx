// Signing: the "Sign note" action for a draft (after the device-side checks), and for a signed note its
// signature line ("signed — waiting to sync" until the server acknowledges), its addenda and the addendum form.
import { useState } from 'react';
import type { LocalNote } from '../../data';
import { dataActions } from '../../data';
import { Alert, Badge, Button, TextArea, formatTimestamp } from '../../ui';

export interface SignNoteButtonProps {
  /** Plain problems that block signing (vitals out of range, unknown codes, nothing written); empty when it can be signed. */
  problems: readonly string[];
  /** Saves what is typed before the hash is computed. */
  flush: () => Promise<void>;
  noteId: string;
  disabled: boolean;
}

export function SignNoteButton({ problems, flush, noteId, disabled }: SignNoteButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [showProblems, setShowProblems] = useState(false);

  const sign = async (): Promise<void> => {
    setError(null);
    if (problems.length > 0) {
      setShowProblems(true);
      return;
    }
    setBusy(true);
    try {
      await flush();
      await dataActions.signNote({ noteId });
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The note could not be signed.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="hc-note__sign">
      {showProblems && problems.length > 0 ? (
        <Alert title="The note cannot be signed yet">
          <ul>
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </Alert>
      ) : null}
      {error ? <Alert>{error}</Alert> : null}
      <Button variant="primary" onClick={() => void sign()} busy={busy} disabled={disabled}>
        Sign note
      </Button>
    </div>
  );
}

export interface SignedNoteProps {
  note: LocalNote;
  timeZone: string;
}

/** The signature line, the addenda, and the form to add a signed addendum. */
export function SignedNote({ note, timeZone }: SignedNoteProps) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const addenda = note.addenda ?? [];

  const add = async (): Promise<void> => {
    setError(null);
    if (text.trim() === '') {
      setError('Write the addendum first.');
      return;
    }
    setBusy(true);
    try {
      await dataActions.addAddendum({ noteId: note.id, text });
      setText('');
    } catch (e) {
      setError(e instanceof Error ? e.message : 'The addendum could not be added.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="hc-note__signed" aria-label="Signature and addenda">
      <p role="status" className="hc-note__signature">
        {note.pending ? (
          <>
            <Badge tone="warn">Signed — waiting to sync</Badge> Signed on this device{note.signedAt ? ` at ${formatTimestamp(note.signedAt, timeZone)}` : ''}; the server
            checks the signature when it arrives.
          </>
        ) : (
          <>
            <Badge tone="ok">Signed</Badge> Signed{note.signedAt ? ` ${formatTimestamp(note.signedAt, timeZone)}` : ''}
            {note.contentHash ? <span className="hc-muted hc-mono"> · SHA-256 {note.contentHash.slice(0, 16)}…</span> : null}
          </>
        )}
      </p>
      <h3>Addenda</h3>
      {addenda.length === 0 ? (
        <p className="hc-muted">No addenda.</p>
      ) : (
        <ol className="hc-list" aria-label="Addenda">
          {addenda.map((a) => (
            <li key={a.id}>
              <p className="hc-note__addendum-text">{a.text}</p>
              <p className="hc-muted">Signed addendum · {formatTimestamp(a.signedAt, timeZone)}</p>
            </li>
          ))}
        </ol>
      )}
      <TextArea label="New addendum" hint="Signed when you add it; a signed addendum cannot be changed." rows={3} maxLength={20_000} value={text} onChange={(event) => setText(event.target.value)} />
      {error ? <Alert>{error}</Alert> : null}
      <Button onClick={() => void add()} busy={busy}>
        Sign and add addendum
      </Button>
    </section>
  );
}
