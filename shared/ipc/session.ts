// Bridge payloads of the workstation lock, deep links and updates (the shell drives them; the renderer shows them).
import { z } from 'zod';

export const LockStatusSchema = z.enum(['unlocked', 'locked', 'signed-out']);
export type LockStatus = z.infer<typeof LockStatusSchema>;

export const LockReasonSchema = z.enum(['idle', 'os-lock', 'suspend', 'manual', 'restored']);
export const SignOutReasonSchema = z.enum(['idle-timeout', 'unlock-failures']);

/** What the renderer tells the shell about the session and the lock screen. */
export const SessionReportSchema = z.enum([
  /** A user signed in (or a session was restored): start the idle clock unlocked. */
  'started',
  /** The user pressed Lock, or the page restarted while locked. */
  'lock-requested',
  /** The server accepted the password on the lock screen. */
  'unlock-succeeded',
  /** The server refused the password on the lock screen. */
  'unlock-failed',
  /** The user signed out or the session ended: stop the idle clock. */
  'ended',
]);
export type SessionReport = z.infer<typeof SessionReportSchema>;

export const UpdateStatusSchema = z.object({
  status: z.enum(['available', 'downloaded']),
  /** Semver of the new version, e.g. '0.2.0'. */
  version: z.string().regex(/^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?$/).max(64),
  /** True when update:install may be called (notify mode, or downloaded). */
  canInstall: z.boolean(),
});
export type UpdateStatus = z.infer<typeof UpdateStatusSchema>;
