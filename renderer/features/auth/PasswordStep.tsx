// First sign-in step: email and password.
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { Alert, Button, TextField } from '../../ui';
import { submitPassword } from './session-actions';
import { useSessionStore } from './session-store';
import { SignInLayout } from './SignInLayout';

export function PasswordStep() {
  const busy = useSessionStore((s) => s.busy);
  const error = useSessionStore((s) => s.error);
  const rememberedEmail = useSessionStore((s) => s.email);
  const [email, setEmail] = useState(rememberedEmail);
  const [password, setPassword] = useState('');
  const passwordRef = useRef<HTMLInputElement>(null);

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const signedInOrNextStep = await submitPassword(email, password);
    if (!signedInOrNextStep) {
      setPassword('');
      passwordRef.current?.focus();
    }
  };

  return (
    <SignInLayout heading="Sign in to Housecall">
      <form className="hc-form" noValidate onSubmit={(event) => void onSubmit(event)}>
        {error ? <Alert>{error}</Alert> : null}
        <TextField
          label="Email"
          type="email"
          name="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus={!rememberedEmail}
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <TextField
          ref={passwordRef}
          label="Password"
          type="password"
          name="password"
          autoComplete="current-password"
          required
          autoFocus={Boolean(rememberedEmail)}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <Button type="submit" variant="primary" busy={busy} className="hc-form__submit">
          Sign in
        </Button>
      </form>
    </SignInLayout>
  );
}
