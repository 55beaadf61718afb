// Bearer-token authentication: a valid, unexpired access token whose session is still live.
import type { FastifyRequest } from 'fastify';
import type { AppDeps } from './deps';
import { HttpError, unauthenticated } from './errors';
import type { Principal } from './request-context';
import { liveSession } from '../auth/sessions';
import type { LiveSession } from '../auth/sessions';
import type { Role } from '../../shared/domain/roles';

async function sessionOf(deps: AppDeps, sessionId: string): Promise<LiveSession | null> {
  const remembered = deps.sessions.get(sessionId);
  if (remembered) return remembered;
  const mark = deps.sessions.mark();
  const session = await liveSession(deps.db, sessionId);
  if (session) deps.sessions.remember(sessionId, session, mark);
  return session;
}

export function makeTokenAuthenticator(deps: AppDeps) {
  return async function authenticateToken(token: string): Promise<Principal> {
    if (!token) throw unauthenticated('Sign in to continue: this request has no access token.');
    const check = deps.signer.verifyAccess(token, Math.floor(deps.now().getTime() / 1000));
    if (!check.ok) {
      if (check.reason === 'expired') throw new HttpError(401, 'token_expired', 'The access token has expired; refresh it.');
      throw unauthenticated('The access token is not valid.');
    }
    // Checked on every request (through the instance's cache, which every revocation, disabling or role change
    // clears at commit on every instance) so they take effect at once everywhere.
    const session = await sessionOf(deps, check.claims.sid);
    if (!session || session.userId !== check.claims.sub) throw unauthenticated('This session has ended. Sign in again.');
    return { userId: session.userId, role: session.role as Role, sessionId: check.claims.sid };
  };
}

export function makeAuthenticator(deps: AppDeps) {
  const authenticateToken = makeTokenAuthenticator(deps);
  return async function authenticate(request: FastifyRequest): Promise<Principal> {
    const header = request.headers.authorization;
    if (!header || !header.startsWith('Bearer ')) throw unauthenticated('Sign in to continue: this request has no access token.');
    return authenticateToken(header.slice('Bearer '.length).trim());
  };
}
