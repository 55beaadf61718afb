// Signed, short-lived bearer tokens (HMAC-SHA256): access tokens and sign-in challenge tokens.
// Refresh tokens are not these: they are random, stored hashed, and revocable (see sessions.ts).
import { createHmac, randomBytes, timingSafeEqual, createHash } from 'node:crypto';
import { z } from 'zod';
import { RoleSchema } from '../../shared/domain/roles';

const AccessClaimsSchema = z.object({
  typ: z.literal('access'),
  sub: z.uuid(),
  sid: z.uuid(),
  role: RoleSchema,
  iat: z.number().int(),
  exp: z.number().int(),
});
export type AccessClaims = z.infer<typeof AccessClaimsSchema>;

const ChallengeClaimsSchema = z.object({
  typ: z.literal('challenge'),
  /** 'totp' = enter a code; 'enroll' = confirm a new TOTP secret. */
  purpose: z.enum(['totp', 'enroll']),
  sub: z.uuid(),
  iat: z.number().int(),
  exp: z.number().int(),
});
export type ChallengeClaims = z.infer<typeof ChallengeClaimsSchema>;

export type TokenCheck<T> = { ok: true; claims: T } | { ok: false; reason: 'malformed' | 'bad_signature' | 'expired' };

const b64url = (buf: Buffer) => buf.toString('base64url');

export class TokenSigner {
  private readonly key: Buffer;
  constructor(secret: string) {
    this.key = createHash('sha256').update(secret).digest();
  }

  private sign(claims: object): string {
    const body = b64url(Buffer.from(JSON.stringify(claims)));
    const mac = createHmac('sha256', this.key).update(`hc1.${body}`).digest();
    return `hc1.${body}.${b64url(mac)}`;
  }

  private verify<T>(token: string, schema: z.ZodType<T & { exp: number }>, nowSeconds: number): TokenCheck<T> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts[0] !== 'hc1') return { ok: false, reason: 'malformed' };
    const expected = createHmac('sha256', this.key).update(`hc1.${parts[1]}`).digest();
    const given = Buffer.from(parts[2]!, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'bad_signature' };
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
    } catch {
      return { ok: false, reason: 'malformed' };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) return { ok: false, reason: 'malformed' };
    if (parsed.data.exp <= nowSeconds) return { ok: false, reason: 'expired' };
    return { ok: true, claims: parsed.data };
  }

  issueAccess(claims: Omit<AccessClaims, 'typ' | 'iat' | 'exp'>, ttlSeconds: number, nowSeconds: number): string {
    return this.sign({ typ: 'access', ...claims, iat: nowSeconds, exp: nowSeconds + ttlSeconds });
  }

  verifyAccess(token: string, nowSeconds: number): TokenCheck<AccessClaims> {
    return this.verify(token, AccessClaimsSchema, nowSeconds);
  }

  issueChallenge(claims: Omit<ChallengeClaims, 'typ' | 'iat' | 'exp'>, ttlSeconds: number, nowSeconds: number): string {
    return this.sign({ typ: 'challenge', ...claims, iat: nowSeconds, exp: nowSeconds + ttlSeconds });
  }

  verifyChallenge(token: string, nowSeconds: number): TokenCheck<ChallengeClaims> {
    return this.verify(token, ChallengeClaimsSchema, nowSeconds);
  }
}

export const newOpaqueToken = () => b64url(randomBytes(32));
export const sha256Hex = (value: string) => createHash('sha256').update(value).digest('hex');
export const newTokenSecret = () => b64url(randomBytes(48));
