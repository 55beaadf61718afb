// Sign-in sessions: one per signed-in device, each with a chain of single-use refresh tokens (stored hashed).
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../db/database';
import { announceLocalRevocation } from './session-cache';
import { newOpaqueToken, sha256Hex } from './tokens';
import { REFRESH_TOKEN_TTL_SECONDS } from '../../shared/api/auth';

export async function createSession(db: Queryable, userId: string, deviceId: string, ip: string | null, now: Date): Promise<{ sessionId: string; refreshToken: string }> {
  const sessionId = randomUUID();
  await db.query('INSERT INTO sessions (id, user_id, device_id, ip, created_at, last_seen_at) VALUES ($1, $2, $3, $4, $5, $5)', [sessionId, userId, deviceId, ip, now]);
  const refreshToken = await issueRefreshToken(db, sessionId, now);
  return { sessionId, refreshToken };
}

export async function issueRefreshToken(db: Queryable, sessionId: string, now: Date): Promise<string> {
  const token = newOpaqueToken();
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_TTL_SECONDS * 1000);
  await db.query('INSERT INTO refresh_tokens (token_hash, session_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [sha256Hex(token), sessionId, expiresAt, now]);
  return token;
}

export type RefreshOutcome =
  | { ok: true; sessionId: string; userId: string; refreshToken: string }
  | { ok: false; reason: 'unknown' | 'expired' | 'revoked' | 'reused' };

/**
 * Exchanges a refresh token for a new one (rotation). Presenting a token that was already used means it
 * was copied: the whole session is revoked, so the thief and the owner both have to sign in again.
 */
export async function rotateRefreshToken(db: Queryable, token: string, now: Date): Promise<RefreshOutcome> {
  const { rows } = await db.query<{ session_id: string; expires_at: Date; used_at: Date | null; revoked_at: Date | null; user_id: string; disabled: boolean }>(
    `SELECT r.session_id, r.expires_at, r.used_at, s.revoked_at, s.user_id, u.disabled
       FROM refresh_tokens r JOIN sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id
      WHERE r.token_hash = $1 FOR UPDATE OF r, s`,
    [sha256Hex(token)],
  );
  const row = rows[0];
  if (!row) return { ok: false, reason: 'unknown' };
  if (row.revoked_at || row.disabled) return { ok: false, reason: 'revoked' };
  if (row.used_at) {
    await revokeSession(db, row.session_id, now);
    return { ok: false, reason: 'reused' };
  }
  if (row.expires_at.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  await db.query('UPDATE refresh_tokens SET used_at = $2 WHERE token_hash = $1', [sha256Hex(token), now]);
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id = $1', [row.session_id, now]);
  const refreshToken = await issueRefreshToken(db, row.session_id, now);
  return { ok: true, sessionId: row.session_id, userId: row.user_id, refreshToken };
}

export async function revokeSession(db: Queryable, sessionId: string, now: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = COALESCE(revoked_at, $2) WHERE id = $1', [sessionId, now]);
  // This instance forgets it at once; the others when the trigger's notice arrives (after commit).
  announceLocalRevocation(sessionId);
}

export interface LiveSession {
  userId: string;
  role: string;
}

/** The session behind an access token, if it is still live (not revoked, user not disabled). */
export async function liveSession(db: Queryable, sessionId: string): Promise<LiveSession | null> {
  const { rows } = await db.query<{ user_id: string; role: string }>(
    `SELECT s.user_id, u.role FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.revoked_at IS NULL AND NOT u.disabled`,
    [sessionId],
  );
  const row = rows[0];
  return row ? { userId: row.user_id, role: row.role } : null;
}
