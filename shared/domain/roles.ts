// The roles a Housecall user can hold, and what each may do at the coarsest level.
import { z } from 'zod';

export const ROLES = ['clinician', 'dispatcher', 'courier', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

/** Professional credential of a staff member; decides skills and what they may do in the field. */
export const CREDENTIALS = ['MD', 'DO', 'NP', 'RN', 'phlebotomist', 'courier', 'coordinator', 'it'] as const;
export const CredentialSchema = z.enum(CREDENTIALS);
export type Credential = z.infer<typeof CredentialSchema>;
