// Second sign-in step: the TOTP code from the user's authenticator app.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button } from '../../ui';
import { CodeField } from './CodeField';
import { backToPassword, submitTotpCode } from './session-actions';
import { useSessionStore } from './session-store';
import { SignInLayout } from './SignInLayout';

export function TotpStep() {
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const [code, setCode] = useState('');

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!(await submitTotpCode(code))) setCode('');
  };

  return (
    <SignInLayout heading="Two-step verification">
      <p className="hc-signin__lead">Enter the code from your authenticator app to finish signing in.</p>
      <form className="hc-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {error ? <Alert>{error}</Alert> : null}
        <CodeField value={code} onChange={setCode} />
        <div className="hc-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            Verify
          </Button>
          <Button variant="quiet" onClick={backToPassword} disabled={busy}>
            Back
          </Button>
        </div>
      </form>
    </SignInLayout>
  );
}
