// The online prescription API: signing a controlled substance with the prescriber's authenticator code.
import { z } from 'zod';
import { RxSignArgsSchema } from '../sync/mutations';
import { EntityStateSchema } from '../sync/protocol';

/** Controlled substances (DEA II-V) are signed online only: the server verifies the TOTP code at signing. */
export const SignControlledBodySchema = RxSignArgsSchema().extend({
  totpCode: z.string().regex(/^\d{6}$/, 'a 6-digit authenticator code'),
});
export type SignControlledBody = z.infer<typeof SignControlledBodySchema>;

export const SignControlledResponseSchema = z.object({ prescription: EntityStateSchema });
