// Enrolment step (accounts that must use two-step verification but have not set it up): show the new
// secret, then confirm it with a first code, which finishes signing in.
import { useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button } from '../../ui';
import { CodeField } from './CodeField';
import { backToPassword, submitEnrollmentCode } from './session-actions';
import { useSessionStore } from './session-store';
import { SignInLayout } from './SignInLayout';

/** Groups a base32 secret in fours so it is easier to type. */
const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

export function EnrollStep() {
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const enrollment = useSessionStore((s) => s.enrollment);
  const [code, setCode] = useState('');

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!(await submitEnrollmentCode(code))) setCode('');
  };

  return (
    <SignInLayout heading="Set up two-step verification">
      <p className="hc-signin__lead">Your account needs a second sign-in step. Set it up once with an authenticator app on your phone.</p>
      <ol className="hc-steps">
        <li>Open your authenticator app and choose to add an account.</li>
        <li>
          Enter this setup key (time-based):
          <code className="hc-secret">
            {enrollment ? groupSecret(enrollment.secret) : ''}
          </code>
        </li>
        <li>Enter the 6-digit code the app shows, then confirm.</li>
      </ol>
      <details className="hc-details">
        <summary>Setup link for apps that accept one</summary>
        <code className="hc-uri">{enrollment?.otpauthUri ?? ''}</code>
      </details>
      <form className="hc-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {error ? <Alert>{error}</Alert> : null}
        <CodeField value={code} onChange={setCode} />
        <div className="hc-form__actions">
          <Button type="submit" variant="primary" busy={busy}>
            Confirm and sign in
          </Button>
          <Button variant="quiet" onClick={backToPassword} disabled={busy}>
            Back
          </Button>
        </div>
      </form>
    </SignInLayout>
  );
}
