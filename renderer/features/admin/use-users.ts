// Loads the staff user list for the Users workspace.
import { useCallback, useEffect, useState } from 'react';
import type { User } from '../../../shared/domain/user';
import { listUsers } from '../../platform';
import { failureText } from './failure-text';

export type UsersState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; users: readonly User[] };

export function useUsers(): { state: UsersState; reload: () => void } {
  const [state, setState] = useState<UsersState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    void listUsers(controller.signal).then((result) => {
      if (controller.signal.aborted) return;
      if (result.ok) {
        const users = [...result.value.users].sort((a, b) => a.displayName.localeCompare(b.displayName));
        setState({ status: 'ready', users });
      } else {
        setState({ status: 'error', message: failureText('the user list', result.error) });
      }
    });
    return () => controller.abort();
  }, [attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
