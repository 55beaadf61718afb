// The cross-instance bus: PostgreSQL LISTEN/NOTIFY (PGlite in-process), ids only; payloads stay far under
// PostgreSQL's 8,000-byte limit. Listeners re-pull after a reconnect, so a lost notice costs only latency.
import type { Database } from '../db/database';

export const CHANGES_CHANNEL = 'housecall_changes';

export interface Bus {
  /** onResumed: the subscription was lost and is back; notices in between were lost (see Database.listen). */
  subscribe(channel: string, listener: (payload: unknown) => void, onResumed?: () => void): Promise<() => Promise<void>>;
}

export function databaseBus(db: Database): Bus {
  return {
    async subscribe(channel, listener, onResumed) {
      return db.listen(channel, (raw) => {
        let payload: unknown;
        try {
          payload = JSON.parse(raw);
        } catch {
          return; // not ours
        }
        listener(payload);
      }, onResumed);
    },
  };
}
