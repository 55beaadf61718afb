// The "See a clinician now" page's sessions: the one-time link from the address (/now/<token>), the waiting
// page's session it was exchanged for, and later the video visit's patient session, kept in this tab's
// sessionStorage so a reload goes back to the waiting room or the visit while the link itself stays one-time.
import { z } from 'zod';
import { JoinTokenSchema, PatientSessionTokenSchema } from '../../shared/api/visits';
import { QueueSessionTokenSchema } from '../../shared/api/queue-entry';

const STORAGE_KEY = 'housecall.queue-entry.session';
const StoredSchema = z.object({
  link: JoinTokenSchema,
  queueSession: QueueSessionTokenSchema,
  visit: z.object({ visitId: z.uuid(), sessionToken: PatientSessionTokenSchema }).nullable(),
});
export type StoredQueueEntry = z.infer<typeof StoredSchema>;

export function queueLinkFromPath(pathname: string): string | null {
  const match = /^\/now\/([^/?#]+)\/?$/.exec(pathname);
  const parsed = JoinTokenSchema.safeParse(match?.[1]);
  return parsed.success ? parsed.data : null;
}

export function storedQueueEntry(link: string): StoredQueueEntry | null {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success && parsed.data.link === link ? parsed.data : null;
  } catch {
    return null;
  }
}

export function keepQueueEntry(entry: StoredQueueEntry): void {
  sessionStorage.setItem(STORAGE_KEY, JSON.stringify(entry));
}

/** Forgets the visit session (the visit ended) but keeps the waiting page's, which then reads "closed". */
export function forgetQueueVisit(): void {
  const raw = sessionStorage.getItem(STORAGE_KEY);
  if (!raw) return;
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(raw));
    if (parsed.success) keepQueueEntry({ ...parsed.data, visit: null });
    else sessionStorage.removeItem(STORAGE_KEY);
  } catch {
    sessionStorage.removeItem(STORAGE_KEY);
  }
}
