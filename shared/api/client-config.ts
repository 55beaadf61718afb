// GET /api/config: settings the care server gives every workstation before sign-in (no secrets, no PHI).
import { z } from 'zod';

export const ClientConfigSchema = z.object({
  /** Lock the workstation after this many minutes without activity. */
  autoLockMinutes: z.number().int().min(1).max(240),
  /** Sign out completely after this many minutes locked or idle. */
  signOutAfterMinutes: z.number().int().min(5).max(24 * 60),
  /** Wipe the offline cache when the server has not been reached for this long. */
  offlineCacheMaxAgeHours: z.number().int().min(1).max(24 * 30),
});
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
