// Request rate limits as a route option: each rule counts requests per key (caller address, account, token)
// in a fixed window and answers 429 with Retry-After when the count is over. Counts live in this process:
// with several instances each counts its own share (the per-account lockout in the database is shared).
import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors';

export interface RateLimitInput {
  body: unknown;
  query: unknown;
  params: unknown;
  request: FastifyRequest;
}

export interface RateLimitRule {
  /** Names the counter; rules with the same bucket share counts (e.g. sign-in and its second step). */
  bucket: string;
  max: number;
  windowSeconds: number;
  /** What is counted: the caller's address, an account... null skips the rule for this request. */
  key(input: RateLimitInput): string | null;
  /** Shown to the caller in the 429 message: "Too many sign-in attempts ...". */
  what: string;
}

export interface RateLimitSetting {
  max: number;
  windowSeconds: number;
}

/** Request rate limits the app applies (server config HOUSECALL_SIGN_IN_PER_*_PER_MINUTE). */
export interface RateLimits {
  /** Sign-in attempts (password and second-factor steps) from one address. */
  signInPerIp: RateLimitSetting;
  /** Password sign-in attempts naming one account, from anywhere (on top of the lockout after failures). */
  signInPerAccount: RateLimitSetting;
  /** Patient join-link exchanges from one address (guessing links is bounded like guessing passwords). */
  joinPerIp: RateLimitSetting;
}

/**
 * Defaults: generous enough for a clinic behind one NAT address signing in at shift change, low enough that
 * guessing (and the argon2 work it costs) is bounded. The per-account limit is on top of the lockout.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  signInPerIp: { max: 100, windowSeconds: 60 },
  signInPerAccount: { max: 20, windowSeconds: 60 },
  joinPerIp: { max: 30, windowSeconds: 60 },
};

/** Counts by the caller's address (request.ip; behind a proxy this is the proxy unless trustProxy is set). */
export function perIp(bucket: string, setting: RateLimitSetting, what: string): RateLimitRule {
  return { bucket, ...setting, what, key: ({ request }) => `ip:${request.ip}` };
}

/** Counts by a string field of the parsed body (e.g. the email signed in to), case-insensitively. */
export function perBodyField(bucket: string, field: string, setting: RateLimitSetting, what: string): RateLimitRule {
  return {
    bucket, ...setting, what,
    key: ({ body }) => {
      const value = body && typeof body === 'object' ? (body as Record<string, unknown>)[field] : undefined;
      return typeof value === 'string' ? `${field}:${value.trim().toLowerCase()}` : null;
    },
  };
}

export const rateLimited = (what: string, retryAfterSeconds: number) =>
  new HttpError(429, 'rate_limited', `Too many ${what}. Wait ${retryAfterSeconds} second${retryAfterSeconds === 1 ? '' : 's'} and try again.`);

interface Window {
  count: number;
  resetAt: number;
}

const PRUNE_ABOVE = 10_000;

export interface RateLimitRefusal {
  what: string;
  retryAfterSeconds: number;
}

/** The counters of one app. check() counts the request and returns a refusal when a rule is over its limit. */
export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => Date) {}

  /** Counts one request against every rule; the first rule over its limit answers. */
  check(rules: readonly RateLimitRule[], input: RateLimitInput): RateLimitRefusal | null {
    const nowMs = this.now().getTime();
    if (this.windows.size > PRUNE_ABOVE) this.prune(nowMs);
    let refusal: RateLimitRefusal | null = null;
    for (const rule of rules) {
      const key = rule.key(input);
      if (key === null) continue;
      const id = `${rule.bucket}|${key}`;
      let window = this.windows.get(id);
      if (!window || window.resetAt <= nowMs) {
        window = { count: 0, resetAt: nowMs + rule.windowSeconds * 1000 };
        this.windows.set(id, window);
      }
      window.count += 1;
      if (window.count > rule.max && !refusal) refusal = { what: rule.what, retryAfterSeconds: Math.max(1, Math.ceil((window.resetAt - nowMs) / 1000)) };
    }
    return refusal;
  }

  private prune(nowMs: number): void {
    for (const [id, window] of this.windows) if (window.resetAt <= nowMs) this.windows.delete(id);
  }
}
