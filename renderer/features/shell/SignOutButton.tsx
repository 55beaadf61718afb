// Sign out. Signing out deletes this device's copy of the data, so it first tries to send what is waiting,
// and if changes still have not reached the server it says so and asks.
import { useState } from 'react';
import { flushBeforeSignOut } from '../../data';
import { Button, ConfirmDialog } from '../../ui';
import { signOutOfSession, useSessionStore } from '../auth';

const changes = (n: number): string => (n === 1 ? '1 change' : `${n} changes`);

export function SignOutButton({ syncs }: { syncs: boolean }) {
  const signingOut = useSessionStore((s) => s.signingOut);
  const [checking, setChecking] = useState(false);
  const [unsent, setUnsent] = useState(0);

  const press = async (): Promise<void> => {
    if (!syncs) {
      void signOutOfSession();
      return;
    }
    setChecking(true);
    try {
      const left = await flushBeforeSignOut(5_000);
      const count = left.pendingCount + left.conflictCount;
      if (count > 0) setUnsent(count);
      else void signOutOfSession();
    } catch {
      setUnsent(1); // could not tell: assume something may be lost and ask
    } finally {
      setChecking(false);
    }
  };

  return (
    <>
      <Button onClick={() => void press()} busy={signingOut || checking}>
        Sign out
      </Button>
      <ConfirmDialog
        open={unsent > 0}
        title="Sign out with changes not on the server?"
        confirmLabel="Sign out and delete them"
        cancelLabel="Stay signed in"
        busy={signingOut}
        onCancel={() => setUnsent(0)}
        onConfirm={() => void signOutOfSession()}
      >
        <p>
          {changes(unsent)} made on this device {unsent === 1 ? 'has' : 'have'} not reached the care server. Signing out deletes this device’s copy of
          your data, including {unsent === 1 ? 'that change' : 'those changes'}, and {unsent === 1 ? 'it' : 'they'} cannot be recovered.
        </p>
        <p>Stay signed in until the connection returns and Sync status shows all changes saved.</p>
      </ConfirmDialog>
    </>
  );
}
