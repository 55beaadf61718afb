// Two-step verification in the settings: any signed-in user can turn on a TOTP authenticator (the setup key as
// text and an otpauth:// link for apps, confirmed with a first code). Clinicians need it to sign controlled
// substances. Turning it off is for an administrator (it is a security control, not a preference).
import { useEffect, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import type { TotpEnrollResponse } from '../../../shared/api/auth';
import type { User } from '../../../shared/domain/user';
import { activateTotp, currentUser, startTotpSetup } from '../../platform';
import { Alert, Button, TextField } from '../../ui';

/** Groups a base32 secret in fours so it is easier to type. */
const groupSecret = (secret: string): string => secret.replace(/(.{4})(?=.)/g, '$1 ');

type Stage = { step: 'off' } | { step: 'confirming'; setup: TotpEnrollResponse } | { step: 'on'; justNow: boolean };

export function TwoStepSettings({ user }: { user: User }) {
  const [stage, setStage] = useState<Stage>(user.totpEnabled ? { step: 'on', justNow: false } : { step: 'off' });
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The signed-in user may have turned it on since signing in (here, on another device): ask the server.
  useEffect(() => {
    let live = true;
    void currentUser().then((r) => {
      if (live && r.ok && r.value.totpEnabled) setStage((s) => (s.step === 'off' ? { step: 'on', justNow: false } : s));
    });
    return () => { live = false; };
  }, []);

  const begin = async (): Promise<void> => {
    setBusy(true);
    const result = await startTotpSetup();
    setBusy(false);
    if (!result.ok) return setError(`Two-step verification could not be set up: ${result.error.message}`);
    setError(null);
    setCode('');
    setStage({ step: 'confirming', setup: result.value });
  };

  const confirm = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    if (!/^\d{6}$/.test(code)) return setError('Enter the 6-digit code your authenticator app shows.');
    setBusy(true);
    const result = await activateTotp({ code });
    setBusy(false);
    if (!result.ok) {
      setCode('');
      return setError(result.error.message);
    }
    setError(null);
    setStage({ step: 'on', justNow: true });
  };

  return (
    <section aria-labelledby="hc-two-step-heading" className="hc-settings">
      <h2 id="hc-two-step-heading">Two-step verification</h2>
      {error ? <Alert>{error}</Alert> : null}
      {stage.step === 'on' ? (
        <p role="status">
          Two-step verification is on{stage.justNow ? ' for your account from now on' : ''}: signing in and signing controlled-substance
          prescriptions ask for a code from your authenticator app. An administrator can reset it if you lose the app.
        </p>
      ) : null}
      {stage.step === 'off' ? (
        <>
          <p>
            Two-step verification is off. Turn it on to sign in with a code from an authenticator app as well as your password;
            clinicians need it to sign controlled-substance prescriptions.
          </p>
          <Button variant="primary" busy={busy} onClick={() => void begin()}>Set up two-step verification</Button>
        </>
      ) : null}
      {stage.step === 'confirming' ? (
        <>
          <ol className="hc-steps">
            <li>Open your authenticator app and choose to add an account.</li>
            <li>
              Enter this setup key (time-based): <code className="hc-secret" aria-label="Setup key">{groupSecret(stage.setup.secret)}</code>
            </li>
            <li>
              Or, in an app that accepts a setup link: <code className="hc-uri" aria-label="Setup link">{stage.setup.otpauthUri}</code>
            </li>
            <li>Enter the 6-digit code the app shows, then turn it on.</li>
          </ol>
          <form className="hc-form" aria-label="Confirm two-step verification" noValidate onSubmit={(event) => void confirm(event)}>
            <TextField
              label="Authentication code"
              hint="The 6-digit code shown in your authenticator app."
              name="code"
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={6}
              value={code}
              onChange={(event: ChangeEvent<HTMLInputElement>) => setCode(event.target.value.replace(/\D/g, '').slice(0, 6))}
            />
            <div className="hc-form__actions">
              <Button type="submit" variant="primary" busy={busy}>Turn on two-step verification</Button>
              <Button variant="quiet" disabled={busy} onClick={() => { setStage({ step: 'off' }); setError(null); }}>Cancel</Button>
            </div>
          </form>
        </>
      ) : null}
    </section>
  );
}
