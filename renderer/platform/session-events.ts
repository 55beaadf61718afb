// Tells the app about session changes that happen inside the API client: a silent refresh, or the session ending.
import type { User } from '../../shared/domain/user';

export type SessionEvent = { type: 'refreshed'; user: User } | { type: 'ended'; message: string };
type Listener = (event: SessionEvent) => void;

const listeners = new Set<Listener>();

export function onSessionEvent(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

export function emitSessionEvent(event: SessionEvent): void {
  for (const listener of [...listeners]) listener(event);
}
