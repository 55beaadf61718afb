// TOTP second factor (RFC 6238: SHA-1, 6 digits, 30 s steps) with replay protection by time step.
import { Secret, TOTP } from 'otpauth';

const ISSUER = 'Housecall';
const PERIOD_SECONDS = 30;

export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function otpauthUri(secret: string, accountEmail: string): string {
  return new TOTP({ issuer: ISSUER, label: accountEmail, secret: Secret.fromBase32(secret), period: PERIOD_SECONDS }).toString();
}

/**
 * Checks a code against the secret, allowing one step of clock drift either way.
 * Returns the accepted time step, or null. A step at or below lastStep was already used: refused.
 */
export function checkTotp(secret: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const totp = new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD_SECONDS });
  const delta = totp.validate({ token: code, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  const step = Math.floor(nowMs / 1000 / PERIOD_SECONDS) + delta;
  if (lastStep !== null && step <= lastStep) return null;
  return step;
}

export function totpCodeAt(secret: string, nowMs: number): string {
  return new TOTP({ secret: Secret.fromBase32(secret), period: PERIOD_SECONDS }).generate({ timestamp: nowMs });
}
