// The signed-out experience: picks the sign-in step the session is at.
import { EnrollStep } from './EnrollStep';
import { PasswordStep } from './PasswordStep';
import { useSessionStore } from './session-store';
import { TotpStep } from './TotpStep';

export function SignInScreen() {
  const stage = useSessionStore((s) => s.stage);
  if (stage === 'totp') return <TotpStep />;
  if (stage === 'enroll') return <EnrollStep />;
  return <PasswordStep />;
}
