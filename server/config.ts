// Server configuration from the environment, validated; a bad value stops start-up with a clear message.
import path from 'node:path';
import { z } from 'zod';
import { IceServersSchema } from '../shared/domain/visit';
import type { IceServer } from '../shared/domain/visit';
import { DEFAULT_RATE_LIMITS } from './http/rate-limit';
import type { RateLimits } from './http/rate-limit';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8787),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional(),
  /** PostgreSQL connections per instance (node-postgres pool; one more is held for LISTEN). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Secret for signing access tokens; shared by every instance. Default: generated once and kept in the database. */
  HOUSECALL_TOKEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Seed the demo clinic into an empty database at start ('true' by default; 'false' for production). */
  HOUSECALL_DEMO_SEED: z.enum(['true', 'false']).default('true'),
  /** Workstation lock and cache settings handed to every workstation (GET /api/config). */
  HOUSECALL_AUTO_LOCK_MINUTES: z.coerce.number().int().min(1).max(240).default(15),
  HOUSECALL_SIGN_OUT_AFTER_MINUTES: z.coerce.number().int().min(5).max(1440).default(480),
  HOUSECALL_OFFLINE_CACHE_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  /** Sign-in attempts allowed per minute from one address, and naming one account (on top of the lockout). */
  HOUSECALL_JOIN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_RATE_LIMITS.joinPerIp.max),
  HOUSECALL_SIGN_IN_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_RATE_LIMITS.signInPerIp.max),
  HOUSECALL_SIGN_IN_PER_ACCOUNT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(DEFAULT_RATE_LIMITS.signInPerAccount.max),
  /** Folder of the built web workstation served at /. */
  HOUSECALL_WEB_DIR: z.string().optional(),
  /** ICE servers for video visits, as a JSON array of RTCIceServer ({urls, username?, credential?}); none by default. */
  HOUSECALL_ICE_SERVERS: z.string().optional().transform((raw, ctx) => {
    if (!raw) return [];
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of ICE servers' });
      return z.NEVER;
    }
    const parsed = IceServersSchema.safeParse(json);
    if (!parsed.success) {
      ctx.addIssue({ code: 'custom', message: `must be a JSON array of ICE servers (${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')})` });
      return z.NEVER;
    }
    return parsed.data;
  }),
  /** How long a patient's one-time join link stays valid. */
  HOUSECALL_JOIN_LINK_MINUTES: z.coerce.number().int().min(5).max(7 * 24 * 60).default(60),
});

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  databasePoolSize: number;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  tokenSecret: string | undefined;
  seedDemo: boolean;
  webDir: string;
  client: { autoLockMinutes: number; signOutAfterMinutes: number; offlineCacheMaxAgeHours: number };
  video: VideoConfig;
  rateLimits: RateLimits;
}

/** Video visit settings: ICE servers (never a library default) and the join link lifetime. */
export interface VideoConfig {
  iceServers: IceServer[];
  joinLinkMinutes: number;
}

export const DEFAULT_VIDEO_CONFIG: VideoConfig = { iceServers: [], joinLinkMinutes: 60 };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env, cwd = process.cwd()): ServerConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(cwd, e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    logLevel: e.LOG_LEVEL,
    tokenSecret: e.HOUSECALL_TOKEN_SECRET,
    seedDemo: e.HOUSECALL_DEMO_SEED === 'true',
    webDir: path.resolve(cwd, e.HOUSECALL_WEB_DIR ?? 'dist/renderer'),
    client: { autoLockMinutes: e.HOUSECALL_AUTO_LOCK_MINUTES, signOutAfterMinutes: e.HOUSECALL_SIGN_OUT_AFTER_MINUTES, offlineCacheMaxAgeHours: e.HOUSECALL_OFFLINE_CACHE_MAX_AGE_HOURS },
    video: { iceServers: e.HOUSECALL_ICE_SERVERS, joinLinkMinutes: e.HOUSECALL_JOIN_LINK_MINUTES },
    rateLimits: {
      signInPerIp: { max: e.HOUSECALL_SIGN_IN_PER_IP_PER_MINUTE, windowSeconds: 60 },
      joinPerIp: { max: e.HOUSECALL_JOIN_PER_IP_PER_MINUTE, windowSeconds: 60 },
      signInPerAccount: { max: e.HOUSECALL_SIGN_IN_PER_ACCOUNT_PER_MINUTE, windowSeconds: 60 },
    },
  };
}
