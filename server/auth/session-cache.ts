// The sessions this server instance found live recently, so an authenticated request does not read its session
// from the database every time. An entry is forgotten when the session is revoked or its user disabled, changed
// or deleted (a trigger tells every instance over the Bus at commit: migration 0016), when this instance revokes
// it itself (at once, before the notice arrives), when the Bus was down (everything is forgotten), and after
// SESSION_CACHE_TTL_MS in any case.
import { z } from 'zod';
import type { Bus } from '../realtime/bus';
import type { LiveSession } from './sessions';

export const SESSIONS_CHANNEL = 'housecall_sessions';
/** The longest an entry is trusted without reading the database again (a backstop: notices do the real work). */
export const SESSION_CACHE_TTL_MS = 30_000;
const MAX_ENTRIES = 50_000;

const SessionNoticeSchema = z.union([z.strictObject({ sessionId: z.uuid() }), z.strictObject({ userId: z.uuid() })]);

interface Entry {
  session: LiveSession;
  until: number;
}

/** Revocations made by this process: every cache hears of them synchronously (see revokeSession). */
const localRevocationListeners = new Set<(sessionId: string) => void>();

export function announceLocalRevocation(sessionId: string): void {
  for (const listener of localRevocationListeners) listener(sessionId);
}

export class SessionCache {
  private readonly entries = new Map<string, Entry>();
  /** Bumped by every forgetting: a database read that started before one is not remembered (it may be stale). */
  private epoch = 0;
  private readonly onLocalRevocation = (sessionId: string) => this.forgetSession(sessionId);

  constructor(private readonly clock: () => number = Date.now) {}

  /** The remembered live session, if still trusted. */
  get(sessionId: string): LiveSession | undefined {
    const entry = this.entries.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= this.clock()) {
      this.entries.delete(sessionId);
      return undefined;
    }
    return entry.session;
  }

  /** Call before reading a session from the database; pass the mark to remember(). */
  mark(): number {
    return this.epoch;
  }

  /** Remembers a session read as live, unless something was forgotten since the read began. */
  remember(sessionId: string, session: LiveSession, mark: number): void {
    if (mark !== this.epoch) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(sessionId, { session, until: this.clock() + SESSION_CACHE_TTL_MS });
  }

  forgetSession(sessionId: string): void {
    this.epoch += 1;
    this.entries.delete(sessionId);
  }

  forgetUser(userId: string): void {
    this.epoch += 1;
    for (const [id, entry] of this.entries) if (entry.session.userId === userId) this.entries.delete(id);
  }

  forgetAll(): void {
    this.epoch += 1;
    this.entries.clear();
  }

  /** Listens for session notices from every instance and for this process's revocations; resolves to the function that stops listening. */
  async listen(bus: Bus): Promise<() => Promise<void>> {
    localRevocationListeners.add(this.onLocalRevocation);
    const unsubscribe = await bus.subscribe(SESSIONS_CHANNEL, (payload) => {
      const notice = SessionNoticeSchema.safeParse(payload);
      if (!notice.success) return;
      if ('sessionId' in notice.data) this.forgetSession(notice.data.sessionId);
      else this.forgetUser(notice.data.userId);
    }, () => this.forgetAll());
    return async () => {
      localRevocationListeners.delete(this.onLocalRevocation);
      this.forgetAll();
      await unsubscribe();
    };
  }
}
