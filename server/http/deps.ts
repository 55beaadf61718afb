// What route modules are given: the database, the token signer and the clock (injectable for tests).
import type { Database } from '../db/database';
import type { TokenSigner } from '../auth/tokens';
import type { ClientConfig } from '../../shared/api/client-config';
import type { VideoConfig } from '../config';
import type { RateLimits } from './rate-limit';
import type { SessionCache } from '../auth/session-cache';

export interface AppDeps {
  db: Database;
  signer: TokenSigner;
  now: () => Date;
  clientConfig: ClientConfig;
  video: VideoConfig;
  /** Sessions this instance found live recently (see session-cache.ts). */
  sessions: SessionCache;
  /** DEFAULT_RATE_LIMITS apply when absent. */
  rateLimits?: RateLimits;
}
