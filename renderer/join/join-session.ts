// The join page's visit session: the link token from the address, exchanged once for a visit-scoped session
// that is kept in this tab's sessionStorage, so a reload keeps working while the link itself stays one-time.
import { JoinTokenSchema, PatientSessionTokenSchema } from '../../shared/api/visits';
import { z } from 'zod';
import { exchangeJoinToken, getJoinVisit } from '../platform';
import type { JoinVisit } from '../../shared/api/visits';

const STORAGE_KEY = 'housecall.join.session';
const StoredSchema = z.object({ link: JoinTokenSchema, sessionToken: PatientSessionTokenSchema, visitId: z.uuid() });

export type JoinOpening =
  | { ok: true; sessionToken: string; visit: JoinVisit }
  | { ok: false; title: string; message: string };

export function linkTokenFromPath(pathname: string): string | null {
  const match = /^\/join\/([^/?#]+)\/?$/.exec(pathname);
  const parsed = JoinTokenSchema.safeParse(match?.[1]);
  return parsed.success ? parsed.data : null;
}

function stored(link: string): z.infer<typeof StoredSchema> | null {
  try {
    const parsed = StoredSchema.safeParse(JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null'));
    return parsed.success && parsed.data.link === link ? parsed.data : null;
  } catch {
    return null;
  }
}

export function forgetJoinSession(): void {
  sessionStorage.removeItem(STORAGE_KEY);
}

const UNUSABLE = 'This link cannot be used';

/** Opens the visit from the address: the kept session if this tab has one, else a one-time exchange of the link. */
export async function openJoinSession(pathname: string): Promise<JoinOpening> {
  const link = linkTokenFromPath(pathname);
  if (!link) return { ok: false, title: UNUSABLE, message: 'This visit link is not valid. Check the link you were sent.' };
  let session = stored(link);
  if (!session) {
    const exchanged = await exchangeJoinToken(link);
    if (!exchanged.ok) return { ok: false, title: UNUSABLE, message: exchanged.error.message };
    session = { link, sessionToken: exchanged.value.sessionToken, visitId: exchanged.value.visitId };
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  }
  const visit = await getJoinVisit(session.sessionToken);
  if (!visit.ok) {
    if (visit.error.status === 401) forgetJoinSession();
    return { ok: false, title: visit.error.status === 401 ? 'This visit has ended' : 'The visit could not be opened', message: visit.error.message };
  }
  return { ok: true, sessionToken: session.sessionToken, visit: visit.value };
}
