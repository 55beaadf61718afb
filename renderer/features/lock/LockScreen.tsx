// The lock screen: the only thing rendered while locked. A modal dialog with the reason, who is signed in, a labelled
// Password field, Unlock, and Sign out. Patient data is not in the page while it shows.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, TextField } from '../../ui';
import { signOutFromLock, unlockWorkstation } from './lock-actions';
import { LOCK_REASON_TEXT } from './lock-messages';
import { useLockStore } from './lock-store';

export interface LockScreenProps {
  displayName: string;
}

export function LockScreen({ displayName }: LockScreenProps) {
  const reason = useLockStore((s) => s.reason);
  const busy = useLockStore((s) => s.busy);
  const error = useLockStore((s) => s.error);
  const signingOut = useLockStore((s) => s.status === 'signing-out');
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (error !== null) {
      setPassword('');
      passwordRef.current?.focus();
    }
  }, [error]);

  const onSubmit = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    void unlockWorkstation(password);
  };

  return (
    <main className="hc-signin">
      <div className="hc-signin__card" role="dialog" aria-modal="true" aria-labelledby="hc-lock-heading" aria-describedby="hc-lock-reason">
        <p className="hc-signin__brand" aria-hidden="true">
          Housecall
        </p>
        <h1 id="hc-lock-heading" className="hc-signin__heading">
          Housecall is locked
        </h1>
        <p id="hc-lock-reason">
          {reason ? LOCK_REASON_TEXT[reason] : LOCK_REASON_TEXT.restored} Signed in as {displayName}. Enter your password to continue.
        </p>
        <form className="hc-form" noValidate onSubmit={onSubmit}>
          {error ? <Alert>{error}</Alert> : null}
          <TextField
            ref={passwordRef}
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            autoFocus
            disabled={signingOut}
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button type="submit" variant="primary" busy={busy && !signingOut} disabled={signingOut} className="hc-form__submit">
            Unlock
          </Button>
          <Button variant="quiet" busy={signingOut} onClick={() => void signOutFromLock()}>
            Sign out
          </Button>
        </form>
      </div>
    </main>
  );
}
