// A signed-in user as the workstation knows them (no secrets).
import { z } from 'zod';
import { CredentialSchema, RoleSchema } from './roles';
import { UsStateSchema } from './states';

export const StateLicenseSchema = z.object({
  state: UsStateSchema,
  licenseNumber: z.string().min(1).max(40),
  /** ISO date (YYYY-MM-DD); the license is active through this day. */
  expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type StateLicense = z.infer<typeof StateLicenseSchema>;

export const UserSchema = z.object({
  id: z.uuid(),
  email: z.email(),
  displayName: z.string().min(1).max(120),
  role: RoleSchema,
  credential: CredentialSchema.nullable(),
  timeZone: z.string().min(1).max(64),
  homeCityId: z.string().nullable(),
  totpEnabled: z.boolean(),
  licenses: z.array(StateLicenseSchema),
});
export type User = z.infer<typeof UserSchema>;
