// The error envelope every API answer uses for a 4xx/5xx: a stable code and a plain message, never PHI or a stack.
import { z } from 'zod';

export const API_ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'payload_too_large',
  'unsupported_media_type',
  'unauthenticated',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'locked_out',
  'rate_limited',
  'totp_required',
  'internal',
  'unavailable',
  'link_used',
  'link_expired',
] as const;
export const ApiErrorCodeSchema = z.enum(API_ERROR_CODES);
export type ApiErrorCode = z.infer<typeof ApiErrorCodeSchema>;

export const ApiErrorSchema = z.object({
  error: z.object({
    code: ApiErrorCodeSchema,
    message: z.string(),
    /** Field paths that failed validation (names only, never the submitted values). */
    fields: z.array(z.string()).optional(),
  }),
});
export type ApiError = z.infer<typeof ApiErrorSchema>;
